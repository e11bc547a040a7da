package dev.lobbygovernor.store.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** Runs tasks on several threads released together, so that they overlap as much as possible. */
final class Parallel {

    private static final long TIMEOUT_SECONDS = 60;

    private Parallel() {
    }

    /**
     * Runs {@code task.accept(i)} for {@code i} in {@code [0, tasks)} spread over {@code threads}
     * threads, all released by one latch; rethrows the first failure.
     */
    static void run(int threads, int tasks, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "session-store-contract");
            t.setDaemon(true);
            return t;
        });
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = worker; i < tasks; i += threads) {
                        task.accept(i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
