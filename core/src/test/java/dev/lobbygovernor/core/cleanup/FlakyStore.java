package dev.lobbygovernor.core.cleanup;

import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionState;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.StoreException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A store whose calls can be made to fail, one kind at a time, and whose removals can be watched. */
final class FlakyStore implements SessionStore {

    private final SessionStore inner;
    volatile boolean failRemovals;
    volatile boolean failListing;
    volatile boolean failSessions;
    volatile boolean failFindLobby;
    volatile boolean failTouches;
    volatile boolean failCommits;
    volatile boolean failReservations;
    /** When set, the bulk session lookup answers this instead of asking the inner store. */
    volatile Map<String, SessionState> sessionsAnswer;
    /** When set, listing lobby records answers null, as a broken store might. */
    volatile boolean nullListing;
    volatile Consumer<String> beforeRemove = id -> { };
    /** Activity writes that reached the store. */
    final java.util.concurrent.atomic.AtomicInteger touchWrites = new java.util.concurrent.atomic.AtomicInteger();

    FlakyStore(SessionStore inner) {
        this.inner = inner;
    }

    @Override
    public SessionState findSession(String sessionId) {
        if (failSessions) {
            throw new StoreException("sessions table unavailable");
        }
        return inner.findSession(sessionId);
    }

    @Override
    public Map<String, SessionState> findSessions(Collection<String> sessionIds) {
        Map<String, SessionState> answer = sessionsAnswer;
        return answer != null ? answer : SessionStore.super.findSessions(sessionIds);
    }

    @Override
    public void saveLobby(LobbyRecord record) {
        inner.saveLobby(record);
    }

    @Override
    public boolean touchLobby(String lobbyId, Instant at) {
        if (failTouches) {
            throw new StoreException("lobby table unavailable");
        }
        touchWrites.incrementAndGet();
        return inner.touchLobby(lobbyId, at);
    }

    @Override
    public Optional<LobbyRecord> findLobby(String lobbyId) {
        if (failFindLobby) {
            throw new StoreException("lobby table unavailable");
        }
        return inner.findLobby(lobbyId);
    }

    @Override
    public List<LobbyRecord> lobbiesOnHost(String hostId) {
        return inner.lobbiesOnHost(hostId);
    }

    @Override
    public List<LobbyRecord> lobbiesIdleSince(Instant cutoff) {
        return inner.lobbiesIdleSince(cutoff);
    }

    @Override
    public List<LobbyRecord> allLobbies() {
        if (failListing) {
            throw new StoreException("lobby table unavailable");
        }
        return nullListing ? null : inner.allLobbies();
    }

    @Override
    public boolean removeLobby(String lobbyId) {
        if (failRemovals) {
            throw new StoreException("could not delete lobby record: connection reset");
        }
        beforeRemove.accept(lobbyId);
        return inner.removeLobby(lobbyId);
    }

    @Override
    public void saveReservation(ReservationRecord reservation) {
        inner.saveReservation(reservation);
    }

    @Override
    public boolean updateReservation(ReservationRecord reservation) {
        return inner.updateReservation(reservation);
    }

    @Override
    public List<ReservationRecord> reservationsOnHost(String hostId) {
        return inner.reservationsOnHost(hostId);
    }

    @Override
    public List<ReservationRecord> allReservations() {
        if (failReservations) {
            throw new StoreException("reservation table unavailable");
        }
        return inner.allReservations();
    }

    @Override
    public boolean removeReservation(String reservationId) {
        return inner.removeReservation(reservationId);
    }

    @Override
    public boolean commitReservation(String reservationId, LobbyRecord record) {
        if (failCommits) {
            throw new StoreException("could not commit: connection reset");
        }
        return inner.commitReservation(reservationId, record);
    }
}
