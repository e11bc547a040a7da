package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.testing.Await;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachedProbeTest {

    private static final Duration TTL = Duration.ofSeconds(2);

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final ScriptedGpuProbe nvml = new ScriptedGpuProbe("nvml", clock);

    @Test
    void servesTheSameSampleWithinTheTtl() throws Exception {
        nvml.thenPlausible();
        GpuProbe probe = Probes.cached(nvml, TTL, clock);
        GpuSample first = probe.sample();
        clock.advance(Duration.ofMillis(1999));
        assertThat(probe.sample()).isSameAs(first);
        assertThat(nvml.calls()).isEqualTo(1);
    }

    @Test
    void asksTheProbeAgainOnceTheTtlHasPassed() throws Exception {
        nvml.thenPlausible();
        GpuProbe probe = Probes.cached(nvml, TTL, clock);
        GpuSample first = probe.sample();
        clock.advance(TTL);
        GpuSample second = probe.sample();
        assertThat(second.takenAt()).isEqualTo(first.takenAt().plus(TTL));
        assertThat(nvml.calls()).isEqualTo(2);
    }

    @Test
    void cachesFailuresForTheTtlToo() throws Exception {
        nvml.thenNvmlUnknownError().thenPlausible();
        GpuProbe probe = Probes.cached(nvml, TTL, clock);
        assertThatThrownBy(probe::sample).isInstanceOf(ProbeException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class,
                e -> assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED));
        assertThat(nvml.calls()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(probe.sample().source()).isEqualTo("nvml");
        assertThat(nvml.calls()).isEqualTo(2);
    }

    @Test
    void aClockThatMovesBackwardsExpiresTheEntry() throws Exception {
        nvml.thenPlausible();
        GpuProbe probe = Probes.cached(nvml, TTL, clock);
        probe.sample();
        clock.advance(Duration.ofSeconds(-1));
        probe.sample();
        assertThat(nvml.calls()).isEqualTo(2);
    }

    @Test
    void anUncheckedExceptionIsCachedAsATypedFailure() {
        nvml.thenThrow(new IllegalStateException("bug"));
        GpuProbe probe = Probes.cached(nvml, TTL, clock);
        assertThatThrownBy(probe::sample).isInstanceOf(ProbeException.class);
        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class,
                e -> assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN));
        assertThat(nvml.calls()).isEqualTo(1);
    }

    @Test
    void aFailureCausedByTheCallersInterruptIsRethrownUncachedWithTheInterruptKept() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        nvml.thenBlockUntil(never).thenPlausible();
        GpuProbe probe = Probes.cached(nvml, TTL, clock);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread poller = new Thread(() -> {
            try {
                probe.sample();
            } catch (Throwable t) {
                thrown.set(t);
            }
            interruptKept.set(Thread.currentThread().isInterrupted());
        }, "cached-probe-poller");
        poller.start();
        Await.until("the refresh blocks in the probe", () -> nvml.calls() == 1
                && poller.getState() == Thread.State.WAITING);
        poller.interrupt(); // as shutdownNow() does to a monitor's polling thread
        poller.join(5_000);

        assertThat(thrown.get()).isInstanceOf(ProbeException.class);
        assertThat(interruptKept).isTrue();
        // Same instant, well within the TTL: the next caller asks the GPU, not the cached interrupt.
        assertThat(probe.sample().source()).isEqualTo("nvml");
        assertThat(nvml.calls()).isEqualTo(2);
    }

    @Test
    void closeClosesTheWrappedProbe() {
        Probes.cached(nvml, TTL, clock).close();
        assertThat(nvml.closes()).isEqualTo(1);
    }

    @Test
    void rejectsANonPositiveTtl() {
        assertThatThrownBy(() -> Probes.cached(nvml, Duration.ofMillis(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
