package dev.lobbygovernor.cli;

import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionState;
import dev.lobbygovernor.store.SessionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store as {@code cleanup --dry-run} sees it: the records of one host, read through, and no
 * write at all. The reaper's dry run writes nothing already; this makes a write impossible
 * rather than merely unintended, and keeps records of other hosts (whose Wolf this command does
 * not reach) out of the plan.
 */
final class DryRunStore implements SessionStore {

    private final SessionStore store;
    private final String hostId;

    DryRunStore(SessionStore store, String hostId) {
        this.store = store;
        this.hostId = hostId;
    }

    private static UnsupportedOperationException refused(String what) {
        return new UnsupportedOperationException("a dry run writes nothing to the store (" + what + " refused)");
    }

    @Override
    public SessionState findSession(String sessionId) {
        return store.findSession(sessionId);
    }

    @Override
    public Map<String, SessionState> findSessions(Collection<String> sessionIds) {
        return store.findSessions(sessionIds);
    }

    @Override
    public Optional<LobbyRecord> findLobby(String lobbyId) {
        return store.findLobby(lobbyId).filter(r -> r.hostId().equals(hostId));
    }

    @Override
    public List<LobbyRecord> lobbiesOnHost(String host) {
        return host.equals(hostId) ? store.lobbiesOnHost(host) : List.of();
    }

    @Override
    public List<LobbyRecord> lobbiesIdleSince(Instant cutoff) {
        return store.lobbiesIdleSince(cutoff).stream().filter(r -> r.hostId().equals(hostId)).toList();
    }

    @Override
    public List<LobbyRecord> allLobbies() {
        return store.lobbiesOnHost(hostId);
    }

    @Override
    public List<ReservationRecord> reservationsOnHost(String host) {
        return host.equals(hostId) ? store.reservationsOnHost(host) : List.of();
    }

    @Override
    public List<ReservationRecord> allReservations() {
        return store.reservationsOnHost(hostId);
    }

    @Override
    public Map<String, HostRecords> recordsByHost() {
        return Map.of(hostId, new HostRecords(hostId, store.lobbiesOnHost(hostId), store.reservationsOnHost(hostId)));
    }

    @Override
    public void saveLobby(LobbyRecord record) {
        throw refused("saveLobby");
    }

    @Override
    public boolean touchLobby(String lobbyId, Instant at) {
        throw refused("touchLobby");
    }

    @Override
    public void touchLobbies(Collection<String> lobbyIds, Instant at) {
        throw refused("touchLobbies");
    }

    @Override
    public boolean removeLobby(String lobbyId) {
        throw refused("removeLobby");
    }

    @Override
    public void saveReservation(ReservationRecord reservation) {
        throw refused("saveReservation");
    }

    @Override
    public boolean updateReservation(ReservationRecord reservation) {
        throw refused("updateReservation");
    }

    @Override
    public boolean removeReservation(String reservationId) {
        throw refused("removeReservation");
    }

    @Override
    public boolean commitReservation(String reservationId, LobbyRecord record) {
        throw refused("commitReservation");
    }
}
