package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthConfigTest {

    @Test
    void defaultStalenessIsThreeProbeIntervals() {
        assertThat(HealthThresholds.DEFAULT_STALENESS_LIMIT)
                .isEqualTo(MonitorConfig.DEFAULT_PROBE_INTERVAL.multipliedBy(3));
        assertThat(MonitorConfig.defaults().thresholds().stalenessLimit())
                .isEqualTo(HealthThresholds.DEFAULT_STALENESS_LIMIT);
    }

    @Test
    void anotherProbeIntervalMovesTheDefaultStalenessWithIt() {
        var config = MonitorConfig.builder().probeInterval(Duration.ofSeconds(10)).build();
        assertThat(config.thresholds().stalenessLimit()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void explicitThresholdsAreKeptAsGiven() {
        var thresholds = HealthThresholds.builder().stalenessLimit(Duration.ofSeconds(7)).build();
        var config = MonitorConfig.builder().probeInterval(Duration.ofSeconds(10)).thresholds(thresholds).build();
        assertThat(config.thresholds()).isSameAs(thresholds);
    }

    @Test
    void thresholdsRejectValuesOutOfRange() {
        var b = HealthThresholds.builder();
        assertThatThrownBy(() -> b.stalenessLimit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.memoryHighPercent(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.memoryHighPercent(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.temperatureHighCelsius(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.encoderSessionLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void monitorConfigRejectsValuesOutOfRange() {
        var b = MonitorConfig.builder();
        assertThatThrownBy(() -> b.probeInterval(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.reminderInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.remediateAfter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.remediateAfterFailures(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.remediationCooldown(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreTheNamedConstants() {
        var c = MonitorConfig.defaults();
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.reminderInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.remediateAfter()).isEqualTo(MonitorConfig.DEFAULT_REMEDIATE_AFTER);
        assertThat(c.remediateAfterFailures()).isEqualTo(MonitorConfig.DEFAULT_REMEDIATE_AFTER_FAILURES);
        assertThat(c.remediationCooldown()).isEqualTo(MonitorConfig.DEFAULT_REMEDIATION_COOLDOWN);
        var t = HealthThresholds.defaults();
        assertThat(t.memoryHighPercent()).isEqualTo(HealthThresholds.DEFAULT_MEMORY_HIGH_PERCENT);
        assertThat(t.temperatureHighCelsius()).isEqualTo(HealthThresholds.DEFAULT_TEMPERATURE_HIGH_CELSIUS);
        assertThat(t.encoderSessionLimit()).isZero();
        assertThat(t.lobbiesEncode()).isTrue();
    }
    @Test
    void monitorConfigsWithTheSameValuesAreEqualWithTheSameHashAndOthersDiffer() {
        var a = MonitorConfig.builder().probeInterval(Duration.ofSeconds(10)).build();
        var b = MonitorConfig.builder().probeInterval(Duration.ofSeconds(10)).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.hashCode()).isNotEqualTo(MonitorConfig.defaults().hashCode());
        assertThat(a).isNotEqualTo(MonitorConfig.defaults());
    }
}
