package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code governor.status()}: what an operator sees per host. */
class GovernorStatusTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .host(Host.of("wolf-1", runtime)).build();

    private void commit(String lobbyId) {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-" + lobbyId).withPin(LobbyPin.of("4321")));
        p.create(c -> runtime.create(lobbyId, c));
    }

    @Test
    void listsTheHostsLobbiesOldestFirstWithLeakedOnesLastAndUnknownAge() {
        commit("old");
        clock.advance(Duration.ofMinutes(5));
        commit("young");
        runtime.start("leaked", null);
        store.touchLobby("old", clock.instant());
        clock.advance(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(1)); // the listing is stale: status lists again

        HostStatus host = governor.status().host("wolf-1").orElseThrow();

        assertThat(host.lobbies()).extracting(LobbyStatus::lobbyId).containsExactly("old", "young", "leaked");
        assertThat(host.lobbies().get(0).age()).contains(Duration.ofMinutes(6).plusSeconds(1));
        assertThat(host.lobbies().get(0).idle()).contains(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(host.lobbies().get(0).sessionId()).contains("sess-old");
        LobbyStatus leaked = host.lobbies().get(2);
        assertThat(leaked.leaked()).isTrue();
        assertThat(leaked.age()).isEmpty();
        assertThat(leaked.idle()).isEmpty();
    }

    @Test
    void reportsCountCapWarningAndReservations() {
        commit("a");
        commit("b");
        commit("c");
        governor.acquire(AdmissionRequest.forSession("pending"));

        HostStatus host = governor.status().hosts().get(0);

        assertThat(host.active()).isEqualTo(4);
        assertThat(host.reserved()).isEqualTo(1);
        assertThat(host.cap()).isEqualTo(5);
        assertThat(host.warning()).isTrue();
        assertThat(host.full()).isFalse();
        assertThat(host.reachable()).isTrue();
    }

    @Test
    void reportsHealthMonitoringAndSampleAge() {
        governor.reportHealth(HealthReports.healthy("wolf-1", 16380, clock.instant()));
        clock.advance(Duration.ofSeconds(3));

        HostStatus host = governor.status().hosts().get(0);

        assertThat(host.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(host.monitoringWorking()).isTrue();
        assertThat(host.probeSource()).isEqualTo("nvml");
        assertThat(host.lastGoodSampleAge()).contains(Duration.ofSeconds(3));
    }

    @Test
    void hostWithoutHealthReportsIsUnknownWithNoSample() {
        HostStatus host = governor.status().hosts().get(0);

        assertThat(host.healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(host.monitoringWorking()).isFalse();
        assertThat(host.lastGoodSampleAge()).isEqualTo(Optional.empty());
    }

    @Test
    void unreachableHostIsMarkedSo() {
        runtime.setUnreachable(true);

        assertThat(governor.status().hosts().get(0).reachable()).isFalse();
    }
}
