package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A host's status as an operator reads it: warning and full at their edges, and the server's own count. */
class HostStatusTest {

    private static final ServerReport SERVER = ServerReport.answered("wolf", Instant.parse("2026-03-01T10:00:00Z"),
            Optional.empty(), Optional.of(new ServerUsage(3, 2, OptionalLong.empty())));

    private static HostStatus status(int active, int cap, int warningThreshold, boolean monitoringWorking) {
        return new HostStatus("wolf-1", HealthStatus.HEALTHY, active, 0, cap, warningThreshold, monitoringWorking,
                "nvml", Optional.empty(), true, List.of(), Optional.of(SERVER));
    }

    @Test
    void warnsFromTheThresholdOnAndNotBelowIt() {
        assertThat(status(3, 5, 4, true).warning()).isFalse();
        assertThat(status(4, 5, 4, true).warning()).isTrue();
    }

    @Test
    void isFullFromTheCapOnAndNotBelowIt() {
        assertThat(status(4, 5, 4, true).full()).isFalse();
        assertThat(status(5, 5, 4, true).full()).isTrue();
    }

    @Test
    void theServersOwnCountIsOfferedOnlyWhileMonitoringIsLost() {
        assertThat(status(1, 5, 4, false).serverCountWhileBlind()).contains(new ServerUsage(3, 2, OptionalLong.empty()));
        assertThat(status(1, 5, 4, true).serverCountWhileBlind()).isEmpty();
    }

    @Test
    void absentServerAndGpusReadAsEmptyAndListsAreCopied() {
        List<LobbyStatus> lobbies = new ArrayList<>();
        HostStatus s = new HostStatus("wolf-1", HealthStatus.HEALTHY, 0, 0, 5, 4, true, "nvml",
                Optional.of(Duration.ofSeconds(2)), true, lobbies, null, null);
        lobbies.add(new LobbyStatus("late", Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(s.server()).isEmpty();
        assertThat(s.gpus()).isEmpty();
        assertThat(s.lobbies()).isEmpty();
        assertThat(new HostStatus("wolf-1", HealthStatus.HEALTHY, 0, 0, 5, 4, true, "nvml", Optional.empty(), true,
                List.of()).server()).isEmpty();
    }

    @Test
    void refusesMissingIdentity() {
        assertThatThrownBy(() -> new HostStatus(null, HealthStatus.HEALTHY, 0, 0, 5, 4, true, "nvml",
                Optional.empty(), true, List.of())).isInstanceOf(NullPointerException.class).hasMessage("hostId");
        assertThatThrownBy(() -> new HostStatus("h", null, 0, 0, 5, 4, true, "nvml",
                Optional.empty(), true, List.of())).isInstanceOf(NullPointerException.class).hasMessage("healthStatus");
        assertThatThrownBy(() -> new HostStatus("h", HealthStatus.HEALTHY, 0, 0, 5, 4, true, null,
                Optional.empty(), true, List.of())).isInstanceOf(NullPointerException.class).hasMessage("probeSource");
        assertThatThrownBy(() -> new HostStatus("h", HealthStatus.HEALTHY, 0, 0, 5, 4, true, "nvml",
                null, true, List.of())).isInstanceOf(NullPointerException.class).hasMessage("lastGoodSampleAge");
    }
}
