package dev.lobbygovernor.store;

import dev.lobbygovernor.store.tck.SessionHooks;
import dev.lobbygovernor.store.tck.SessionStoreContract;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Stores that each break one rule of the contract, and the contract kit bound to each. They are
 * nested classes so that surefire does not run them on its own: {@link SessionStoreContractSelfTest}
 * runs them and expects the kit to fail them.
 */
final class BrokenStores {

    private BrokenStores() {
    }

    /** Forwards everything to an in-memory store; each broken store overrides one thing. */
    abstract static class Delegating implements SessionStore, SessionHooks {
        final InMemorySessionStore inner = new InMemorySessionStore();

        @Override public SessionState findSession(String id) { return inner.findSession(id); }
        @Override public void saveLobby(LobbyRecord r) { inner.saveLobby(r); }
        @Override public boolean touchLobby(String id, Instant at) { return inner.touchLobby(id, at); }
        @Override public Optional<LobbyRecord> findLobby(String id) { return inner.findLobby(id); }
        @Override public List<LobbyRecord> lobbiesOnHost(String h) { return inner.lobbiesOnHost(h); }
        @Override public List<LobbyRecord> lobbiesIdleSince(Instant c) { return inner.lobbiesIdleSince(c); }
        @Override public List<LobbyRecord> allLobbies() { return inner.allLobbies(); }
        @Override public boolean removeLobby(String id) { return inner.removeLobby(id); }
        @Override public Map<String, SessionState> findSessions(Collection<String> ids) { return inner.findSessions(ids); }
        @Override public void saveReservation(ReservationRecord r) { inner.saveReservation(r); }
        @Override public boolean updateReservation(ReservationRecord r) { return inner.updateReservation(r); }
        @Override public List<ReservationRecord> reservationsOnHost(String h) { return inner.reservationsOnHost(h); }
        @Override public List<ReservationRecord> allReservations() { return inner.allReservations(); }
        @Override public boolean removeReservation(String id) { return inner.removeReservation(id); }
        @Override public boolean commitReservation(String id, LobbyRecord r) { return inner.commitReservation(id, r); }
        @Override public void createSession(String id) { inner.putSession(id); }
        @Override public void softDeleteSession(String id, Instant at) { inner.softDeleteSession(id, at); }
        @Override public void hardDeleteSession(String id) { inner.hardDeleteSession(id); }
    }

    /** Binds the kit to a broken store. */
    abstract static class Run extends SessionStoreContract {
        abstract Delegating broken();

        @Override
        protected SessionStore newStore() {
            return broken();
        }

        @Override
        protected SessionHooks sessionHooks(SessionStore store) {
            return (Delegating) store;
        }
    }

    /** The incident's schema: lobby records cascade-deleted with their session. */
    static class CascadingDelete extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public void hardDeleteSession(String id) {
                    inner.hardDeleteSession(id);
                    inner.allLobbies().stream().filter(r -> r.sessionId().equals(id))
                            .forEach(r -> inner.removeLobby(r.lobbyId()));
                }
            };
        }
    }

    /** Reports a soft-deleted session as gone, losing its deletion time. */
    static class SoftDeleteAsGone extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public SessionState findSession(String id) {
                    SessionState s = inner.findSession(id);
                    return s.status() == SessionState.Status.SOFT_DELETED ? SessionState.gone(id) : s;
                }
            };
        }
    }

    /** A plain "UPDATE ... SET last_activity = ?": moves activity backward too. */
    static class BlindTouch extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public boolean touchLobby(String id, Instant at) {
                    Optional<LobbyRecord> r = inner.findLobby(id);
                    r.ifPresent(x -> inner.saveLobby(x.touchedAt(at)));
                    return r.isPresent();
                }
            };
        }
    }

    /** Read, then write: concurrent touches overwrite each other. The pause widens the window. */
    static class NonAtomicTouch extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public boolean touchLobby(String id, Instant at) {
                    Optional<LobbyRecord> r = inner.findLobby(id);
                    LockSupport.parkNanos(200_000);
                    r.filter(x -> at.isAfter(x.lastActivityAt())).ifPresent(x -> inner.saveLobby(x.touchedAt(at)));
                    return r.isPresent();
                }
            };
        }
    }

    /** Keeps the PIN as a number, so "0042" comes back as "42". */
    static class PinAsNumber extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public void saveLobby(LobbyRecord r) {
                    LobbyPin pin = r.pin() == null ? null
                            : LobbyPin.of(Long.toString(Long.parseLong(r.pin().reveal())));
                    inner.saveLobby(new LobbyRecord(r.lobbyId(), r.hostId(), r.sessionId(), pin,
                            r.createdAt(), r.lastActivityAt()));
                }
            };
        }
    }

    /** Lists a host's lobbies by id, not by age. */
    static class ListsByLobbyId extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public List<LobbyRecord> lobbiesOnHost(String h) {
                    return inner.lobbiesOnHost(h).stream().sorted(Comparator.comparing(LobbyRecord::lobbyId))
                            .collect(Collectors.toList());
                }
            };
        }
    }
}
