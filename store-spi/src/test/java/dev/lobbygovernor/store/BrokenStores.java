package dev.lobbygovernor.store;

import dev.lobbygovernor.store.tck.AdmissionLedgerContract;
import dev.lobbygovernor.store.tck.SessionHooks;
import dev.lobbygovernor.store.tck.SessionStoreContract;
import dev.lobbygovernor.store.tck.StoreOutage;
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

        @Override
        protected StoreOutage storeOutage(SessionStore store) {
            return StoreOutage.unsupported("a planted broken store over memory");
        }
    }

    /** Updates by upsert: re-creates a reservation removed meanwhile. */
    static class UpdateCreates extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public boolean updateReservation(ReservationRecord r) {
                    inner.saveReservation(r);
                    return true;
                }
            };
        }
    }

    /** Saves the record whether or not the reservation is still there. */
    static class CommitWithoutReservation extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public boolean commitReservation(String id, LobbyRecord r) {
                    inner.removeReservation(id);
                    inner.saveLobby(r);
                    return true;
                }
            };
        }
    }

    /** Answers a batch lookup once per id asked, duplicates included, and drops unknown ids. */
    static class BatchLookupDropsUnknownSessions extends Run {
        @Override Delegating broken() {
            return new Delegating() {
                @Override public Map<String, SessionState> findSessions(Collection<String> ids) {
                    Map<String, SessionState> out = new java.util.LinkedHashMap<>();
                    ids.forEach(id -> {
                        SessionState s = inner.findSession(id);
                        if (s.status() != SessionState.Status.GONE) {
                            out.put(id, s);
                        }
                    });
                    return out;
                }
            };
        }
    }

    /**
     * A store over a database that can go down, whose listings catch the error and answer
     * "nothing" (the mistake that makes every lobby an orphan); its writes do fail.
     */
    static class EmptyAnswersWhileDown extends Run {
        @Override Delegating broken() {
            return new Down();
        }

        @Override
        protected StoreOutage storeOutage(SessionStore store) {
            Down down = (Down) store;
            return new StoreOutage() {
                @Override public void begin() { down.down = true; }
                @Override public void end() { down.down = false; }
            };
        }

        static final class Down extends Delegating {
            volatile boolean down;

            private void check() {
                if (down) {
                    throw new StoreException("database down");
                }
            }

            @Override public SessionState findSession(String id) { check(); return inner.findSession(id); }
            @Override public Map<String, SessionState> findSessions(Collection<String> ids) { check(); return inner.findSessions(ids); }
            @Override public void saveLobby(LobbyRecord r) { check(); inner.saveLobby(r); }
            @Override public boolean touchLobby(String id, Instant at) { check(); return inner.touchLobby(id, at); }
            @Override public Optional<LobbyRecord> findLobby(String id) { check(); return inner.findLobby(id); }
            @Override public List<LobbyRecord> lobbiesOnHost(String h) { return down ? List.of() : inner.lobbiesOnHost(h); }
            @Override public List<LobbyRecord> lobbiesIdleSince(Instant c) { return down ? List.of() : inner.lobbiesIdleSince(c); }
            @Override public List<LobbyRecord> allLobbies() { return down ? List.of() : inner.allLobbies(); }
            @Override public boolean removeLobby(String id) { check(); return inner.removeLobby(id); }
            @Override public void saveReservation(ReservationRecord r) { check(); inner.saveReservation(r); }
            @Override public boolean updateReservation(ReservationRecord r) { check(); return inner.updateReservation(r); }
            @Override public List<ReservationRecord> reservationsOnHost(String h) { check(); return inner.reservationsOnHost(h); }
            @Override public List<ReservationRecord> allReservations() { check(); return inner.allReservations(); }
            @Override public boolean removeReservation(String id) { check(); return inner.removeReservation(id); }
            @Override public boolean commitReservation(String id, LobbyRecord r) { check(); return inner.commitReservation(id, r); }
        }
    }

    /** A ledger that reads, decides and saves without any lock: replicas overshoot the cap. */
    static class UnlockedLedger extends AdmissionLedgerContract {
        @Override
        protected List<Replica> replicasOverOneDatabase(int n) {
            InMemorySessionStore shared = new InMemorySessionStore();
            AdmissionLedger unlocked = (hostId, decision) -> {
                HostRecords now = new HostRecords(hostId, shared.lobbiesOnHost(hostId), shared.reservationsOnHost(hostId));
                LockSupport.parkNanos(200_000);
                Optional<ReservationRecord> granted = decision.apply(now);
                granted.ifPresent(shared::saveReservation);
                return granted;
            };
            return java.util.Collections.nCopies(n, new Replica(shared, unlocked));
        }

        @Override
        protected StoreOutage storeOutage(Replica replica) {
            return StoreOutage.unsupported("a planted broken ledger over memory");
        }

        @Override
        protected int raceRounds() {
            return 10;
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
