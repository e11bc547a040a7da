package dev.lobbygovernor.store;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
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
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * The embedded {@link SessionStore}: everything in memory, thread-safe, lost with the process.
 *
 * <p>Besides the SPI it manages sessions, so that demos and tests can create, soft-delete and
 * hard-delete them as a host application's database would.
 *
 * <p>Records and reservations are also indexed by host, so that a host's listing costs what that
 * host holds, not what the whole fleet holds. Writes take one lock, which keeps the index and
 * the records in step and makes a commit one step for every reader. Each host's sorted records
 * and reservations are kept as one snapshot, taken under that lock when first read after a
 * change to that host and dropped by the next, so that reading hosts that have not changed
 * costs a lookup each, and {@link #recordsByHost()} is a view over those snapshots.
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
    /**
     * The lobby ids oldest first, so that listing every record never sorts; changed only under
     * {@link #writes}, and only when a record is added, removed or saved with another creation
     * time (a touch leaves it alone).
     */
    private final ConcurrentNavigableMap<Age, String> oldestFirst = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, ReservationRecord> reservations = new ConcurrentHashMap<>();
    /** The same records by host id, then lobby id; changed only under {@link #writes}. */
    private final ConcurrentMap<String, ConcurrentMap<String, LobbyRecord>> lobbiesByHost = new ConcurrentHashMap<>();
    /** The same reservations by host id, then reservation id; changed only under {@link #writes}. */
    private final ConcurrentMap<String, ConcurrentMap<String, ReservationRecord>> reservationsByHost =
            new ConcurrentHashMap<>();
    /** Every change to records and reservations, so the index never disagrees with them. */
    private final Object writes = new Object();
    /**
     * Each host's records as last read, taken under {@link #writes}; a change to a host drops its
     * entry (under the same lock), so an entry present is never older than the index.
     */
    private final ConcurrentMap<String, HostRecords> hostViews = new ConcurrentHashMap<>();
    /** What {@link #recordsByHost()} answers: a view over {@link #hostViews}. */
    private final Map<String, HostRecords> fleetView = new FleetView();

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
            return touch(lobbyId, at);
        }
    }

    /** One lock for the whole batch; the same rules as {@link #touchLobby}. */
    @Override
    public void touchLobbies(Collection<String> lobbyIds, Instant at) {
        Objects.requireNonNull(at, "at");
        synchronized (writes) {
            for (String id : lobbyIds) {
                touch(Objects.requireNonNull(id, "lobby id"), at);
            }
        }
    }

    /** Called under {@link #writes}. */
    private boolean touch(String lobbyId, Instant at) {
        LobbyRecord r = lobbies.get(lobbyId);
        if (r == null) {
            return false;
        }
        if (at.isAfter(r.lastActivityAt())) {
            putLobby(r.touchedAt(at));
        }
        return true;
    }

    /** Reads the sessions map directly, one lookup per id. */
    @Override
    public Map<String, SessionState> findSessions(Collection<String> sessionIds) {
        Map<String, SessionState> out = new HashMap<>(Math.max(16, sessionIds.size() * 4 / 3 + 1));
        for (String id : sessionIds) {
            SessionState state = sessions.get(Objects.requireNonNull(id, "session id"));
            out.put(id, state != null ? state : SessionState.gone(id));
        }
        return out;
    }

    @Override
    public Optional<LobbyRecord> findLobby(String lobbyId) {
        return Optional.ofNullable(lobbies.get(lobbyId));
    }

    @Override
    public List<LobbyRecord> lobbiesOnHost(String hostId) {
        return hostView(hostId).lobbies();
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
        List<LobbyRecord> out = new ArrayList<>(lobbies.size());
        for (Age age : oldestFirst.keySet()) {
            LobbyRecord r = lobbies.get(age.lobbyId());
            // a record saved meanwhile with another creation time is listed at its new place only
            if (r != null && r.createdAt().equals(age.createdAt())) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean removeLobby(String lobbyId) {
        synchronized (writes) {
            LobbyRecord old = lobbies.remove(lobbyId);
            if (old != null) {
                oldestFirst.remove(new Age(old.createdAt(), lobbyId));
                lobbiesByHost.get(old.hostId()).remove(lobbyId);
                changed(old.hostId());
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
        return hostView(hostId).reservations();
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

    /**
     * An unmodifiable view over the index in which each host's entry is one consistent state of
     * that host (its records and reservations taken together under the write lock), as it is
     * when the entry is read; no read copies the fleet. Looking a host up costs what that host
     * holds; iterating takes every host's state at the moment each is reached.
     */
    @Override
    public Map<String, HostRecords> recordsByHost() {
        return fleetView;
    }

    /** The view {@link #recordsByHost()} answers. */
    private final class FleetView extends AbstractMap<String, HostRecords> {

        @Override
        public HostRecords get(Object key) {
            if (!(key instanceof String hostId)) {
                return null;
            }
            HostRecords own = hostView(hostId);
            return own.lobbies().isEmpty() && own.reservations().isEmpty() ? null : own;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Map.Entry<String, HostRecords>> entrySet() {
            Set<String> hosts = new TreeSet<>(reservationsByHost.keySet());
            hosts.addAll(lobbiesByHost.keySet());
            Map<String, HostRecords> now = new LinkedHashMap<>();
            for (String host : hosts) {
                HostRecords own = get(host);
                if (own != null) {
                    now.put(host, own);
                }
            }
            return Collections.unmodifiableMap(now).entrySet();
        }
    }

    /** A host's records, from its snapshot or (under the write lock) the index. */
    private HostRecords hostView(String hostId) {
        HostRecords view = hostViews.get(hostId);
        if (view != null) {
            return view;
        }
        synchronized (writes) {
            view = hostViews.get(hostId);
            if (view == null) {
                view = new HostRecords(hostId, sorted(lobbiesByHost.get(hostId), OLDEST_FIRST),
                        sorted(reservationsByHost.get(hostId), RESERVED_FIRST));
                if (!view.lobbies().isEmpty() || !view.reservations().isEmpty()) {
                    hostViews.put(hostId, view); // an unknown host's empty answer is not kept
                }
            }
            return view;
        }
    }

    /** Called under {@link #writes} after a change to {@code hostId}'s records or reservations. */
    private void changed(String hostId) {
        hostViews.remove(hostId);
    }

    /** Called under {@link #writes}; moves the record between hosts if its host changed. */
    private void putLobby(LobbyRecord record) {
        LobbyRecord old = lobbies.put(record.lobbyId(), record);
        if (old == null || !old.createdAt().equals(record.createdAt())) {
            if (old != null) {
                oldestFirst.remove(new Age(old.createdAt(), old.lobbyId()));
            }
            oldestFirst.put(new Age(record.createdAt(), record.lobbyId()), record.lobbyId());
        }
        if (old != null && !old.hostId().equals(record.hostId())) {
            lobbiesByHost.get(old.hostId()).remove(record.lobbyId());
            changed(old.hostId());
        }
        lobbiesByHost.computeIfAbsent(record.hostId(), h -> new ConcurrentHashMap<>()).put(record.lobbyId(), record);
        changed(record.hostId());
    }

    /** Called under {@link #writes}; moves the reservation between hosts if its host changed. */
    private void putReservation(ReservationRecord reservation) {
        ReservationRecord old = reservations.put(reservation.reservationId(), reservation);
        if (old != null && !old.hostId().equals(reservation.hostId())) {
            reservationsByHost.get(old.hostId()).remove(reservation.reservationId());
            changed(old.hostId());
        }
        reservationsByHost.computeIfAbsent(reservation.hostId(), h -> new ConcurrentHashMap<>())
                .put(reservation.reservationId(), reservation);
        changed(reservation.hostId());
    }

    /** Called under {@link #writes}. */
    private boolean dropReservation(String reservationId) {
        ReservationRecord old = reservations.remove(reservationId);
        if (old != null) {
            reservationsByHost.get(old.hostId()).remove(reservationId);
            changed(old.hostId());
        }
        return old != null;
    }

    private static <T> List<T> sorted(Map<String, T> own, Comparator<T> order) {
        if (own == null || own.isEmpty()) {
            return List.of();
        }
        return own.values().stream().sorted(order).collect(Collectors.toUnmodifiableList());
    }

    /** Where a record stands in {@link #OLDEST_FIRST} order. */
    private record Age(Instant createdAt, String lobbyId) implements Comparable<Age> {
        @Override
        public int compareTo(Age other) {
            int c = createdAt.compareTo(other.createdAt);
            return c != 0 ? c : lobbyId.compareTo(other.lobbyId);
        }
    }

    @Override
    public String toString() {
        return "InMemorySessionStore[sessions=" + sessions.size() + ", lobbies=" + lobbies.size()
                + ", reservations=" + reservations.size() + "]";
    }
}
