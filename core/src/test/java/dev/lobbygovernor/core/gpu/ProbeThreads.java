package dev.lobbygovernor.core.gpu;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/** Thread observations for the concurrency tests of the decorators. */
final class ProbeThreads {

    private ProbeThreads() {
    }

    /** Live threads with exactly this name. */
    static long alive(String threadName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(threadName)).count();
    }

    /** Waits, bounded, until {@code condition} holds; fails the test if it never does. */
    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    /** Waits until every thread is parked (waiting on a lock, latch or future). */
    static void awaitAllWaiting(Collection<Thread> threads) {
        await("all callers wait", Duration.ofSeconds(10), () -> threads.stream().allMatch(t ->
                t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
    }
}
