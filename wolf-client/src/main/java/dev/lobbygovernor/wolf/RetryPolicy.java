package dev.lobbygovernor.wolf;

import java.time.Duration;
import java.util.Objects;

/**
 * How often an idempotent read (a GET) is tried when Wolf cannot be reached. Requests that
 * change state — create, stop, join, leave — are never retried: a lost reply does not mean the
 * request was not carried out.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry)
 * @param backoff the waits between attempts
 */
public record RetryPolicy(int maxAttempts, Backoff backoff) {

    /** Default attempts for a read: a restart of Wolf takes a moment, a dead host longer. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default backoff: 100 ms, then 200 ms, at most 2 s, jittered. */
    public static final Backoff DEFAULT_BACKOFF =
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
    /** The default policy. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF);
    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, DEFAULT_BACKOFF);

    /** Validates: at least one attempt, at most 20. */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 20");
        }
        Objects.requireNonNull(backoff, "backoff");
    }
}
