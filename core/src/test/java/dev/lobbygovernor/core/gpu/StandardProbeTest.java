package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StandardProbeTest {

    private static final int CALLERS = 64;

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");

    private static List<Thread> startCallers(GpuProbe probe, CountDownLatch gate, ConcurrentLinkedQueue<Object> out) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Thread t = new Thread(() -> {
                try {
                    if (gate != null) {
                        gate.await();
                    }
                    out.add(probe.sample());
                } catch (ProbeException e) {
                    out.add(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(t);
            t.start();
        }
        return threads;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }
    }

    @Test
    void sixtyFourCallersWaitingOnOneSlowCallCauseExactlyOneProbeCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        var nvml = new ScriptedGpuProbe("std-slow", clock).thenBlockUntil(release);
        try (GpuProbe probe = Probes.standard(nvml, clock)) {
            var results = new ConcurrentLinkedQueue<Object>();
            List<Thread> threads = startCallers(probe, null, results);
            ProbeThreads.awaitAllWaiting(threads);
            release.countDown();
            joinAll(threads);
            assertThat(nvml.calls()).isEqualTo(1);
            assertThat(results).hasSize(CALLERS).allMatch(GpuSample.class::isInstance);
        }
    }

    @Test
    void sixtyFourConcurrentCallersWithinEachTtlCauseExactlyOneProbeCallPerTtl() throws Exception {
        var nvml = new ScriptedGpuProbe("std-fast", clock).thenPlausible();
        try (GpuProbe probe = Probes.standard(nvml, clock)) {
            int rounds = 20;
            for (int round = 1; round <= rounds; round++) {
                CountDownLatch gate = new CountDownLatch(1);
                var results = new ConcurrentLinkedQueue<Object>();
                List<Thread> threads = startCallers(probe, gate, results);
                gate.countDown();
                joinAll(threads);
                assertThat(nvml.calls()).as("calls after round %d", round).isEqualTo(round);
                assertThat(results).hasSize(CALLERS).allMatch(r -> r == results.peek());
                clock.advance(Probes.DEFAULT_CACHE_TTL);
            }
        }
    }

    @Test
    void standardBoundsAHungProbeByTheDefaultTimeoutAndCachesTheTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        var hung = new ScriptedGpuProbe("std-hung", clock).thenHangUninterruptibly(release);
        try (GpuProbe probe = Probes.standard(hung, clock)) {
            long start = System.nanoTime();
            ProbeException e = org.junit.jupiter.api.Assertions.assertThrows(ProbeException.class, probe::sample);
            long took = System.nanoTime() - start;
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
            assertThat(Duration.ofNanos(took)).isBetween(Probes.DEFAULT_TIMEOUT.minusMillis(1),
                    Probes.DEFAULT_TIMEOUT.plusSeconds(3));
            // Within the TTL the cached timeout answers at once.
            long again = System.nanoTime();
            org.junit.jupiter.api.Assertions.assertThrows(ProbeException.class, probe::sample);
            assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(1));
        } finally {
            release.countDown();
        }
    }
}
