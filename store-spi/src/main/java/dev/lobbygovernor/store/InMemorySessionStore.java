package dev.lobbygovernor.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The embedded {@link SessionStore}: everything in memory, thread-safe, lost with the process.
 *
 * <p>Besides the SPI it manages sessions, so that demos and tests can create, soft-delete and
 * hard-delete them as a host application's database would.
 */
public final class InMemorySessionStore implements SessionStore {

    private static final Comparator<LobbyRecord> OLDEST_FIRST =
            Comparator.comparing(LobbyRecord::createdAt).thenComparing(LobbyRecord::lobbyId);
    private static final Comparator<LobbyRecord> LEAST_RECENTLY_ACTIVE_FIRST =
            Comparator.comparing(LobbyRecord::lastActivityAt).thenComparing(LobbyRecord::lobbyId);

    private static final Comparator<ReservationRecord> RESERVED_FIRST =
            Comparator.comparing(ReservationRecord::createdAt).thenComparing(ReservationRecord::reservationId);

    private final ConcurrentMap<String, SessionState> sessions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LobbyRecord> lobbies = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ReservationRecord> reservations = new ConcurrentHashMap<>();
    /** Makes a commit (remove a reservation, save a record) one step for every reader. */
    private final Object commitLock = new Object();

    /** Creates an empty store. */
    public InMemorySessionStore() {
    }

    /**
     * Records a live session (or revives a soft-deleted one).
     *
     * @param sessionId the host application's session id
     */
    public void putSession(String sessionId) {
        sessions.put(Objects.requireNonNull(sessionId, "sessionId"), SessionState.present(sessionId));
    }

    /**
     * Marks a session deleted at {@code at}, keeping it findable. A session already soft-deleted
     * keeps its first deletion time.
     *
     * @param sessionId the session to mark deleted
     * @param at when it was deleted
     * @return whether the session existed
     */
    public boolean softDeleteSession(String sessionId, Instant at) {
        Objects.requireNonNull(at, "at");
        return sessions.computeIfPresent(sessionId, (id, s) ->
                s.status() == SessionState.Status.SOFT_DELETED ? s : SessionState.softDeleted(id, at)) != null;
    }

    /**
     * Forgets a session entirely, as a cascading project delete would. Its lobby records stay.
     *
     * @param sessionId the session to forget
     * @return whether the session existed
     */
    public boolean hardDeleteSession(String sessionId) {
        return sessions.remove(sessionId) != null;
    }

    @Override
    public SessionState findSession(String sessionId) {
        SessionState state = sessions.get(sessionId);
        return state != null ? state : SessionState.gone(sessionId);
    }

    @Override
    public void saveLobby(LobbyRecord record) {
        Objects.requireNonNull(record, "record");
        lobbies.put(record.lobbyId(), record);
    }

    @Override
    public boolean touchLobby(String lobbyId, Instant at) {
        Objects.requireNonNull(at, "at");
        // computeIfPresent is atomic per key: a touch never re-creates a record removed meanwhile
        return lobbies.computeIfPresent(lobbyId,
                (id, r) -> at.isAfter(r.lastActivityAt()) ? r.touchedAt(at) : r) != null;
    }

    @Override
    public Optional<LobbyRecord> findLobby(String lobbyId) {
        return Optional.ofNullable(lobbies.get(lobbyId));
    }

    @Override
    public List<LobbyRecord> lobbiesOnHost(String hostId) {
        return lobbies.values().stream()
                .filter(r -> r.hostId().equals(hostId))
                .sorted(OLDEST_FIRST)
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public List<LobbyRecord> lobbiesIdleSince(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return lobbies.values().stream()
                .filter(r -> r.lastActivityAt().isBefore(cutoff))
                .sorted(LEAST_RECENTLY_ACTIVE_FIRST)
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public List<LobbyRecord> allLobbies() {
        return lobbies.values().stream().sorted(OLDEST_FIRST).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean removeLobby(String lobbyId) {
        return lobbies.remove(lobbyId) != null;
    }

    @Override
    public void saveReservation(ReservationRecord reservation) {
        Objects.requireNonNull(reservation, "reservation");
        reservations.put(reservation.reservationId(), reservation);
    }

    @Override
    public boolean updateReservation(ReservationRecord reservation) {
        Objects.requireNonNull(reservation, "reservation");
        return reservations.computeIfPresent(reservation.reservationId(), (id, old) -> reservation) != null;
    }

    @Override
    public List<ReservationRecord> reservationsOnHost(String hostId) {
        return reservations.values().stream()
                .filter(r -> r.hostId().equals(hostId))
                .sorted(RESERVED_FIRST)
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public List<ReservationRecord> allReservations() {
        return reservations.values().stream().sorted(RESERVED_FIRST).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean removeReservation(String reservationId) {
        synchronized (commitLock) {
            return reservations.remove(reservationId) != null;
        }
    }

    @Override
    public boolean commitReservation(String reservationId, LobbyRecord record) {
        Objects.requireNonNull(record, "record");
        // Record first, then the reservation: a reader between the two may count the lobby twice
        // for an instant (a refusal, the safe side), never zero times.
        synchronized (commitLock) {
            if (!reservations.containsKey(reservationId)) {
                return false;
            }
            lobbies.put(record.lobbyId(), record);
            reservations.remove(reservationId);
            return true;
        }
    }

    @Override
    public String toString() {
        return "InMemorySessionStore[sessions=" + sessions.size() + ", lobbies=" + lobbies.size()
                + ", reservations=" + reservations.size() + "]";
    }
}
