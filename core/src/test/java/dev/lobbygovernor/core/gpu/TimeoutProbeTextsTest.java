package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.gpu.internal.TimeoutProbe;
import dev.lobbygovernor.testing.Await;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timeout decorator's refusals in the words an operator reads, and closing it when idle. No
 * test here waits on a deadline longer than a few milliseconds.
 */
class TimeoutProbeTextsTest {

    private static final Duration SHORT = Duration.ofMillis(5);
    /** Ample for a probe that answers at once; short, so that a call never made fails the test quickly. */
    private static final Duration ANSWERS = Duration.ofSeconds(1);

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungCalls() {
        release.countDown();
    }

    @Test
    void theTimeoutMustBePositiveAndBothArgumentsGiven() {
        var script = new ScriptedGpuProbe("nvml", clock).thenPlausible();
        assertThatThrownBy(() -> new TimeoutProbe(script, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe timeout must be positive, was PT0S");
        assertThatThrownBy(() -> new TimeoutProbe(script, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("probe timeout must be positive, was PT-0.001S");
        assertThatThrownBy(() -> new TimeoutProbe(null, SHORT)).hasMessage("delegate");
        assertThatThrownBy(() -> new TimeoutProbe(script, null)).hasMessage("timeout");
        try (var probe = new TimeoutProbe(script, Duration.ofNanos(1))) {
            assertThat(probe.name()).isEqualTo("nvml");
        }
    }

    @Test
    void theReadingAgeIsTheWrappedProbes() {
        GpuProbe aged = new GpuProbe() {
            @Override
            public String name() {
                return "aged";
            }

            @Override
            public GpuSample sample() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration maxReadingAge() {
                return Duration.ofSeconds(4);
            }
        };
        try (var probe = new TimeoutProbe(aged, SHORT)) {
            assertThat(probe.maxReadingAge()).isEqualTo(Duration.ofSeconds(4));
        }
    }

    @Test
    void aCallPastItsTimeoutSaysHowLongItWaitedAndTheNextSaysTheCallStillRuns() {
        var hung = new ScriptedGpuProbe("hung", clock).thenHangUninterruptibly(release);
        try (var probe = new TimeoutProbe(hung, SHORT)) {
            assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
                assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
                assertThat(e.probeName()).isEqualTo("hung");
                assertThat(e.getMessage()).isEqualTo("GPU probe hung did not answer within 5 ms; the driver may be hung");
            });
            assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
                assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
                assertThat(e.getMessage()).matches("GPU probe hung: previous call still running for \\d+\\.\\d s"
                        + " \\(timeout 5 ms\\); not starting another");
            });
            Await.until("the hung call has started", () -> hung.calls() == 1);
        }
    }

    @Test
    void closingAnIdleProbeClosesTheWrappedOneAtOnceAndOnlyOnce() throws Exception {
        var script = new ScriptedGpuProbe("idle", clock).thenPlausible();
        var probe = new TimeoutProbe(script, ANSWERS);
        assertThat(probe.sample().source()).isEqualTo("idle");
        probe.close();
        assertThat(script.closes()).isEqualTo(1);
        probe.close();
        assertThat(script.closes()).isEqualTo(1);
        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
            assertThat(e.getMessage()).isEqualTo("GPU probe idle is closed");
        });
        assertThat(script.calls()).isEqualTo(1);
    }

    @Test
    void closingAProbeNeverAskedClosesTheWrappedOneWithoutStartingAThread() {
        var script = new ScriptedGpuProbe("never-asked", clock).thenPlausible();
        var probe = new TimeoutProbe(script, ANSWERS);
        probe.close();
        assertThat(script.closes()).isEqualTo(1);
        assertThat(ProbeThreads.alive("lobby-governor-probe-never-asked")).isZero();
        assertThatThrownBy(probe::sample).hasMessage("GPU probe never-asked is closed");
        assertThat(script.calls()).isZero();
    }

    @Test
    void consecutiveCallsReuseTheOneWorkerAndGetTheirOwnSamples() throws Exception {
        var script = new ScriptedGpuProbe("seq", clock).thenPlausible();
        try (var probe = new TimeoutProbe(script, ANSWERS)) {
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(1));
                assertThat(probe.sample().takenAt()).isEqualTo(clock.instant());
            }
            assertThat(script.calls()).isEqualTo(3);
            assertThat(ProbeThreads.alive("lobby-governor-probe-seq")).isEqualTo(1);
        }
    }
    @Test
    void theStillRunningRefusalSaysForHowManySecondsToTheTenth() {
        var hung = new ScriptedGpuProbe("tenths", clock).thenHangUninterruptibly(release);
        try (var probe = new TimeoutProbe(hung, Duration.ofMillis(100))) {
            assertThatThrownBy(probe::sample).hasMessageContaining("did not answer within 100 ms");
            assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
                var m = java.util.regex.Pattern.compile("GPU probe tenths: previous call still running for (\\d)\\.(\\d) s"
                        + " \\(timeout 100 ms\\); not starting another").matcher(e.getMessage());
                assertThat(m.matches()).as(e.getMessage()).isTrue();
                int tenths = Integer.parseInt(m.group(1)) * 10 + Integer.parseInt(m.group(2));
                assertThat(tenths).as("at least the 100 ms it has run").isGreaterThanOrEqualTo(1);
            });
        }
    }
    @Test
    void aCallerInterruptedWhileItWaitsGetsATypedFailureAndKeepsItsInterrupt() {
        var slow = new ScriptedGpuProbe("slow", clock).thenBlockUntil(release);
        try (var probe = new TimeoutProbe(slow, Duration.ofSeconds(30))) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
                assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
                assertThat(e.getMessage()).isEqualTo("interrupted while waiting for GPU probe slow");
                assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
            });
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aCallWhoseCallerTimedOutBeforeTheWorkerTookItUpIsInterruptedWhenItStarts() {
        // a timeout of one nanosecond: the caller gives up before the worker has started the call
        var waits = new ScriptedGpuProbe("late", clock).thenBlockUntil(new CountDownLatch(1)).thenPlausible();
        try (var probe = new TimeoutProbe(waits, Duration.ofNanos(1))) {
            assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class,
                    e -> assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT));
            // Without the interrupt the first call would block the worker for good, and no call
            // after it would ever reach the probe.
            Await.until("a later call reaches the probe", Duration.ofSeconds(5), () -> {
                try {
                    probe.sample();
                } catch (ProbeException expected) {
                    // each times out after a nanosecond; only whether it reached the probe counts
                }
                return waits.calls() >= 2;
            });
        }
    }

    @Test
    void aCallerArrivingWithinTheTimeoutOfARunningCallWaitsForItAndSharesItsSample() throws Exception {
        var slow = new ScriptedGpuProbe("shared", clock).thenBlockUntil(release);
        Thread caller = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            ProbeThreads.awaitAllWaiting(java.util.List.of(caller));
            release.countDown();
        });
        releaser.setDaemon(true);
        var first = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (var probe = new TimeoutProbe(slow, Duration.ofSeconds(30))) {
            var earlier = first.submit(probe::sample);
            Await.until("the first call runs", () -> slow.calls() == 1);
            releaser.start();
            GpuSample joined = probe.sample();
            assertThat(joined).isSameAs(earlier.get());
            assertThat(slow.calls()).isEqualTo(1);
        } finally {
            first.shutdownNow();
        }
    }
}
