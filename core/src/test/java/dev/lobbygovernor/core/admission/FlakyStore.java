package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionState;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** An in-memory store whose database can be switched off: then every call throws. */
final class FlakyStore implements SessionStore {

    final InMemorySessionStore delegate = new InMemorySessionStore();
    private volatile boolean down;
    /** Runs just before a record is removed, to interleave other work at that moment. */
    volatile Consumer<String> beforeRemove = id -> { };

    void setDown(boolean down) {
        this.down = down;
    }

    private void check() {
        if (down) {
            throw new StoreException("database unreachable");
        }
    }

    @Override
    public SessionState findSession(String sessionId) {
        check();
        return delegate.findSession(sessionId);
    }

    @Override
    public void saveLobby(LobbyRecord record) {
        check();
        delegate.saveLobby(record);
    }

    @Override
    public boolean touchLobby(String lobbyId, Instant at) {
        check();
        return delegate.touchLobby(lobbyId, at);
    }

    @Override
    public Optional<LobbyRecord> findLobby(String lobbyId) {
        check();
        return delegate.findLobby(lobbyId);
    }

    @Override
    public List<LobbyRecord> lobbiesOnHost(String hostId) {
        check();
        return delegate.lobbiesOnHost(hostId);
    }

    @Override
    public List<LobbyRecord> lobbiesIdleSince(Instant cutoff) {
        check();
        return delegate.lobbiesIdleSince(cutoff);
    }

    @Override
    public List<LobbyRecord> allLobbies() {
        check();
        return delegate.allLobbies();
    }

    @Override
    public boolean removeLobby(String lobbyId) {
        check();
        beforeRemove.accept(lobbyId);
        return delegate.removeLobby(lobbyId);
    }

    @Override
    public void saveReservation(ReservationRecord reservation) {
        check();
        delegate.saveReservation(reservation);
    }

    @Override
    public boolean updateReservation(ReservationRecord reservation) {
        check();
        return delegate.updateReservation(reservation);
    }

    @Override
    public List<ReservationRecord> reservationsOnHost(String hostId) {
        check();
        return delegate.reservationsOnHost(hostId);
    }

    @Override
    public List<ReservationRecord> allReservations() {
        check();
        return delegate.allReservations();
    }

    @Override
    public boolean removeReservation(String reservationId) {
        check();
        return delegate.removeReservation(reservationId);
    }

    @Override
    public boolean commitReservation(String reservationId, LobbyRecord record) {
        check();
        return delegate.commitReservation(reservationId, record);
    }
}
