package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A poll by hand that meets an error, or an interrupt, instead of an answer. */
class HealthMonitorPollTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final CountDownLatch release = new CountDownLatch(1);
    private HealthMonitor monitor;

    @AfterEach
    void cleanUp() {
        Thread.interrupted();
        release.countDown();
        if (monitor != null) {
            monitor.close();
        }
    }

    private HealthMonitor monitor(ScriptedGpuProbe probe) {
        monitor = HealthMonitor.builder().clock(clock).host("wolf-1", probe).capacity(id -> new HostCapacity(0, 5, 4))
                .build();
        return monitor;
    }

    @Test
    void anErrorInAHostsPollReachesTheCallerWrappedNotLost() {
        StackOverflowError error = new StackOverflowError("deep");
        ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock).thenSample(now -> {
            throw error;
        });
        assertThatThrownBy(monitor(probe)::pollOnce).isInstanceOf(IllegalStateException.class).hasCause(error);
    }

    @Test
    void anInterruptedPollReturnsTheHealthKnownSoFarAndKeepsTheInterrupt() {
        ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock).thenBlockUntil(release);
        HealthMonitor m = monitor(probe);
        Thread.currentThread().interrupt();
        List<HostHealth> health = m.pollOnce();
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(health).singleElement().extracting(HostHealth::status).isEqualTo(HealthStatus.UNKNOWN);
    }
}
