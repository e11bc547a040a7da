package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemediationTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);
    private final List<Instant> runs = new ArrayList<>();
    private final List<RemediationResult> heard = new ArrayList<>();

    private HealthMonitor monitor(MonitorConfig config, Remediation remediation) {
        return HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(id -> new HostCapacity(5, 5, 4)).config(config).remediation(remediation)
                .listener(new HealthListener() {
                    @Override
                    public void onRemediation(String hostId, RemediationResult result) {
                        heard.add(result);
                    }
                }).build();
    }

    private Remediation recording(RemediationResult result) {
        return (host, health) -> {
            assertThat(health.status()).isEqualTo(HealthStatus.MONITORING_LOST);
            runs.add(clock.instant());
            return result;
        };
    }

    private void pollEvery5s(HealthMonitor m, Duration total) {
        m.pollOnce();
        for (long i = 0; i < total.toSeconds() / 5; i++) {
            clock.advance(Duration.ofSeconds(5));
            m.pollOnce();
        }
    }

    @Test
    void runsOnceMonitoringHasBeenLostLongEnoughAndAtMostOncePerCooldown() {
        probe.thenNvmlUnknownError();
        Instant start = clock.instant();
        var config = MonitorConfig.builder().remediateAfter(Duration.ofMinutes(1)).remediateAfterFailures(1000)
                .remediationCooldown(Duration.ofMinutes(15)).build();
        try (LogCapture logs = LogCapture.library()) {
            pollEvery5s(monitor(config, recording(RemediationResult.succeeded("wolf restarted"))), Duration.ofMinutes(40));
            assertThat(runs).containsExactly(start.plusSeconds(60), start.plusSeconds(960), start.plusSeconds(1860));
            assertThat(heard).hasSize(3).allMatch(RemediationResult::succeeded);
            assertThat(logs.at(Level.INFO)).filteredOn(e -> e.getFormattedMessage().contains("done: wolf restarted"))
                    .hasSize(3);
        }
    }

    @Test
    void runsAfterTheConfiguredNumberOfBadReadingsIfThatComesFirst() {
        probe.thenPlausible().thenAllZero();
        Instant start = clock.instant();
        var config = MonitorConfig.builder().remediateAfter(Duration.ofHours(1)).remediateAfterFailures(3).build();
        pollEvery5s(monitor(config, recording(RemediationResult.succeeded("ok"))), Duration.ofMinutes(1));
        assertThat(runs).containsExactly(start.plusSeconds(15));
    }

    @Test
    void aFailedOrThrowingRemediationIsLoggedAndTriedAgainAfterTheCooldown() {
        probe.thenNvmlUnknownError();
        var config = MonitorConfig.builder().remediateAfterFailures(1).remediationCooldown(Duration.ofMinutes(10)).build();
        List<Integer> attempts = new ArrayList<>();
        Remediation flaky = (host, health) -> {
            attempts.add(attempts.size());
            if (attempts.size() == 1) {
                throw new IllegalStateException("docker socket unreachable");
            }
            return RemediationResult.failed("container refused to stop");
        };
        try (LogCapture logs = LogCapture.library()) {
            pollEvery5s(monitor(config, flaky), Duration.ofMinutes(15));
            assertThat(attempts).hasSize(2);
            assertThat(heard).extracting(RemediationResult::detail)
                    .containsExactly("IllegalStateException: docker socket unreachable", "container refused to stop");
            assertThat(logs.at(Level.WARN)).filteredOn(e -> e.getFormattedMessage().contains("Remediation for host wolf-1 failed"))
                    .hasSize(2);
        }
    }

    @Test
    void neverRunsWhileMonitoringWorks() {
        probe.thenPlausible();
        var config = MonitorConfig.builder().remediateAfterFailures(1).build();
        pollEvery5s(monitor(config, recording(RemediationResult.succeeded("ok"))), Duration.ofMinutes(30));
        assertThat(runs).isEmpty();
    }
}
