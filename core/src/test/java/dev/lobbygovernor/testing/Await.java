package dev.lobbygovernor.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded waiting for tests that involve real threads (decorator workers, the monitor's own
 * thread). Logic tests use {@link MutableClock} instead.
 */
public final class Await {

    /** The default bound: generous, because the build machine is shared. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Waits until {@code condition} holds, at most {@link #DEFAULT_LIMIT}; fails the test if not. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_LIMIT, condition);
    }

    /** Waits until {@code condition} holds, at most {@code limit}; fails the test if not. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting until " + what);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
