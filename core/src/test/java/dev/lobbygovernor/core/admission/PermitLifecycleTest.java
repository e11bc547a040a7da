package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Commit, close and expiry of permits, and what each does to the host's count. */
class PermitLifecycleTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final FlakyStore store = new FlakyStore();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(2).build())).build();

    private int active() {
        return governor.capacity("wolf-1").active();
    }

    @Test
    void commitStoresTheCredentialsBeforeItReturns() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        runtime.start("lobby-1", LobbyPin.of("1234"));

        p.commit("lobby-1", LobbyPin.of("1234"));

        LobbyRecord saved = store.delegate.findLobby("lobby-1").orElseThrow();
        assertThat(saved.pin()).isEqualTo(LobbyPin.of("1234"));
        assertThat(saved.hostId()).isEqualTo("wolf-1");
        assertThat(saved.sessionId()).isEqualTo("sess-1");
        assertThat(saved.createdAt()).isEqualTo(clock.instant());
        assertThat(p.state()).isEqualTo(Permit.State.COMMITTED);
        assertThat(p.lobbyId()).contains("lobby-1");
    }

    @Test
    void commitOfAnOpenLobbyStoresNoPin() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));

        p.commit("open-lobby", null);

        assertThat(store.delegate.findLobby("open-lobby").orElseThrow().optionalPin()).isEmpty();
    }

    @Test
    void committedLobbyKeepsItsSlotUntilTheRuntimeNoLongerListsIt() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        runtime.start("lobby-1", null);
        p.commit("lobby-1", null);
        assertThat(active()).isEqualTo(1);

        runtime.vanish("lobby-1");
        clock.advance(Duration.ofSeconds(2));
        governor.acquire(AdmissionRequest.forSession("sess-2")).close(); // lists again

        assertThat(active()).isZero();
    }

    @Test
    void closeWithoutCommitReleasesTheSlot() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        assertThat(active()).isEqualTo(1);

        p.close();

        assertThat(active()).isZero();
        assertThat(p.state()).isEqualTo(Permit.State.CLOSED);
    }

    @Test
    void closeAndCommitAreIdempotent() {
        Permit closed = governor.acquire(AdmissionRequest.forSession("a"));
        closed.close();
        closed.close();
        Permit committed = governor.acquire(AdmissionRequest.forSession("b"));
        committed.commit("lobby-b", null);
        committed.commit("lobby-b", null);
        committed.close();

        assertThat(active()).isEqualTo(1);
        assertThat(committed.state()).isEqualTo(Permit.State.COMMITTED);
    }

    @Test
    void abandonedPermitExpiresAndItsSlotReturns() {
        governor.acquire(AdmissionRequest.forSession("a"));
        governor.acquire(AdmissionRequest.forSession("b"));
        assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("c")))
                .isInstanceOf(AdmissionDeniedException.class);

        clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL);

        assertThat(governor.acquire(AdmissionRequest.forSession("c")).activeAfter()).isEqualTo(1);
    }

    @Test
    void commitAfterExpiryFailsWithAClearError() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> p.commit("lobby-1", LobbyPin.of("9876")))
                .isInstanceOf(PermitExpiredException.class)
                .hasMessageContaining("expired")
                .hasMessageContaining("lobby-1")
                .hasMessageContaining("stop it");
        assertThat(store.delegate.findLobby("lobby-1")).isEmpty();
        assertThat(p.state()).isEqualTo(Permit.State.EXPIRED);
        assertThat(active()).isZero();
    }

    @Test
    void commitAfterCloseFails() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        p.close();

        assertThatThrownBy(() -> p.commit("lobby-1", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed without commit");
    }

    @Test
    void commitAsAnotherLobbyFails() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        p.commit("lobby-1", null);

        assertThatThrownBy(() -> p.commit("lobby-2", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already committed as lobby lobby-1");
    }

    @Test
    void storeFailureLeavesThePermitOpenAndHoldingItsSlot() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        store.setDown(true);

        assertThatThrownBy(() -> p.commit("lobby-1", LobbyPin.of("1234"))).isInstanceOf(StoreException.class);

        assertThat(p.state()).isEqualTo(Permit.State.OPEN);
        assertThat(active()).isEqualTo(1);
        store.setDown(false);
        p.commit("lobby-1", LobbyPin.of("1234"));
        assertThat(store.delegate.findLobby("lobby-1")).isPresent();
    }

    @Test
    void permitReportsWhenItExpires() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));

        assertThat(p.expiresAt()).isEqualTo(clock.instant().plus(GovernorConfig.DEFAULT_PERMIT_TTL));
    }

    @Test
    void twoPermitsCommittedAsTheSameLobbyCountItOnce() {
        governor.acquire(AdmissionRequest.forSession("a")).commit("same", null);
        governor.acquire(AdmissionRequest.forSession("b")).commit("same", null);

        assertThat(active()).isEqualTo(1);
    }
}
