package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The incident of reference/INCIDENT.md, replayed on a fake clock: a good reading at 12:28:18,
 * then NVML's "Unknown Error" and all-zero readings with 5-6 lobbies, until nvidia-smi works again
 * at 12:52:15 after a restart of the streaming server.
 */
class IncidentReplayTest {

    private static final Instant LAST_GOOD = Instant.parse("2025-01-10T12:28:18Z");
    private static final Instant FIRST_BAD = Instant.parse("2025-01-10T12:28:23Z");
    private static final Instant CRASH = Instant.parse("2025-01-10T12:35:00Z");
    private static final Instant WORKS_AGAIN = Instant.parse("2025-01-10T12:52:15Z");
    private static final Duration INTERVAL = MonitorConfig.DEFAULT_PROBE_INTERVAL;

    private final MutableClock clock = new MutableClock(LAST_GOOD);
    private final ScriptedGpuProbe nvml = new ScriptedGpuProbe("nvml", clock).thenPlausible().thenNvmlUnknownError();
    private final ScriptedGpuProbe wolfStats = new ScriptedGpuProbe("wolf", clock).thenAllZero();
    private final AtomicInteger lobbies = new AtomicInteger(2);
    private final List<HostHealth> reported = new CopyOnWriteArrayList<>();

    private static List<String> messages(List<ILoggingEvent> events) {
        return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void replaysTheIncidentWithOneErrorAndOneRecovery() {
        try (GpuProbe probe = Probes.standard(Probes.fallback(List.of(nvml, wolfStats)), clock);
                LogCapture logs = LogCapture.library()) {
            HealthMonitor monitor = HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                    .capacity(id -> new HostCapacity(lobbies.get(), 5, 4)).sink(reported::add).build();

            assertThat(monitor.pollOnce().get(0).status()).isEqualTo(HealthStatus.HEALTHY);

            // 12:28: five lobbies, NVML fails inside the container, Wolf reports all zeros.
            lobbies.set(5);
            Instant lostAt = null;
            while (clock.instant().isBefore(WORKS_AGAIN)) {
                clock.advance(INTERVAL);
                if (!clock.instant().isBefore(CRASH)) {
                    lobbies.set(6);
                }
                if (!clock.instant().isBefore(WORKS_AGAIN)) { // the first poll after 12:52:15
                    nvml.clearScript().thenPlausible();
                    lobbies.set(0); // the restart took every lobby with it
                }
                HostHealth h = monitor.pollOnce().get(0);
                if (lostAt == null && h.status() == HealthStatus.MONITORING_LOST) {
                    lostAt = clock.instant();
                    assertThat(h.monitoringWorking()).isFalse();
                    assertThat(h.lastGoodSampleAt()).contains(LAST_GOOD);
                    assertThat(h.reasons()).filteredOn(HealthReason.Implausible.class::isInstance)
                            .extracting(r -> ((HealthReason.Implausible) r).field())
                            .contains("devices[0].name", "devices[0].memoryTotalMiB", "devices[*].encoderSessions");
                }
            }

            // monitoring counts as restored at the third good reading in a row
            for (int good = 2; good < MonitorConfig.DEFAULT_RECOVERY_READINGS; good++) {
                clock.advance(INTERVAL);
                assertThat(monitor.pollOnce().get(0).status()).isEqualTo(HealthStatus.MONITORING_LOST);
            }
            clock.advance(INTERVAL);
            monitor.pollOnce();

            assertThat(lostAt).isNotNull();
            assertThat(Duration.between(FIRST_BAD, lostAt)).isLessThanOrEqualTo(INTERVAL);

            List<ILoggingEvent> errors = logs.at(Level.ERROR);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getFormattedMessage())
                    .contains("GPU monitoring lost on host wolf-1")
                    .contains("Failed to initialize NVML: Unknown Error")
                    .contains("lost access to the GPU device nodes")
                    .contains("Restart the container in which NVML fails (for the Wolf probe, the streaming"
                            + " server's container)");

            // Polls at 12:28:23 (lost) and 12:52:28 (restored at the third good reading), 24 min
            // 5 s apart: reminders at 5, 10, 15 and 20 minutes.
            assertThat(messages(logs.at(Level.WARN))).hasSize(4).allMatch(m -> m.contains("still lost"));
            assertThat(messages(logs.at(Level.INFO))).containsExactly(
                    "Host wolf-1 health changed from UNKNOWN to HEALTHY: no reasons",
                    "GPU monitoring restored on host wolf-1 after 24 min 5 s dark; status HEALTHY");

            HostHealth last = reported.get(reported.size() - 1);
            assertThat(last.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(last.monitoringWorking()).isTrue();
            assertThat(last.probeSource()).isEqualTo("nvml");
            Instant lost = lostAt;
            assertThat(reported).filteredOn(h -> h.evaluatedAt().isAfter(lost) && h.evaluatedAt().isBefore(WORKS_AGAIN))
                    .allMatch(h -> h.status() == HealthStatus.MONITORING_LOST && !h.monitoringWorking());
        }
    }
}
