package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A host whose probe hangs never stalls the health poll of other hosts: hosts are polled side
 * by side, a poll waits for a host at most the staleness limit and then counts it as a failed
 * reading, and later polls do not wait for it again or start a second call of its probe.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HealthMonitorHungHostTest {

    private static final Duration STALE_AFTER = Duration.ofSeconds(1);

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final CountDownLatch release = new CountDownLatch(1);
    private final ScriptedGpuProbe hung = new ScriptedGpuProbe("hung", clock).thenHangUninterruptibly(release)
            .thenPlausible();
    private final ScriptedGpuProbe fine = new ScriptedGpuProbe("fine", clock).thenPlausible();
    private final HealthMonitor monitor = HealthMonitor.builder().clock(clock)
            .config(MonitorConfig.builder().thresholds(HealthThresholds.builder().stalenessLimit(STALE_AFTER).build())
                    .build())
            .host("hung-host", hung).host("fine-host", fine).capacity(id -> new HostCapacity(0, 5, 4)).build();

    @AfterEach
    void releaseTheHungProbe() {
        release.countDown();
        monitor.close();
    }

    @Test
    void otherHostsArePolledWhileOneProbeHangsAndTheHungHostIsLost() {
        long start = System.nanoTime();

        List<HostHealth> health = monitor.pollOnce();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STALE_AFTER.plusSeconds(3));
        assertThat(health.get(1).status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(health.get(0).status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(health.get(0).reasons()).anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(
                HealthReason.ProbeFailed.class, f -> {
                    assertThat(f.cause()).isEqualTo(ProbeFailureCause.TIMEOUT);
                    assertThat(f.detail()).as("how long it waited, about the staleness limit")
                            .matches("the probe has not returned for \\d s; other hosts are polled meanwhile");
                }));
    }

    @Test
    void laterPollsDoNotWaitForTheHungProbeAgainNorCallItTwice() throws Exception {
        monitor.pollOnce();
        clock.advance(Duration.ofSeconds(5));
        long start = System.nanoTime();

        List<HostHealth> health = monitor.pollOnce();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STALE_AFTER);
        assertThat(health.get(0).status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(health.get(1).status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(hung.calls()).isEqualTo(1);
        assertThat(fine.calls()).isEqualTo(2);

        release.countDown();
        for (int i = 0; i < 200 && hung.calls() < 2; i++) {
            clock.advance(Duration.ofSeconds(5));
            monitor.pollOnce();
        }
        assertThat(hung.calls()).as("the host is polled again once its probe returned").isGreaterThanOrEqualTo(2);
    }
}
