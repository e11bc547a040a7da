package dev.lobbygovernor.wolf;

import java.time.Duration;
import java.util.Objects;

/**
 * How often an idempotent read (a GET) is tried when Wolf cannot be reached. Requests that
 * change state — create, stop, join, leave — are never retried: a lost reply does not mean the
 * request was not carried out. Immutable; every value is checked when set. Start from
 * {@link #defaults()}, {@link #none()} or {@link #builder()}.
 *
 * <p>The wait before retry {@code n} (from 1) is drawn from the upper half of
 * {@code min(maxBackoff, initialBackoff × 2^(n-1))}: retries from many callers spread out but
 * still grow.
 */
public final class RetryPolicy {

    /** Default attempts for a read: a restart of Wolf takes a moment, a dead host longer. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default ceiling of the first wait: 100 ms (so the wait is 50 to 100 ms). */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    /** Default ceiling of any wait: 2 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);
    /** The most attempts accepted: more only keeps a caller waiting on a host that is gone. */
    public static final int MAX_ATTEMPTS_LIMIT = 20;

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
    }

    /**
     * The defaults: every value as its {@code DEFAULT_} constant.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * One attempt, no retry.
     *
     * @return the policy that never retries
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy.
     *
     * @return a new builder holding these values
     */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).backoff(initialBackoff, maxBackoff);
    }

    /**
     * Attempts in all, the first included.
     *
     * @return 1 (no retry) to {@link #MAX_ATTEMPTS_LIMIT}
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The ceiling of the wait before the first retry; it doubles for each further retry.
     *
     * @return a positive duration, not above {@link #maxBackoff()}
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The ceiling of any wait between attempts.
     *
     * @return a positive duration, not below {@link #initialBackoff()}
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Whether {@code o} holds the same values.
     *
     * @param o the object to compare with
     * @return true for policies with equal values
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && maxAttempts == p.maxAttempts
                && initialBackoff.equals(p.initialBackoff) && maxBackoff.equals(p.maxBackoff);
    }

    /**
     * A hash of the values.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff);
    }

    /**
     * Every value, for logs.
     *
     * @return such as {@code RetryPolicy[maxAttempts=3, initialBackoff=PT0.1S, maxBackoff=PT2S]}
     */
    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + "]";
    }

    /** Builds a {@link RetryPolicy}; each setter rejects a bad value at once. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        private Builder() {
        }

        /**
         * Sets the attempts in all; default {@link #DEFAULT_MAX_ATTEMPTS}.
         *
         * @param attempts 1 for no retry, at most {@link #MAX_ATTEMPTS_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException if {@code attempts} is outside 1 to
         *     {@link #MAX_ATTEMPTS_LIMIT}
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > MAX_ATTEMPTS_LIMIT) {
                throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_ATTEMPTS_LIMIT
                        + ", was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sets the ceilings of the waits between attempts; default
         * {@link #DEFAULT_INITIAL_BACKOFF} and {@link #DEFAULT_MAX_BACKOFF}. Set together
         * because each bounds the other.
         *
         * @param initial the ceiling before the first retry
         * @param max the ceiling of any wait
         * @return this builder
         * @throws NullPointerException if either is null
         * @throws IllegalArgumentException unless {@code 0 < initial <= max}
         */
        public Builder backoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initialBackoff");
            Objects.requireNonNull(max, "maxBackoff");
            if (initial.isNegative() || initial.isZero()) {
                throw new IllegalArgumentException("initialBackoff must be positive, was " + initial);
            }
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("maxBackoff " + max
                        + " must not be below initialBackoff " + initial);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The policy.
         *
         * @return an immutable policy with this builder's values
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
