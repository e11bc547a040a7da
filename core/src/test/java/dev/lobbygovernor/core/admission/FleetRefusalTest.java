package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A refusal on a large, full fleet stays a sentence a person reads, with bounded detail. */
class FleetRefusalTest {

    private static final int HOSTS = 250;

    @Test
    void aFullFleetIsRefusedInOneShortSentenceWithBoundedPerHostDetail() {
        MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
        LobbyGovernor.Builder b = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock);
        for (int h = 0; h < HOSTS; h++) {
            FakeLobbyRuntime runtime = new FakeLobbyRuntime();
            int lobbies = h == 7 ? 3 : 5; // every host full; host-7, with the fewest lobbies, is the closest
            for (int i = 0; i < lobbies; i++) {
                runtime.start("l-" + h + "-" + i, null);
            }
            b.host(Host.of("host-" + h, runtime, HostLimits.builder().staticCap(lobbies).build()));
        }
        LobbyGovernor governor = b.build();
        for (int h = 0; h < HOSTS; h++) {
            governor.capacity("host-" + h);
        }

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s")));

        assertThat(denied.getMessage()).hasSizeLessThan(300)
                .isEqualTo("GPU resource limit reached (3/3 lobbies active) on host-7, the least loaded of "
                        + HOSTS + " hosts, so no host can take it. Please close an unused session and try again.");
        assertThat(denied.hostsRefused()).isEqualTo(HOSTS);
        assertThat(denied.perHost()).hasSize(AdmissionDeniedException.PER_HOST_LIMIT)
                .allSatisfy(d -> assertThat(d.reason()).isEqualTo(DenialReason.LOBBY_LIMIT));
        assertThat(denied.perHost().get(0)).isSameAs(denied.perHost().stream()
                .filter(d -> d.hostId().equals(denied.hostId())).findFirst().orElseThrow());
    }

    @Test
    void oneHostsRefusalKeepsItsOwnExactSentence() {
        FakeLobbyRuntime runtime = new FakeLobbyRuntime();
        for (int i = 0; i < 5; i++) {
            runtime.start("l-" + i, null);
        }
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore())
                .host(Host.of("only", runtime, HostLimits.builder().staticCap(5).build())).build();

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s")));

        assertThat(denied.getMessage()).isEqualTo(
                "GPU resource limit reached (5/5 lobbies active). Please close an unused session and try again.");
        assertThat(denied.hostsRefused()).isEqualTo(1);
    }
}
