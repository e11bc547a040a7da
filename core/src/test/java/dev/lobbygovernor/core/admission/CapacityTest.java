package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the governor tells the health monitor about a host: counts, caps and streaming lobbies. */
class CapacityTest {

    private final MutableClock clock = MutableClock.at("2025-11-05T12:00:00Z");
    private final FakeLobbyRuntime wolf = new FakeLobbyRuntime();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
            .host(Host.of("wolf-1", wolf, HostLimits.defaults())).build();

    @Test
    void countsOnlyLobbiesWithAConnectedClientAsStreaming() {
        wolf.start("watched", null);
        wolf.start("idle", null);
        wolf.setClients("watched", 2);

        HostCapacity capacity = governor.capacity("wolf-1");

        assertThat(capacity.active()).isEqualTo(2);
        assertThat(capacity.streaming()).isEqualTo(1);
        assertThat(capacity.cap()).isEqualTo(5);
    }

    @Test
    void seesAClientLeaveOnceTheListingIsStale() {
        wolf.start("watched", null);
        wolf.setClients("watched", 1);
        assertThat(governor.capacity("wolf-1").streaming()).isEqualTo(1);

        wolf.setClients("watched", 0);
        clock.advance(GovernorConfig.DEFAULT_RUNTIME_LIST_TTL.plus(Duration.ofMillis(1)));

        assertThat(governor.capacity("wolf-1").streaming()).isZero();
    }

    @Test
    void expectsNoStreamingWhenTheHostCannotBeListed() {
        wolf.start("watched", null);
        wolf.setClients("watched", 1);
        governor.capacity("wolf-1");

        wolf.setUnreachable(true);
        clock.advance(GovernorConfig.DEFAULT_RUNTIME_LIST_TTL.plus(Duration.ofMillis(1)));
        HostCapacity blind = governor.capacity("wolf-1");

        assertThat(blind.active()).isEqualTo(1); // the last known count still holds
        assertThat(blind.streaming()).isZero();  // but nobody can say a client is still there
    }
}
