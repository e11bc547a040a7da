package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Choosing among several hosts. */
class PlacementTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime one = new FakeLobbyRuntime();
    private final FakeLobbyRuntime two = new FakeLobbyRuntime();
    private final FakeLobbyRuntime three = new FakeLobbyRuntime();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
            .host(Host.of("wolf-1", one, HostLimits.builder().staticCap(2).build()))
            .host(Host.of("wolf-2", two, HostLimits.builder().staticCap(4).build()))
            .host(Host.of("wolf-3", three, HostLimits.builder().staticCap(3).build()))
            .build();

    @Test
    void placesOnTheLeastLoadedHostByFractionOfItsCap() {
        one.start("x", null);       // 1/2
        two.start("y", null);       // 1/4
        three.start("z", null);     // 1/3

        assertThat(governor.acquire(AdmissionRequest.forSession("s")).hostId()).isEqualTo("wolf-2");
    }

    @Test
    void namedHostIsUsedEvenWhenAnotherIsEmptier() {
        one.start("x", null);

        assertThat(governor.acquire(AdmissionRequest.forSession("s").onHost("wolf-1")).hostId())
                .isEqualTo("wolf-1");
    }

    @Test
    void fullHostIsSkippedForOneWithRoom() {
        one.start("a", null);
        one.start("b", null);
        two.start("c", null);
        two.start("d", null);
        two.start("e", null);
        two.start("f", null);

        assertThat(governor.acquire(AdmissionRequest.forSession("s")).hostId()).isEqualTo("wolf-3");
    }

    @Test
    void unreachableHostIsSkipped() {
        two.setUnreachable(true);
        three.setUnreachable(true);

        assertThat(governor.acquire(AdmissionRequest.forSession("s")).hostId()).isEqualTo("wolf-1");
    }

    @Test
    void whenEveryHostRefusesTheDenialListsEachHostsReason() {
        one.start("a", null);
        one.start("b", null);
        two.setUnreachable(true);
        for (String id : new String[] {"c", "d", "e"}) {
            three.start(id, null);
        }

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s")));

        assertThat(denied.perHost()).extracting(HostDenial::hostId, HostDenial::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("wolf-1", DenialReason.LOBBY_LIMIT),
                        org.assertj.core.groups.Tuple.tuple("wolf-2", DenialReason.HOST_UNAVAILABLE),
                        org.assertj.core.groups.Tuple.tuple("wolf-3", DenialReason.LOBBY_LIMIT));
        assertThat(denied.reason()).isEqualTo(DenialReason.LOBBY_LIMIT);
        assertThat(denied.getMessage())
                .startsWith("No streaming host can take a new lobby: ")
                .contains("wolf-1: GPU resource limit reached (2/2 lobbies active)")
                .contains("wolf-2: streaming host wolf-2 cannot be reached")
                .contains("wolf-3: GPU resource limit reached (3/3 lobbies active)")
                .endsWith("Please close an unused session and try again.");
    }

    @Test
    void unknownNamedHostIsAProgrammingError() {
        assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("s").onHost("wolf-9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wolf-9");
    }
}
