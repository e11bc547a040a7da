package dev.lobbygovernor.wolf.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter: before attempt {@code n} (from 1) the ceiling is
 * {@code min(max, initial × 2^(n-1))}, and the delay is drawn from the upper half of it, so
 * retries from many callers spread out but still grow.
 *
 * @param initial the ceiling before the first retry
 * @param max the largest ceiling
 */
public record Backoff(Duration initial, Duration max) {

    /**
     * Validates: {@code 0 < initial <= max}.
     *
     * @param initial the ceiling before the first retry
     * @param max the largest ceiling
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException unless {@code 0 < initial <= max}
     */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    /**
     * The wait before retry number {@code retry}.
     *
     * @param retry 1 for the first retry, 2 for the second, …
     * @param random a uniform value in [0, 1), the jitter
     * @return a delay in [ceiling / 2, ceiling]
     * @throws IllegalArgumentException if {@code retry} is below 1 or {@code random} outside
     *     [0, 1)
     */
    public Duration delay(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1");
        }
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1)");
        }
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        int shift = Math.min(retry - 1, 62);
        // compare before shifting so the product cannot overflow
        long ceiling = initialNanos > (maxNanos >> shift) ? maxNanos : initialNanos << shift;
        long half = ceiling / 2;
        return Duration.ofNanos(ceiling - half + (long) (random * half));
    }
}
