package dev.lobbygovernor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.GovernorConfig;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LastResort;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.health.HealthThresholds;
import dev.lobbygovernor.core.health.MonitorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every configuration of core has one shape: builder and toBuilder round-trip, defaults are the
 * named constants, and a setter refuses a bad value when it is called, not later at build.
 */
class ConfigurationShapeTest {

    @Test
    void everyConfigurationRoundTripsThroughToBuilder() {
        HostLimits limits = HostLimits.builder().staticCap(7).warningThreshold(5).headroomMiB(1000)
                .perLobbyMiB(300).encoderSessionCap(8).encoderSessionsPerLobby(2).build();
        GovernorConfig governor = GovernorConfig.builder().permitTtl(Duration.ofSeconds(30))
                .runtimeListTtl(Duration.ZERO).blindAdmission(BlindAdmission.FAIL_CLOSED)
                .lastResort(LastResort.stopIdleLongerThan(Duration.ofMinutes(5))).suggestionLimit(1).build();
        HealthThresholds thresholds = HealthThresholds.builder().stalenessLimit(Duration.ofSeconds(9))
                .memoryHighPercent(80).temperatureHighCelsius(70).encoderSessionLimit(3).lobbiesEncode(false).build();
        MonitorConfig monitor = MonitorConfig.builder().probeInterval(Duration.ofSeconds(3))
                .reminderInterval(Duration.ofMinutes(2)).remediateAfter(Duration.ofMinutes(4))
                .remediateAfterFailures(7).remediationCooldown(Duration.ofMinutes(20)).thresholds(thresholds).build();
        ReaperConfig reaper = ReaperConfig.builder().interval(Duration.ofSeconds(5)).idleTimeout(Duration.ofMinutes(9))
                .orphanGrace(Duration.ofMinutes(11)).stopOrphans(false)
                .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(8)).activityResolution(Duration.ofSeconds(20)).build();

        assertThat(limits.toBuilder().build()).isEqualTo(limits).hasSameHashCodeAs(limits).isNotEqualTo(HostLimits.defaults());
        assertThat(governor.toBuilder().build()).isEqualTo(governor).hasSameHashCodeAs(governor)
                .isNotEqualTo(GovernorConfig.defaults());
        assertThat(thresholds.toBuilder().build()).isEqualTo(thresholds).isNotEqualTo(HealthThresholds.defaults());
        assertThat(monitor.toBuilder().build()).isEqualTo(monitor).isNotEqualTo(MonitorConfig.defaults());
        assertThat(reaper.toBuilder().build()).isEqualTo(reaper).isNotEqualTo(ReaperConfig.defaults());
        assertThat(limits.toBuilder().staticCap(9).build().staticCap()).isEqualTo(9);
    }

    @Test
    void derivedStalenessFollowsTheProbeIntervalThroughToBuilder() {
        MonitorConfig derived = MonitorConfig.builder().probeInterval(Duration.ofSeconds(2)).build();

        MonitorConfig slower = derived.toBuilder().probeInterval(Duration.ofSeconds(10)).build();

        assertThat(slower.thresholds().stalenessLimit()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void defaultsAreTheNamedConstants() {
        assertThat(HostLimits.defaults().staticCap()).isEqualTo(HostLimits.DEFAULT_STATIC_CAP);
        assertThat(HostLimits.defaults().headroomMiB()).isEqualTo(HostLimits.DEFAULT_HEADROOM_MIB);
        assertThat(HostLimits.defaults().perLobbyMiB()).isEqualTo(HostLimits.DEFAULT_PER_LOBBY_MIB);
        assertThat(GovernorConfig.defaults().permitTtl()).isEqualTo(GovernorConfig.DEFAULT_PERMIT_TTL);
        assertThat(GovernorConfig.defaults().runtimeListTtl()).isEqualTo(GovernorConfig.DEFAULT_RUNTIME_LIST_TTL);
        assertThat(GovernorConfig.defaults().lastResort()).isEqualTo(GovernorConfig.DEFAULT_LAST_RESORT);
        assertThat(GovernorConfig.defaults().suggestionLimit()).isEqualTo(GovernorConfig.DEFAULT_SUGGESTION_LIMIT);
        assertThat(ReaperConfig.defaults().interval()).isEqualTo(ReaperConfig.DEFAULT_INTERVAL);
        assertThat(ReaperConfig.defaults().activityResolution()).isEqualTo(ReaperConfig.DEFAULT_ACTIVITY_RESOLUTION);
        assertThat(MonitorConfig.defaults().probeInterval()).isEqualTo(MonitorConfig.DEFAULT_PROBE_INTERVAL);
    }

    @Test
    void settersRefuseBadValuesWhenCalled() {
        assertThatThrownBy(() -> HostLimits.builder().staticCap(0)).hasMessageContaining("staticCap");
        assertThatThrownBy(() -> HostLimits.builder().warningThreshold(0)).hasMessageContaining("warningThreshold");
        assertThatThrownBy(() -> HostLimits.builder().headroomMiB(-1)).hasMessageContaining("headroomMiB");
        assertThatThrownBy(() -> HostLimits.builder().perLobbyMiB(0)).hasMessageContaining("perLobbyMiB");
        assertThatThrownBy(() -> HostLimits.builder().encoderSessionCap(0)).hasMessageContaining("encoderSessionCap");
        assertThatThrownBy(() -> HostLimits.builder().encoderSessionsPerLobby(0))
                .hasMessageContaining("encoderSessionsPerLobby");
        assertThatThrownBy(() -> GovernorConfig.builder().permitTtl(Duration.ZERO)).hasMessageContaining("permitTtl");
        assertThatThrownBy(() -> GovernorConfig.builder().permitTtl(null)).hasMessageContaining("permitTtl");
        assertThatThrownBy(() -> GovernorConfig.builder().runtimeListTtl(Duration.ofHours(2)))
                .hasMessageContaining("runtimeListTtl");
        assertThatThrownBy(() -> GovernorConfig.builder().blindAdmission(null)).hasMessageContaining("blindAdmission");
        assertThatThrownBy(() -> GovernorConfig.builder().lastResort(null)).hasMessageContaining("lastResort");
        assertThatThrownBy(() -> GovernorConfig.builder().suggestionLimit(-1)).hasMessageContaining("suggestionLimit");
    }

    @Test
    void buildChecksSettingsAgainstEachOther() {
        HostLimits.Builder builder = HostLimits.builder().staticCap(3).warningThreshold(4);

        assertThatThrownBy(builder::build).hasMessageContaining("warningThreshold").hasMessageContaining("3");
    }
}
