package dev.lobbygovernor.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The embedded {@link SessionStore}: everything in memory, thread-safe, lost with the process.
 *
 * <p>Besides the SPI it manages sessions, so that demos and tests can create, soft-delete and
 * hard-delete them as a host application's database would.
 *
 * <p>Records and reservations are also indexed by host, so that a host's listing costs what that
 * host holds, not what the whole fleet holds. Writes take one lock, which keeps the index and
 * the records in step and makes a commit one step for every reader; reads take none.
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
    /** The same records by host id, then lobby id; changed only under {@link #writes}. */
    private final ConcurrentMap<String, ConcurrentMap<String, LobbyRecord>> lobbiesByHost = new ConcurrentHashMap<>();
    /** The same reservations by host id, then reservation id; changed only under {@link #writes}. */
    private final ConcurrentMap<String, ConcurrentMap<String, ReservationRecord>> reservationsByHost =
            new ConcurrentHashMap<>();
    /** Every change to records and reservations, so the index never disagrees with them. */
    private final Object writes = new Object();

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
        synchronized (writes) {
            putLobby(record);
        }
    }

    @Override
    public boolean touchLobby(String lobbyId, Instant at) {
        Objects.requireNonNull(at, "at");
        // under the write lock: a touch never re-creates a record removed meanwhile
        synchronized (writes) {
            LobbyRecord r = lobbies.get(lobbyId);
            if (r == null) {
                return false;
            }
            if (at.isAfter(r.lastActivityAt())) {
                putLobby(r.touchedAt(at));
            }
            return true;
        }
    }

    @Override
    public Optional<LobbyRecord> findLobby(String lobbyId) {
        return Optional.ofNullable(lobbies.get(lobbyId));
    }

    @Override
    public List<LobbyRecord> lobbiesOnHost(String hostId) {
        return sorted(lobbiesByHost.get(hostId), OLDEST_FIRST);
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
        synchronized (writes) {
            LobbyRecord old = lobbies.remove(lobbyId);
            if (old != null) {
                lobbiesByHost.get(old.hostId()).remove(lobbyId);
            }
            return old != null;
        }
    }

    @Override
    public void saveReservation(ReservationRecord reservation) {
        Objects.requireNonNull(reservation, "reservation");
        synchronized (writes) {
            putReservation(reservation);
        }
    }

    @Override
    public boolean updateReservation(ReservationRecord reservation) {
        Objects.requireNonNull(reservation, "reservation");
        synchronized (writes) {
            if (!reservations.containsKey(reservation.reservationId())) {
                return false;
            }
            putReservation(reservation);
            return true;
        }
    }

    @Override
    public List<ReservationRecord> reservationsOnHost(String hostId) {
        return sorted(reservationsByHost.get(hostId), RESERVED_FIRST);
    }

    @Override
    public List<ReservationRecord> allReservations() {
        return reservations.values().stream().sorted(RESERVED_FIRST).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean removeReservation(String reservationId) {
        synchronized (writes) {
            return dropReservation(reservationId);
        }
    }

    @Override
    public boolean commitReservation(String reservationId, LobbyRecord record) {
        Objects.requireNonNull(record, "record");
        // Record first, then the reservation: a reader between the two may count the lobby twice
        // for an instant (a refusal, the safe side), never zero times.
        synchronized (writes) {
            if (!reservations.containsKey(reservationId)) {
                return false;
            }
            putLobby(record);
            dropReservation(reservationId);
            return true;
        }
    }

    /** From the index, reservations before records, as the SPI asks. */
    @Override
    public Map<String, HostRecords> recordsByHost() {
        Map<String, List<ReservationRecord>> reserved = new HashMap<>();
        reservationsByHost.forEach((host, own) -> reserved.put(host, sorted(own, RESERVED_FIRST)));
        Map<String, List<LobbyRecord>> recorded = new HashMap<>();
        lobbiesByHost.forEach((host, own) -> recorded.put(host, sorted(own, OLDEST_FIRST)));
        Map<String, HostRecords> out = new LinkedHashMap<>();
        for (String host : union(reserved.keySet(), recorded.keySet())) {
            List<LobbyRecord> lobbyList = recorded.getOrDefault(host, List.of());
            List<ReservationRecord> reservationList = reserved.getOrDefault(host, List.of());
            if (!lobbyList.isEmpty() || !reservationList.isEmpty()) {
                out.put(host, new HostRecords(host, lobbyList, reservationList));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Called under {@link #writes}; moves the record between hosts if its host changed. */
    private void putLobby(LobbyRecord record) {
        LobbyRecord old = lobbies.put(record.lobbyId(), record);
        if (old != null && !old.hostId().equals(record.hostId())) {
            lobbiesByHost.get(old.hostId()).remove(record.lobbyId());
        }
        lobbiesByHost.computeIfAbsent(record.hostId(), h -> new ConcurrentHashMap<>()).put(record.lobbyId(), record);
    }

    /** Called under {@link #writes}; moves the reservation between hosts if its host changed. */
    private void putReservation(ReservationRecord reservation) {
        ReservationRecord old = reservations.put(reservation.reservationId(), reservation);
        if (old != null && !old.hostId().equals(reservation.hostId())) {
            reservationsByHost.get(old.hostId()).remove(reservation.reservationId());
        }
        reservationsByHost.computeIfAbsent(reservation.hostId(), h -> new ConcurrentHashMap<>())
                .put(reservation.reservationId(), reservation);
    }

    /** Called under {@link #writes}. */
    private boolean dropReservation(String reservationId) {
        ReservationRecord old = reservations.remove(reservationId);
        if (old != null) {
            reservationsByHost.get(old.hostId()).remove(reservationId);
        }
        return old != null;
    }

    private static <T> List<T> sorted(Map<String, T> own, Comparator<T> order) {
        if (own == null || own.isEmpty()) {
            return List.of();
        }
        return own.values().stream().sorted(order).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String toString() {
        return "InMemorySessionStore[sessions=" + sessions.size() + ", lobbies=" + lobbies.size()
                + ", reservations=" + reservations.size() + "]";
    }
}
