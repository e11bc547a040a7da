package dev.lobbygovernor.core.gpu;

import dev.lobbygovernor.testing.Await;
import java.util.Collection;

/** Thread observations for the concurrency tests of the decorators. */
final class ProbeThreads {

    private ProbeThreads() {
    }

    /** Live threads with exactly this name. */
    static long alive(String threadName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(threadName)).count();
    }

    /** Waits until every thread is parked (waiting on a lock, latch or future). */
    static void awaitAllWaiting(Collection<Thread> threads) {
        Await.until("all callers wait", () -> threads.stream().allMatch(t ->
                t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
    }
}
