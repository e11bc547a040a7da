package dev.lobbygovernor.store;

import dev.lobbygovernor.store.tck.StoreOutage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link InMemorySessionStore} behind a switch that cuts it off, as a database outage would: while
 * off, every method throws {@link StoreException} and changes nothing. The embedded store has no
 * database to lose, so this is how the kit's outage rules run against it (and against the
 * in-process ledger over it).
 */
final class SwitchableStore implements SessionStore, StoreOutage {

    private final InMemorySessionStore memory = new InMemorySessionStore();
    private volatile boolean off;

    InMemorySessionStore memory() {
        return memory;
    }

    @Override
    public void begin() {
        off = true;
    }

    @Override
    public void end() {
        off = false;
    }

    private InMemorySessionStore on() {
        if (off) {
            throw new StoreException("the store is cut off");
        }
        return memory;
    }

    @Override
    public SessionState findSession(String sessionId) {
        return on().findSession(sessionId);
    }

    @Override
    public Map<String, SessionState> findSessions(Collection<String> sessionIds) {
        return on().findSessions(sessionIds);
    }

    @Override
    public void saveLobby(LobbyRecord record) {
        on().saveLobby(record);
    }

    @Override
    public boolean touchLobby(String lobbyId, Instant at) {
        return on().touchLobby(lobbyId, at);
    }

    @Override
    public void touchLobbies(Collection<String> lobbyIds, Instant at) {
        on().touchLobbies(lobbyIds, at);
    }

    @Override
    public Optional<LobbyRecord> findLobby(String lobbyId) {
        return on().findLobby(lobbyId);
    }

    @Override
    public List<LobbyRecord> lobbiesOnHost(String hostId) {
        return on().lobbiesOnHost(hostId);
    }

    @Override
    public List<LobbyRecord> lobbiesIdleSince(Instant cutoff) {
        return on().lobbiesIdleSince(cutoff);
    }

    @Override
    public List<LobbyRecord> allLobbies() {
        return on().allLobbies();
    }

    @Override
    public boolean removeLobby(String lobbyId) {
        return on().removeLobby(lobbyId);
    }

    @Override
    public void saveReservation(ReservationRecord reservation) {
        on().saveReservation(reservation);
    }

    @Override
    public boolean updateReservation(ReservationRecord reservation) {
        return on().updateReservation(reservation);
    }

    @Override
    public List<ReservationRecord> reservationsOnHost(String hostId) {
        return on().reservationsOnHost(hostId);
    }

    @Override
    public List<ReservationRecord> allReservations() {
        return on().allReservations();
    }

    @Override
    public boolean removeReservation(String reservationId) {
        return on().removeReservation(reservationId);
    }

    @Override
    public boolean commitReservation(String reservationId, LobbyRecord record) {
        return on().commitReservation(reservationId, record);
    }
}
