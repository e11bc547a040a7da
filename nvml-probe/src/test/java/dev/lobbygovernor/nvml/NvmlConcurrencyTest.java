package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stress: threads sampling, opening and closing probes, and forcing re-initialisations at once.
 * No read may ever run against a session another thread is shutting down.
 */
class NvmlConcurrencyTest {

    static final int THREADS = 4;
    static final int ROUNDS = 300;

    @TempDir
    Path tmp;

    @Test
    void concurrentOpenSampleCloseKeepsInitAndShutdownBalanced() throws Exception {
        long seed = System.nanoTime();
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(2));
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        try (NvmlGpuProbe shared = fake.probe()) {
            runThreads(seed, (random, i) -> {
                if (random.nextInt(3) == 0) {
                    try (NvmlGpuProbe own = fake.probe()) {
                        assertThat(own.sample().devices()).hasSize(2);
                    }
                } else {
                    assertThat(shared.sample().devices()).hasSize(2);
                }
            }, errors);
        }
        assertThat(errors).as("errors with seed %d", seed).isEmpty();
        assertThat(fake.refcount()).as("seed %d", seed).isZero();
        assertThat(fake.calls("nvmlInit_v2")).as("seed %d", seed).isEqualTo(fake.calls("nvmlShutdown"));
    }

    @Test
    void samplesNeverOverlapAReinitialisation() throws Exception {
        long seed = System.nanoTime();
        // GPU 1 is lost on every sample, so every sample asks for a re-init while others read.
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp,
                Control.devices(2).device(1, "return.nvmlDeviceGetMemoryInfo_v2", 15));
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger samples = new AtomicInteger();
        try (NvmlGpuProbe probe = fake.probe()) {
            runThreads(seed, (random, i) -> {
                GpuSample sample = probe.sample();
                List<GpuDevice> devices = sample.devices();
                // GPU 0 read during a concurrent shutdown would come back UNINITIALIZED: nameless.
                assertThat(devices.get(0).name()).isEqualTo("Fake GPU 0");
                assertThat(devices.get(1).name()).isEmpty();
                samples.incrementAndGet();
            }, errors);
        }
        assertThat(errors).as("errors with seed %d", seed).isEmpty();
        assertThat(samples.get()).isEqualTo(THREADS * ROUNDS);
        assertThat(fake.calls("nvmlShutdown")).as("re-inits happened").isGreaterThan(10);
        assertThat(fake.refcount()).isZero();
    }

    interface Step {
        void run(Random random, int round) throws Exception;
    }

    private static void runThreads(long seed, Step step, ConcurrentLinkedQueue<Throwable> errors)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Future<?>[] futures = new Future<?>[THREADS];
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed + t);
                futures[t] = pool.submit(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        try {
                            step.run(random, i);
                        } catch (Throwable e) {
                            errors.add(e);
                            return;
                        }
                    }
                });
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
