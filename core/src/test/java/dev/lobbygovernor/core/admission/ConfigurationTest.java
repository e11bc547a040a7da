package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults as documented, and bad settings refused when built. */
class ConfigurationTest {

    @Test
    void hostLimitsDefaultToTheIncidentsSafeLimits() {
        HostLimits limits = HostLimits.defaults();

        assertThat(limits.staticCap()).isEqualTo(5);
        assertThat(limits.warningThresholdFor(5)).isEqualTo(4);
        assertThat(limits.headroomMiB()).isEqualTo(2048);
        assertThat(limits.perLobbyMiB()).isEqualTo(460);
        assertThat(limits.encoderSessionCap()).isEmpty();
    }

    @Test
    void governorConfigDefaults() {
        GovernorConfig config = GovernorConfig.defaults();

        assertThat(config.permitTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.runtimeListTtl()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.blindAdmission()).isEqualTo(BlindAdmission.STATIC_CAP);
        assertThat(config.lastResort().enabled()).isFalse();
    }

    @Test
    void explicitWarningThresholdIsKeptButNeverAboveTheEffectiveCap() {
        HostLimits limits = HostLimits.builder().staticCap(8).warningThreshold(6).build();

        assertThat(limits.warningThresholdFor(8)).isEqualTo(6);
        assertThat(limits.warningThresholdFor(3)).isEqualTo(3);
    }

    @Test
    void rejectsLimitsThatCannotWork() {
        assertThatThrownBy(() -> HostLimits.builder().staticCap(0).build())
                .hasMessageContaining("staticCap");
        assertThatThrownBy(() -> HostLimits.builder().warningThreshold(6).build())
                .hasMessageContaining("warningThreshold");
        assertThatThrownBy(() -> HostLimits.builder().perLobbyMiB(0).build())
                .hasMessageContaining("perLobbyMiB");
        assertThatThrownBy(() -> HostLimits.builder().headroomMiB(-1).build())
                .hasMessageContaining("headroomMiB");
        assertThatThrownBy(() -> HostLimits.builder().encoderSessionCap(0).build())
                .hasMessageContaining("encoderSessionCap");
    }

    @Test
    void rejectsConfigThatCannotWork() {
        assertThatThrownBy(() -> GovernorConfig.builder().permitTtl(Duration.ZERO).build())
                .hasMessageContaining("permitTtl");
        assertThatThrownBy(() -> GovernorConfig.builder().permitTtl(Duration.ofDays(2)).build())
                .hasMessageContaining("permitTtl");
        assertThatThrownBy(() -> GovernorConfig.builder().runtimeListTtl(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("runtimeListTtl");
        assertThatThrownBy(() -> GovernorConfig.builder().suggestionLimit(-1).build())
                .hasMessageContaining("suggestionLimit");
        assertThatThrownBy(() -> LastResort.stopIdleLongerThan(Duration.ZERO))
                .hasMessageContaining("minIdle");
    }

    @Test
    void governorNeedsAStoreAndDistinctHosts() {
        FakeLobbyRuntime runtime = new FakeLobbyRuntime();
        assertThatThrownBy(() -> LobbyGovernor.builder().host(Host.of("a", runtime)).build())
                .hasMessageContaining("store");
        assertThatThrownBy(() -> LobbyGovernor.builder().store(new InMemorySessionStore()).build())
                .hasMessageContaining("host");
        assertThatThrownBy(() -> LobbyGovernor.builder().store(new InMemorySessionStore())
                .host(Host.of("a", runtime)).host(Host.of("a", runtime)).build())
                .hasMessageContaining("duplicate host id a");
    }

    @Test
    void defaultOrphanGraceOutlastsTheDefaultPermitTimeToLive() {
        // a lobby created under an open permit looks like an orphan until the permit commits
        assertThat(ReaperConfig.DEFAULT_ORPHAN_GRACE).isGreaterThan(GovernorConfig.DEFAULT_PERMIT_TTL);
    }
}
