package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SingleFlightProbeTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");

    /** Starts callers that each call {@code probe} once and record what they got. */
    private static List<Thread> callers(int n, GpuProbe probe, ConcurrentLinkedQueue<Object> results) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    results.add(probe.sample());
                } catch (ProbeException e) {
                    results.add(e);
                }
            }, "caller-" + i);
            threads.add(t);
            t.start();
        }
        return threads;
    }

    @Test
    void callersArrivingDuringACallShareIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        var nvml = new ScriptedGpuProbe("nvml", clock).thenBlockUntil(release);
        GpuProbe probe = Probes.singleFlight(nvml);
        var results = new ConcurrentLinkedQueue<Object>();
        List<Thread> threads = callers(16, probe, results);
        ProbeThreads.awaitAllWaiting(threads);
        release.countDown();
        for (Thread t : threads) {
            t.join(5_000);
        }
        assertThat(nvml.calls()).isEqualTo(1);
        assertThat(results).hasSize(16).allMatch(r -> r == results.peek());
    }

    @Test
    void callersArrivingDuringAFailingCallShareItsFailure() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        var nvml = new ScriptedGpuProbe("nvml", clock).thenSample(now -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("driver returned garbage");
        });
        GpuProbe probe = Probes.singleFlight(nvml);
        var results = new ConcurrentLinkedQueue<Object>();
        List<Thread> threads = callers(8, probe, results);
        ProbeThreads.awaitAllWaiting(threads);
        release.countDown();
        for (Thread t : threads) {
            t.join(5_000);
        }
        assertThat(nvml.calls()).isEqualTo(1);
        assertThat(results).hasSize(8).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(ProbeException.class,
                e -> assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN)));
    }

    @Test
    void aCallerArrivingAfterTheFlightLandedStartsANewOne() throws Exception {
        var nvml = new ScriptedGpuProbe("nvml", clock).thenPlausible();
        GpuProbe probe = Probes.singleFlight(nvml);
        probe.sample();
        probe.sample();
        assertThat(nvml.calls()).isEqualTo(2);
    }

    @Test
    void neverRunsTheProbeConcurrentlyUnderStress() throws Exception {
        var nvml = new ScriptedGpuProbe("nvml", clock).thenPlausible();
        GpuProbe probe = Probes.singleFlight(nvml);
        var results = new ConcurrentLinkedQueue<Object>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 500; k++) {
                    try {
                        results.add(probe.sample());
                    } catch (ProbeException e) {
                        results.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(results).hasSize(4000).allMatch(GpuSample.class::isInstance);
        assertThat(nvml.maxConcurrentCalls()).isEqualTo(1);
        assertThat(nvml.calls()).isBetween(1, 4000);
    }

    @Test
    void closeClosesTheWrappedProbe() {
        var nvml = new ScriptedGpuProbe("nvml", clock).thenPlausible();
        Probes.singleFlight(nvml).close();
        assertThat(nvml.closes()).isEqualTo(1);
    }
}
