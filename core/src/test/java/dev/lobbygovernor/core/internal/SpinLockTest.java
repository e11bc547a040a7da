package dev.lobbygovernor.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mutual exclusion and visibility of the ledger's lock, under contention. */
class SpinLockTest {

    private final SpinLock lock = new SpinLock();
    private long plainCounter; // guarded by lock, deliberately not volatile

    @Test
    void fourThreadsIncrementingUnderTheLockLoseNoUpdate() throws Exception {
        int threads = 4;
        int perThread = 200_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    lock.lock();
                    try {
                        plainCounter++;
                    } finally {
                        lock.unlock();
                    }
                }
            }, "lobby-governor-spinlock-test-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join(30_000);
        }

        lock.lock();
        try {
            assertThat(plainCounter).isEqualTo((long) threads * perThread);
        } finally {
            lock.unlock();
        }
    }
}
