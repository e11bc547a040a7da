package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host that lost monitoring recovers only after several good readings in a row, so a probe
 * that flaps between good and bad readings gives one loss and one recovery line per stable
 * period, and the reminder counts the flaps.
 */
class HealthMonitorHysteresisTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);

    private HealthMonitor monitor(MonitorConfig config) {
        return HealthMonitor.builder().clock(clock).config(config).host("wolf-1", probe)
                .capacity(id -> new HostCapacity(3, 5, 4)).build();
    }

    private HostHealth pollIn5s(HealthMonitor m) {
        clock.advance(Duration.ofSeconds(5));
        return m.pollOnce().get(0);
    }

    private static List<ILoggingEvent> containing(List<ILoggingEvent> events, String text) {
        return events.stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
    }

    @Test
    void flappingProbeLogsOneLossNoRecoveryAndCountsTheFlapsInTheReminder() {
        for (int i = 0; i < 60; i++) {
            if (i % 2 == 0) {
                probe.thenFail(ProbeFailureCause.GPU_LOST, "GPU is lost");
            } else {
                probe.thenPlausible();
            }
        }
        HealthMonitor m = monitor(MonitorConfig.defaults());
        try (LogCapture logs = LogCapture.library()) {
            // five minutes of polls after the loss, for the first reminder
            for (int i = 0; i < 61; i++) {
                assertThat(pollIn5s(m).status()).as("poll %d", i).isEqualTo(HealthStatus.MONITORING_LOST);
            }

            assertThat(logs.at(Level.ERROR)).hasSize(1);
            assertThat(containing(logs.at(Level.INFO), "restored")).isEmpty();
            assertThat(logs.at(Level.WARN)).singleElement().satisfies(reminder -> {
                assertThat(reminder.getFormattedMessage()).contains("still lost", "flapped 29 times");
                assertThat(reminder.getKeyValuePairs())
                        .anySatisfy(kv -> assertThat(kv.key + "=" + kv.value).isEqualTo("flaps=29"));
            });
        }
    }

    @Test
    void lostHostRecoversOnlyAtTheThirdGoodReadingInARowAndSaysSoOnce() {
        probe.thenNvmlUnknownError().thenPlausible().thenPlausible().thenPlausible();
        HealthMonitor m = monitor(MonitorConfig.defaults());
        try (LogCapture logs = LogCapture.library()) {
            assertThat(pollIn5s(m).status()).isEqualTo(HealthStatus.MONITORING_LOST);

            HostHealth first = pollIn5s(m);
            HostHealth second = pollIn5s(m);
            HostHealth third = pollIn5s(m);

            assertThat(first.status()).isEqualTo(HealthStatus.MONITORING_LOST);
            assertThat(first.monitoringWorking()).isFalse();
            assertThat(first.reasons()).first().isEqualTo(new HealthReason.Recovering(1, 3));
            assertThat(second.reasons()).first().isEqualTo(new HealthReason.Recovering(2, 3));
            assertThat(third.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(third.monitoringWorking()).isTrue();
            assertThat(containing(logs.at(Level.INFO), "restored")).hasSize(1);
        }
    }

    @Test
    void aBadReadingDuringRecoveryStartsTheCountAgain() {
        probe.thenNvmlUnknownError().thenPlausible().thenPlausible().thenNvmlUnknownError()
                .thenPlausible().thenPlausible().thenPlausible();
        HealthMonitor m = monitor(MonitorConfig.defaults());

        for (int i = 0; i < 6; i++) {
            assertThat(pollIn5s(m).status()).as("poll %d", i).isEqualTo(HealthStatus.MONITORING_LOST);
        }
        assertThat(pollIn5s(m).monitoringWorking()).isTrue();
    }

    @Test
    void aHostThatNeverLostMonitoringIsHealthyAtItsFirstGoodReading() {
        probe.thenPlausible();

        assertThat(pollIn5s(monitor(MonitorConfig.defaults())).monitoringWorking()).isTrue();
    }

    @Test
    void oneRecoveryReadingTurnsTheHysteresisOff() {
        probe.thenNvmlUnknownError().thenPlausible();
        HealthMonitor m = monitor(MonitorConfig.builder().recoveryReadings(1).build());

        pollIn5s(m);

        assertThat(pollIn5s(m).monitoringWorking()).isTrue();
    }

    @Test
    void recoveryReadingsHaveTheConfigurationShape() {
        MonitorConfig five = MonitorConfig.builder().recoveryReadings(5).build();

        assertThat(MonitorConfig.defaults().recoveryReadings())
                .isEqualTo(MonitorConfig.DEFAULT_RECOVERY_READINGS).isEqualTo(3);
        assertThat(five.toBuilder().build()).isEqualTo(five).hasSameHashCodeAs(five);
        assertThat(five).isNotEqualTo(MonitorConfig.defaults());
        assertThat(five.toString()).contains("recoveryReadings=5");
        assertThatThrownBy(() -> MonitorConfig.builder().recoveryReadings(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recoveryReadings");
    }
}
