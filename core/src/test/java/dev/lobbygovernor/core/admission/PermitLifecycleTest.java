package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Reservation, create, commit, close and expiry of permits, and what each does to the host's
 * count: credentials are in the store before a lobby exists, and a slot whose lobby may exist is
 * never given back by a close.
 */
class PermitLifecycleTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final FlakyStore store = new FlakyStore();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(2).build())).build();

    private int active() {
        return governor.capacity("wolf-1").active();
    }

    private ReservationRecord reservationOf(Permit p) {
        return store.delegate.reservationsOnHost("wolf-1").stream()
                .filter(r -> r.reservationId().equals(p.reservationId())).findFirst().orElseThrow();
    }

    @Test
    void acquireRecordsTheReservationWithItsPinAndNameBeforeReturning() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1").withPin(LobbyPin.of("0042")).named("desk"));

        ReservationRecord r = reservationOf(p);
        assertThat(r.pin()).isEqualTo(LobbyPin.of("0042"));
        assertThat(r.sessionId()).isEqualTo("sess-1");
        assertThat(r.lobbyName()).startsWith("desk-").hasSize("desk-".length() + 12);
        assertThat(r.phase()).isEqualTo(ReservationRecord.Phase.RESERVED);
        assertThat(r.expiresAt()).isEqualTo(p.expiresAt());
    }

    @Test
    void generatesASixDigitPinUnlessTheLobbyIsOpen() {
        Permit generated = governor.acquire(AdmissionRequest.forSession("a"));
        Permit open = governor.acquire(AdmissionRequest.forSession("b").openLobby());

        assertThat(reservationOf(generated).pin().length()).isEqualTo(AdmissionRequest.GENERATED_PIN_DIGITS);
        assertThat(reservationOf(open).optionalPin()).isEmpty();
        assertThat(generated.beginCreate().pin()).isEqualTo(reservationOf(generated).pin());
    }

    @Test
    void twoReservationsGetDifferentNames() {
        Permit a = governor.acquire(AdmissionRequest.forSession("a"));
        Permit b = governor.acquire(AdmissionRequest.forSession("a"));

        assertThat(a.beginCreate().lobbyName()).isNotEqualTo(b.beginCreate().lobbyName());
    }

    @Test
    void createTurnsTheReservationIntoARecordWithTheStoredPin() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1").withPin(LobbyPin.of("1234")));

        String lobbyId = p.create(c -> runtime.create("lobby-1", c));

        LobbyRecord saved = store.delegate.findLobby(lobbyId).orElseThrow();
        assertThat(saved.pin()).isEqualTo(LobbyPin.of("1234"));
        assertThat(saved.hostId()).isEqualTo("wolf-1");
        assertThat(saved.sessionId()).isEqualTo("sess-1");
        assertThat(saved.createdAt()).isEqualTo(clock.instant());
        assertThat(store.delegate.allReservations()).isEmpty();
        assertThat(p.state()).isEqualTo(Permit.State.COMMITTED);
        assertThat(p.lobbyId()).contains("lobby-1");
        assertThat(active()).isEqualTo(1);
    }

    @Test
    void commitWithoutADeclaredCreateIsRefused() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));

        assertThatThrownBy(() -> p.commit("lobby-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("beginCreate()");
        assertThat(p.state()).isEqualTo(Permit.State.OPEN);
    }

    @Test
    void closeBeforeAnyCreateAttemptFreesTheSlotAtOnce() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        assertThat(active()).isEqualTo(1);

        p.close();

        assertThat(active()).isZero();
        assertThat(p.state()).isEqualTo(Permit.State.CLOSED);
        assertThat(store.delegate.allReservations()).isEmpty();
    }

    @Test
    void closeAfterAFailedCreateKeepsTheSlotCountedPastTheTimeToLive() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));

        assertThatThrownBy(() -> p.create(c -> {
            throw new IOException("Lobby setup timed out");
        })).isInstanceOf(IOException.class);
        p.close();
        clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL.multipliedBy(3));

        assertThat(p.state()).isEqualTo(Permit.State.UNRESOLVED);
        assertThat(active()).as("the lobby may exist: counted until cleanup settles it").isEqualTo(1);
        assertThat(store.delegate.allReservations()).singleElement()
                .extracting(ReservationRecord::phase).isEqualTo(ReservationRecord.Phase.ABANDONED);
    }

    @Test
    void commitThatCannotBeStoredLeavesTheSlotCountedAfterClose() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        LobbyCredentials credentials = p.beginCreate();
        runtime.create("lobby-1", credentials);
        store.setDown(true);

        assertThatThrownBy(() -> p.commit("lobby-1")).isInstanceOf(StoreException.class);
        assertThat(p.state()).isEqualTo(Permit.State.CREATING);
        p.close();
        store.setDown(false);

        assertThat(p.state()).isEqualTo(Permit.State.UNRESOLVED);
        assertThat(store.delegate.allReservations()).singleElement()
                .extracting(ReservationRecord::lobbyName).isEqualTo(credentials.lobbyName());
        clock.advance(Duration.ofSeconds(2));
        assertThat(active()).as("the lobby runs; it counts once, by the listing").isEqualTo(1);
    }

    @Test
    void commitCanBeRetriedAfterTheStoreComesBack() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        p.beginCreate();
        store.setDown(true);
        assertThatThrownBy(() -> p.commit("lobby-1")).isInstanceOf(StoreException.class);
        store.setDown(false);

        p.commit("lobby-1");

        assertThat(store.delegate.findLobby("lobby-1")).isPresent();
        assertThat(p.state()).isEqualTo(Permit.State.COMMITTED);
    }

    @Test
    void acquireRefusesToGrantWhatItCannotRecord() {
        store.setDown(true);

        assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("sess-1")))
                .isInstanceOf(StoreException.class);

        store.setDown(false);
        assertThat(store.delegate.allReservations()).isEmpty();
        assertThat(active()).isZero();
    }

    @Test
    void beginCreateThatCannotBeRecordedLeavesThePermitOpen() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        store.setDown(true);

        assertThatThrownBy(p::beginCreate).isInstanceOf(StoreException.class);

        store.setDown(false);
        assertThat(p.state()).isEqualTo(Permit.State.OPEN);
        p.close();
        assertThat(active()).isZero();
    }

    @Test
    void closeAndCommitAreIdempotent() {
        Permit closed = governor.acquire(AdmissionRequest.forSession("a"));
        closed.close();
        closed.close();
        Permit committed = governor.acquire(AdmissionRequest.forSession("b"));
        committed.beginCreate();
        committed.commit("lobby-b");
        committed.commit("lobby-b");
        committed.close();

        assertThat(active()).isEqualTo(1);
        assertThat(committed.state()).isEqualTo(Permit.State.COMMITTED);
    }

    @Test
    void unusedPermitExpiresAndItsSlotReturns() {
        governor.acquire(AdmissionRequest.forSession("a"));
        governor.acquire(AdmissionRequest.forSession("b"));
        assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("c")))
                .isInstanceOf(AdmissionDeniedException.class);

        clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL);

        assertThat(governor.acquire(AdmissionRequest.forSession("c")).activeAfter()).isEqualTo(1);
    }

    @Test
    void createAfterExpiryIsRefusedBeforeTheLobbyExists() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> p.create(c -> runtime.create("lobby-1", c)))
                .isInstanceOf(PermitExpiredException.class)
                .hasMessageContaining("expired")
                .hasMessageContaining("do not create");
        assertThat(runtime.isRunning("lobby-1")).isFalse();
        assertThat(p.state()).isEqualTo(Permit.State.EXPIRED);
        assertThat(active()).isZero();
    }

    @Test
    void aCreateUnderWayDoesNotExpire() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        p.beginCreate();
        clock.advance(Duration.ofMinutes(5));

        p.commit("lobby-1");

        assertThat(p.state()).isEqualTo(Permit.State.COMMITTED);
    }

    @Test
    void commitAfterReconciliationFailsWithAClearError() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        p.beginCreate();
        store.delegate.removeReservation(p.reservationId()); // what cleanup does when it settles it

        assertThatThrownBy(() -> p.commit("lobby-1"))
                .isInstanceOf(PermitExpiredException.class)
                .hasMessageContaining("reconciled");
        assertThat(store.delegate.findLobby("lobby-1")).isEmpty();
    }

    @Test
    void commitAfterCloseFails() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        p.close();

        assertThatThrownBy(() -> p.commit("lobby-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLOSED");
    }

    @Test
    void commitAsAnotherLobbyFails() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));
        p.create(c -> "lobby-1");

        assertThatThrownBy(() -> p.commit("lobby-2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already committed as lobby lobby-1");
    }

    @Test
    void permitReportsWhenItExpires() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1"));

        assertThat(p.expiresAt()).isEqualTo(clock.instant().plus(GovernorConfig.DEFAULT_PERMIT_TTL));
    }

    @Test
    void twoPermitsCommittedAsTheSameLobbyCountItOnce() {
        governor.acquire(AdmissionRequest.forSession("a")).create(c -> "same");
        governor.acquire(AdmissionRequest.forSession("b")).create(c -> "same");

        assertThat(active()).isEqualTo(1);
    }
}
