package dev.lobbygovernor.store.tck;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract test starts from: a fresh store, hooks onto its sessions, and ids unique
 * to the test. Hosts extend {@link SessionStoreContract}, not this class.
 */
public abstract class SessionStoreFixture {

    /** A whole-millisecond instant, so that a database keeping microseconds passes. */
    protected static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123Z");

    /** The store under test, fresh for each test. */
    protected SessionStore store;
    /** Hooks onto the sessions the store reads. */
    protected SessionHooks sessions;
    /** Makes the store's database unreachable, for the failure tests. */
    protected StoreOutage outage;
    /** This test's id prefix. */
    protected String prefix;

    /** A new store over an empty (or at least consistent) database; called once per test. */
    protected abstract SessionStore newStore();

    /** Hooks that create and delete sessions in the database {@code store} reads. */
    protected abstract SessionHooks sessionHooks(SessionStore store);

    /**
     * The hook that cuts {@code store} off its database, or {@link StoreOutage#unsupported} for a
     * store without one.
     */
    protected abstract StoreOutage storeOutage(SessionStore store);

    /** How many threads the concurrency tests use; lower it for a small connection pool. */
    protected int threads() {
        return 8;
    }

    /** How many operations each concurrency test makes in all. */
    protected int operations() {
        return 400;
    }

    /** Builds the store and hooks for one test. */
    @BeforeEach
    void setUpStore() {
        store = newStore();
        sessions = sessionHooks(store);
        outage = storeOutage(store);
        prefix = "tck-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** An id unique to this test. */
    protected String id(String name) {
        return prefix + name;
    }

    /** A record on this test's ids, with times in seconds after {@link #T0}. */
    protected LobbyRecord record(String lobby, String host, String session, String pinOrNull,
            long createdSec, long activeSec) {
        return new LobbyRecord(id(lobby), id(host), id(session),
                pinOrNull == null ? null : LobbyPin.of(pinOrNull),
                T0.plusSeconds(createdSec), T0.plusSeconds(activeSec));
    }

    /**
     * A reservation on this test's ids, before any create attempt, with times in seconds after
     * {@link #T0}; its lobby name is unique to it.
     */
    protected ReservationRecord reservation(String reservation, String host, String session, String pinOrNull,
            long createdSec, long expiresSec) {
        return ReservationRecord.reserved(id(reservation), id(host), id(session),
                pinOrNull == null ? null : LobbyPin.of(pinOrNull), id("lobby-of-" + reservation),
                T0.plusSeconds(createdSec), T0.plusSeconds(expiresSec));
    }

    /** The ids of this test's reservations in {@code reservations}, prefix stripped, in order. */
    protected List<String> ownReservationIds(List<ReservationRecord> reservations) {
        return reservations.stream().map(ReservationRecord::reservationId).filter(i -> i.startsWith(prefix))
                .map(i -> i.substring(prefix.length())).collect(Collectors.toList());
    }

    /** This test's reservations in {@code reservations}, in order. */
    protected List<ReservationRecord> ownReservations(List<ReservationRecord> reservations) {
        return reservations.stream().filter(r -> r.reservationId().startsWith(prefix)).collect(Collectors.toList());
    }

    /** This test's records in {@code records}, in order. */
    protected List<LobbyRecord> ownLobbies(List<LobbyRecord> records) {
        return records.stream().filter(r -> r.lobbyId().startsWith(prefix)).collect(Collectors.toList());
    }

    /** The ids of this test's records in {@code records}, prefix stripped, in order. */
    protected List<String> ownIds(List<LobbyRecord> records) {
        return records.stream().map(LobbyRecord::lobbyId).filter(i -> i.startsWith(prefix))
                .map(i -> i.substring(prefix.length())).collect(Collectors.toList());
    }

    /** The stored record of one of this test's lobbies; fails if there is none. */
    protected LobbyRecord stored(String lobby) {
        return store.findLobby(id(lobby)).orElseThrow(() -> new AssertionError("no record for " + lobby));
    }
}
