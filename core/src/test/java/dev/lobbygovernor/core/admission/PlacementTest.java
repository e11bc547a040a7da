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
        pollEveryHost();

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
        assertThat(denied.perHost().get(0).message())
                .isEqualTo("GPU resource limit reached (2/2 lobbies active). Please close an unused session and try again.");
        assertThat(denied.hostsRefused()).isEqualTo(3);
        assertThat(denied.reason()).isEqualTo(DenialReason.LOBBY_LIMIT);
    }

    @Test
    void whenEveryHostRefusesTheMessageIsOneShortSentenceAboutTheClosestHost() {
        one.start("a", null);
        one.start("b", null);
        two.setUnreachable(true);
        for (String id : new String[] {"c", "d", "e"}) {
            three.start(id, null);
        }

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s")));

        assertThat(denied.hostId()).isEqualTo("wolf-1");
        assertThat(denied.getMessage()).isEqualTo("GPU resource limit reached (2/2 lobbies active) on wolf-1,"
                + " the least loaded of 3 hosts, so no host can take it. Please close an unused session and try again.");
    }

    @Test
    void aHostWhoseLastListingShowsItFullIsNotListedAgainToBeRefused() {
        one.start("a", null);
        one.start("b", null);
        pollEveryHost();
        clock.advance(java.time.Duration.ofSeconds(5)); // every listing stale
        int listed = one.listCalls();

        governor.acquire(AdmissionRequest.forSession("s"));

        assertThat(one.listCalls()).isEqualTo(listed);
    }

    @Test
    void onlyTheHostGrantedOnIsListedAfresh() {
        pollEveryHost();
        clock.advance(java.time.Duration.ofSeconds(5)); // every listing stale
        int[] before = {one.listCalls(), two.listCalls(), three.listCalls()};

        assertThat(governor.acquire(AdmissionRequest.forSession("s")).hostId()).isEqualTo("wolf-1");

        assertThat(new int[] {one.listCalls(), two.listCalls(), three.listCalls()})
                .containsExactly(before[0] + 1, before[1], before[2]);
    }

    /** What the health monitor's polls do: each asks the governor for a host's capacity. */
    private void pollEveryHost() {
        for (String id : new String[] {"wolf-1", "wolf-2", "wolf-3"}) {
            governor.capacity(id);
        }
    }

    @Test
    void unknownNamedHostIsAProgrammingError() {
        assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("s").onHost("wolf-9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wolf-9");
    }
}
