package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 2's caps, counting and messages on one host. */
class AdmissionLimitsTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();

    private LobbyGovernor governor(HostLimits limits) {
        return LobbyGovernor.builder().store(store).clock(clock).host(Host.of("wolf-1", runtime, limits)).build();
    }

    private void commitLobby(LobbyGovernor g, String lobbyId) {
        Permit p = g.acquire(AdmissionRequest.forSession("sess-" + lobbyId).withPin(LobbyPin.of("1234")));
        p.create(c -> runtime.create(lobbyId, c));
    }

    @Test
    void deniesSixthLobbyWithActionableMessage() {
        LobbyGovernor g = governor(HostLimits.defaults());
        for (int i = 1; i <= 5; i++) {
            commitLobby(g, "lobby-" + i);
        }

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("sess-6")));

        assertThat(denied.getMessage()).isEqualTo(
                "GPU resource limit reached (5/5 lobbies active). Please close an unused session and try again.");
        assertThat(denied.reason()).isEqualTo(DenialReason.LOBBY_LIMIT);
        assertThat(denied.hostId()).isEqualTo("wolf-1");
        assertThat(denied.active()).isEqualTo(5);
        assertThat(denied.cap()).isEqualTo(5);
    }

    @Test
    void fourthOfFiveLobbiesCarriesTheWarningFlagAndThirdDoesNot() {
        LobbyGovernor g = governor(HostLimits.defaults());
        commitLobby(g, "a");
        commitLobby(g, "b");

        Permit third = g.acquire(AdmissionRequest.forSession("s3"));
        assertThat(third.warning()).isFalse();
        assertThat(third.activeAfter()).isEqualTo(3);
        Permit fourth = g.acquire(AdmissionRequest.forSession("s4"));

        assertThat(fourth.warning()).isTrue();
        assertThat(fourth.activeAfter()).isEqualTo(4);
        assertThat(fourth.cap()).isEqualTo(5);
    }

    @Test
    void leakedLobbiesInTheRuntimeButNotTheStoreCountAgainstTheCap() {
        for (int i = 0; i < 4; i++) {
            runtime.start("leaked-" + i, null);
        }
        LobbyGovernor g = governor(HostLimits.defaults());

        Permit fifth = g.acquire(AdmissionRequest.forSession("s"));

        assertThat(fifth.activeAfter()).isEqualTo(5);
        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("t")))
                .isInstanceOf(AdmissionDeniedException.class)
                .hasMessageContaining("(5/5 lobbies active)");
    }

    @Test
    void committedLobbyThatAlsoAppearsInTheListingCountsOnce() {
        LobbyGovernor g = governor(HostLimits.defaults());
        commitLobby(g, "a");
        clock.advance(Duration.ofSeconds(2)); // listing goes stale; the next acquire lists "a"

        Permit next = g.acquire(AdmissionRequest.forSession("s"));

        assertThat(next.activeAfter()).isEqualTo(2);
    }

    @Test
    void deniesWithOldestIdleLobbiesAsSuggestionsLongestIdleFirst() {
        LobbyGovernor g = governor(HostLimits.builder().staticCap(3).build());
        commitLobby(g, "first");
        clock.advance(Duration.ofMinutes(10));
        commitLobby(g, "second");
        clock.advance(Duration.ofMinutes(10));
        commitLobby(g, "third");
        clock.advance(Duration.ofMinutes(1));
        store.touchLobby("first", clock.instant()); // "first" is busy again
        clock.advance(Duration.ofMinutes(1));

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("late")));

        assertThat(denied.suggestions()).extracting(IdleLobbySuggestion::lobbyId)
                .containsExactly("second", "third", "first");
        assertThat(denied.suggestions().get(0).age()).isEqualTo(Duration.ofMinutes(12));
        assertThat(denied.suggestions().get(0).idle()).isEqualTo(Duration.ofMinutes(12));
        assertThat(denied.suggestions().get(2).age()).isEqualTo(Duration.ofMinutes(22));
        assertThat(denied.suggestions().get(2).idle()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void memoryCapAppliesWhileMonitoringWorks() {
        LobbyGovernor g = governor(HostLimits.defaults());
        // (3428 - 2048) / 460 = 3 lobbies fit
        g.reportHealth(HealthReports.healthy("wolf-1", 3428, clock.instant()));
        for (int i = 0; i < 3; i++) {
            g.acquire(AdmissionRequest.forSession("s" + i));
        }

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s4")));

        assertThat(denied.reason()).isEqualTo(DenialReason.GPU_MEMORY);
        assertThat(denied.cap()).isEqualTo(3);
        assertThat(denied.getMessage()).isEqualTo(
                "GPU memory limit reached (3/3 lobbies active). Please close an unused session and try again.");
        assertThat(denied.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void staticCapWinsOverALargerMemoryCap() {
        LobbyGovernor g = governor(HostLimits.defaults());
        // the incident's GPU: (16380 - 2048) / 460 = 31, so the static 5 binds
        g.reportHealth(HealthReports.healthy("wolf-1", 16380, clock.instant()));

        assertThat(g.capacity("wolf-1").cap()).isEqualTo(5);
    }

    @Test
    void encoderSessionCapLimitsLobbies() {
        LobbyGovernor g = governor(HostLimits.builder().encoderSessionCap(8).encoderSessionsPerLobby(3).build());
        g.acquire(AdmissionRequest.forSession("a"));
        g.acquire(AdmissionRequest.forSession("b"));

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("c")));

        assertThat(denied.reason()).isEqualTo(DenialReason.ENCODER_SESSIONS);
        assertThat(denied.active()).isEqualTo(6); // two reserves of 3 sessions each
        assertThat(denied.cap()).isEqualTo(8);
    }

    @Test
    void refusesWhenTheRuntimeCannotBeListedAndNoFreshListingIsCached() {
        runtime.setUnreachable(true);
        LobbyGovernor g = governor(HostLimits.defaults());

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s")));

        assertThat(denied.reason()).isEqualTo(DenialReason.HOST_UNAVAILABLE);
        assertThat(denied.getMessage()).isEqualTo("Streaming host wolf-1 cannot be reached, so its lobbies"
                + " cannot be counted. Check that its streaming server is running, then try again.");
    }

    @Test
    void admitsOnAFreshCachedListingWhileTheRuntimeIsDownThenRefusesOnceItIsStale() {
        LobbyGovernor g = governor(HostLimits.defaults());
        g.acquire(AdmissionRequest.forSession("warm")).close();
        runtime.setUnreachable(true);

        assertThat(g.acquire(AdmissionRequest.forSession("cached")).hostId()).isEqualTo("wolf-1");
        clock.advance(Duration.ofMillis(1001));
        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("stale")))
                .isInstanceOfSatisfying(AdmissionDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DenialReason.HOST_UNAVAILABLE));
    }

    @Test
    void aFailedListingIsNotRetriedWithinTheListingTtl() {
        runtime.setUnreachable(true);
        LobbyGovernor g = governor(HostLimits.defaults());
        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("a")));
        int calls = runtime.listCalls();

        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("b")));
        runtime.setUnreachable(false);
        clock.advance(Duration.ofSeconds(1));

        assertThat(runtime.listCalls()).isEqualTo(calls);
        assertThat(g.acquire(AdmissionRequest.forSession("c")).hostId()).isEqualTo("wolf-1");
    }

    @Test
    void warmListingIsReusedWithinItsTtl() {
        LobbyGovernor g = governor(HostLimits.defaults());
        for (int i = 0; i < 4; i++) {
            g.acquire(AdmissionRequest.forSession("s" + i)).close();
        }

        assertThat(runtime.listCalls()).isEqualTo(1);
    }
}
