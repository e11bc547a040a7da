package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.testing.Await;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimeoutProbeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(50);
    /**
     * What a caller may take beyond the timeout: thread wake-ups on a loaded machine (a build
     * sharing two cores, the mutation run's parallel workers) take a hundred milliseconds and
     * more; a call that waited for the hung probe would never return at all.
     */
    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungCalls() {
        release.countDown();
    }

    /**
     * Loads and compiles the classes of both paths (a timed-out wait, a fail-fast refusal) on a
     * probe of its own, so the measured calls time the decorator, not the class loader.
     */
    @BeforeAll
    static void warmUp() {
        CountDownLatch never = new CountDownLatch(1);
        var hung = new ScriptedGpuProbe("warm-up", MutableClock.at("2025-01-10T12:00:00Z")).thenHangUninterruptibly(never);
        try (GpuProbe probe = Probes.withTimeout(hung, Duration.ofMillis(5))) {
            for (int i = 0; i < 50; i++) {
                try {
                    probe.sample();
                } catch (ProbeException expected) {
                    // both paths end here
                }
            }
        } finally {
            never.countDown();
        }
    }

    private static ProbeException timeoutOf(GpuProbe probe) {
        long start = System.nanoTime();
        ProbeException failure;
        try {
            probe.sample();
            throw new AssertionError("expected a timeout");
        } catch (ProbeException e) {
            failure = e;
        }
        long took = System.nanoTime() - start;
        assertThat(took).as("call took %d ms (%s)", took / 1_000_000, failure.getMessage())
                .isLessThanOrEqualTo(TIMEOUT.toNanos() + SLACK_NANOS);
        return failure;
    }

    @Test
    void hundredCallsToAHungProbeEachReturnWithinTheTimeoutAndUseOneThread() {
        var hung = new ScriptedGpuProbe("hung-seq", clock).thenHangUninterruptibly(release);
        try (GpuProbe probe = Probes.withTimeout(hung, TIMEOUT)) {
            for (int i = 0; i < 100; i++) {
                assertThat(timeoutOf(probe).failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
                assertThat(ProbeThreads.alive("lobby-governor-probe-hung-seq")).isLessThanOrEqualTo(1);
            }
            assertThat(hung.calls()).isEqualTo(1);
        }
    }

    @Test
    void hundredConcurrentCallsToAHungProbeEachReturnWithinTheTimeoutAndUseOneThread() throws Exception {
        var hung = new ScriptedGpuProbe("hung-par", clock).thenHangUninterruptibly(release);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (GpuProbe probe = Probes.withTimeout(hung, TIMEOUT)) {
            List<Callable<ProbeFailureCause>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(() -> timeoutOf(probe).failureCause());
            }
            for (Future<ProbeFailureCause> f : callers.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(ProbeFailureCause.TIMEOUT);
            }
            assertThat(ProbeThreads.alive("lobby-governor-probe-hung-par")).isEqualTo(1);
            assertThat(hung.calls()).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void whileAStuckCallHoldsTheWorkerNewCallsFailFastSayingSo() {
        var hung = new ScriptedGpuProbe("hung-msg", clock).thenHangUninterruptibly(release);
        try (GpuProbe probe = Probes.withTimeout(hung, TIMEOUT)) {
            assertThat(timeoutOf(probe).getMessage()).contains("did not answer within 50 ms");
            long start = System.nanoTime();
            ProbeException fast = timeoutOf(probe);
            assertThat(System.nanoTime() - start).isLessThan(TIMEOUT.toNanos());
            assertThat(fast.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
            assertThat(fast.getMessage()).contains("previous call still running for").contains(" s");
            assertThat(fast.probeName()).isEqualTo("hung-msg");
        }
    }

    @Test
    void onceTheStuckCallReturnsTheProbeAnswersAgainOnTheSameThread() {
        var probeScript = new ScriptedGpuProbe("recovers", clock).thenHangUninterruptibly(release).thenPlausible();
        try (GpuProbe probe = Probes.withTimeout(probeScript, TIMEOUT)) {
            timeoutOf(probe);
            release.countDown();
            Await.until("the worker is free", () -> {
                try {
                    return probe.sample().source().equals("recovers");
                } catch (ProbeException e) {
                    return false;
                }
            });
            assertThat(ProbeThreads.alive("lobby-governor-probe-recovers")).isEqualTo(1);
        }
    }

    @Test
    void aCallThatWaitsInterruptiblyIsInterruptedAtItsTimeoutAndFreesTheWorker() throws Exception {
        var waits = new ScriptedGpuProbe("interruptible", clock).thenBlockUntil(new CountDownLatch(1)).thenPlausible();
        try (GpuProbe probe = Probes.withTimeout(waits, TIMEOUT)) {
            timeoutOf(probe);
            // Without the interrupt the worker would stay blocked forever and every call fail fast.
            Await.until("the next call is answered", () -> {
                try {
                    return probe.sample() != null;
                } catch (ProbeException e) {
                    return false;
                }
            });
            assertThat(waits.calls()).isEqualTo(2);
        }
    }

    @Test
    void passesSamplesAndTypedFailuresThrough() throws Exception {
        var script = new ScriptedGpuProbe("nvml", clock).thenPlausible().thenNvmlUnknownError();
        try (GpuProbe probe = Probes.withTimeout(script, Duration.ofSeconds(5))) {
            assertThat(probe.sample().source()).isEqualTo("nvml");
            assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
                assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
                assertThat(e.rawMessage()).isEqualTo(ScriptedGpuProbe.NVML_UNKNOWN_ERROR);
            });
            assertThat(probe.name()).isEqualTo("nvml");
        }
    }

    @Test
    void anUncheckedExceptionFromTheProbeBecomesATypedFailure() {
        var buggy = new ScriptedGpuProbe("buggy", clock).thenThrow(new IllegalStateException("parser bug"));
        try (GpuProbe probe = Probes.withTimeout(buggy, Duration.ofSeconds(5))) {
            assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
                assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
                assertThat(e.rawMessage()).isEqualTo("parser bug");
                assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
            });
        }
    }

    @Test
    void startsItsNamedDaemonWorkerOnTheFirstCallAndStopsItOnClose() throws Exception {
        var script = new ScriptedGpuProbe("lazy", clock).thenPlausible();
        GpuProbe probe = Probes.withTimeout(script, Duration.ofSeconds(5));
        assertThat(ProbeThreads.alive("lobby-governor-probe-lazy")).isZero();
        probe.sample();
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("lobby-governor-probe-lazy")).findFirst().orElseThrow();
        assertThat(worker.isDaemon()).isTrue();
        probe.close();
        worker.join(5_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(script.closes()).isEqualTo(1);
        assertThatThrownBy(probe::sample).isInstanceOf(ProbeException.class).hasMessageContaining("closed");
    }

    @Test
    void closeReturnsAtOnceAndClosesTheProbeOnlyAfterTheRunningCallReturns() {
        var hung = new ScriptedGpuProbe("closing", clock).thenHangUninterruptibly(release);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        GpuProbe recording = new GpuProbe() {
            @Override
            public String name() {
                return hung.name();
            }

            @Override
            public GpuSample sample() throws ProbeException {
                try {
                    return hung.sample();
                } finally {
                    events.add("call returned");
                }
            }

            @Override
            public void close() {
                events.add("closed");
                hung.close();
            }
        };
        GpuProbe probe = Probes.withTimeout(recording, TIMEOUT);
        timeoutOf(probe);

        long start = System.nanoTime();
        probe.close();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(events).as("closed under the running call").isEmpty();

        release.countDown();
        Await.until("the probe is closed", () -> hung.closes() == 1);
        assertThat(events).containsExactly("call returned", "closed");
    }

    @Test
    void rejectsANonPositiveTimeout() {
        var script = new ScriptedGpuProbe("nvml", clock).thenPlausible();
        assertThatThrownBy(() -> Probes.withTimeout(script, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
