package dev.lobbygovernor.store.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link SessionStore} contract as tests: extend it with the host's implementation.
 *
 * <pre>{@code
 * class JdbcSessionStoreContractTest extends SessionStoreContract {
 *     protected SessionStore newStore() { outage = new OutageDataSource(pool); return new MyStore(outage); }
 *     protected SessionHooks sessionHooks(SessionStore s) { return new MySessionHooks(pool); }
 *     protected StoreOutage storeOutage(SessionStore s) { return outage; }
 * }
 * }</pre>
 *
 * <p>Every test uses ids with a fresh random prefix and looks only at its own records, so the
 * kit also runs against a database shared between tests. It needs JUnit Jupiter only. The class
 * extends the rest of the kit, so one subclass runs it all: reservations and batch lookups
 * ({@link ReservationStoreContract}), failure while the database is down, through the host's
 * {@link StoreOutage} ({@link StoreFailureContract}), and concurrency
 * ({@link SessionStoreConcurrencyContract}). The admission ledger has a contract of its own,
 * {@link AdmissionLedgerContract}.
 */
public abstract class SessionStoreContract extends StoreFailureContract {

    // --- sessions -----------------------------------------------------------------------

    @Test
    void findsALiveSessionAsPresent() {
        sessions.createSession(id("s1"));
        assertEquals(SessionState.present(id("s1")), store.findSession(id("s1")));
    }

    @Test
    void findsASoftDeletedSessionWithItsDeletionTime() {
        sessions.createSession(id("s1"));
        sessions.softDeleteSession(id("s1"), T0.plusSeconds(90));
        assertEquals(SessionState.softDeleted(id("s1"), T0.plusSeconds(90)), store.findSession(id("s1")));
    }

    @Test
    void reportsAHardDeletedSessionAsGone() {
        sessions.createSession(id("s1"));
        sessions.hardDeleteSession(id("s1"));
        assertEquals(SessionState.gone(id("s1")), store.findSession(id("s1")));
    }

    @Test
    void reportsAnUnknownSessionAsGoneNotNull() {
        SessionState state = store.findSession(id("never-existed"));
        assertNotNull(state, "findSession must never return null");
        assertEquals(SessionState.Status.GONE, state.status());
    }

    @Test
    void keepsLobbyRecordsWhenTheirSessionIsSoftDeleted() {
        sessions.createSession(id("s1"));
        store.saveLobby(record("l1", "h", "s1", "1234", 0, 0));
        sessions.softDeleteSession(id("s1"), T0.plusSeconds(5));
        assertEquals(record("l1", "h", "s1", "1234", 0, 0), stored("l1"));
    }

    @Test
    void keepsLobbyRecordsWhenTheirSessionIsHardDeleted() {
        sessions.createSession(id("s1"));
        store.saveLobby(record("l1", "h", "s1", "1234", 0, 0));
        sessions.hardDeleteSession(id("s1"));
        assertEquals(record("l1", "h", "s1", "1234", 0, 0), stored("l1"));
        assertEquals(List.of("l1"), ownIds(store.lobbiesOnHost(id("h"))));
    }

    // --- lobby records ------------------------------------------------------------------

    @Test
    void readsBackASavedRecordFieldForField() {
        LobbyRecord saved = record("l1", "h", "s1", "4711", 10, 20);
        store.saveLobby(saved);
        LobbyRecord read = stored("l1");
        assertEquals(saved.lobbyId(), read.lobbyId());
        assertEquals(saved.hostId(), read.hostId());
        assertEquals(saved.sessionId(), read.sessionId());
        assertEquals(saved.pin(), read.pin());
        assertEquals(saved.createdAt(), read.createdAt());
        assertEquals(saved.lastActivityAt(), read.lastActivityAt());
    }

    @Test
    void saveReplacesTheRecordWithTheSameLobbyId() {
        store.saveLobby(record("l1", "h", "s1", "1111", 0, 0));
        store.saveLobby(record("l1", "h2", "s2", "2222", 30, 40));
        assertEquals(record("l1", "h2", "s2", "2222", 30, 40), stored("l1"));
        assertEquals(List.of(), ownIds(store.lobbiesOnHost(id("h"))));
        assertEquals(List.of("l1"), ownIds(store.allLobbies()));
    }

    @Test
    void touchMovesLastActivityForward() {
        store.saveLobby(record("l1", "h", "s1", null, 0, 0));
        assertTrue(store.touchLobby(id("l1"), T0.plusSeconds(60)));
        assertEquals(T0.plusSeconds(60), stored("l1").lastActivityAt());
        assertEquals(T0, stored("l1").createdAt(), "a touch must not move the creation time");
    }

    @Test
    void touchNeverMovesLastActivityBackward() {
        store.saveLobby(record("l1", "h", "s1", null, 0, 100));
        assertTrue(store.touchLobby(id("l1"), T0.plusSeconds(40)), "the record exists");
        assertEquals(T0.plusSeconds(100), stored("l1").lastActivityAt(), "an earlier touch moved it back");
        assertTrue(store.touchLobby(id("l1"), T0.plusSeconds(100)), "the record exists");
        assertEquals(T0.plusSeconds(100), stored("l1").lastActivityAt(), "an equal touch changed it");
    }

    @Test
    void touchOfSeveralLobbiesMovesEachForwardOnlyAndCreatesNone() {
        store.saveLobby(record("behind", "h", "s1", null, 0, 10));
        store.saveLobby(record("ahead", "h", "s2", null, 0, 200));
        store.saveLobby(record("untouched", "h", "s3", null, 0, 10));

        store.touchLobbies(List.of(id("behind"), id("ahead"), id("nope")), T0.plusSeconds(100));

        assertEquals(T0.plusSeconds(100), stored("behind").lastActivityAt());
        assertEquals(T0.plusSeconds(200), stored("ahead").lastActivityAt(), "a touch moved a record backward");
        assertEquals(T0.plusSeconds(10), stored("untouched").lastActivityAt(), "a lobby not named moved");
        assertEquals(Optional.empty(), store.findLobby(id("nope")), "a touch created a record");
    }

    @Test
    void touchOfAnUnknownLobbyCreatesNothing() {
        assertFalse(store.touchLobby(id("nope"), T0));
        assertEquals(Optional.empty(), store.findLobby(id("nope")));
    }

    @Test
    void listsLobbiesOnAHostOldestFirstAndOnlyThatHost() {
        store.saveLobby(record("mid", "h", "s1", null, 20, 90));
        store.saveLobby(record("other-host", "h2", "s1", null, 5, 5));
        store.saveLobby(record("new", "h", "s2", null, 30, 30));
        store.saveLobby(record("old", "h", "s3", null, 10, 100));
        assertEquals(List.of("old", "mid", "new"), ownIds(store.lobbiesOnHost(id("h"))));
    }

    @Test
    void listsIdleLobbiesLeastRecentlyActiveFirstStrictlyBeforeTheCutoff() {
        store.saveLobby(record("a", "h", "s1", null, 0, 50));
        store.saveLobby(record("b", "h2", "s2", null, 10, 20));
        store.saveLobby(record("at-cutoff", "h", "s3", null, 0, 60));
        store.saveLobby(record("active", "h", "s4", null, 0, 70));
        store.saveLobby(record("c", "h", "s5", null, 30, 30));
        assertEquals(List.of("b", "c", "a"), ownIds(store.lobbiesIdleSince(T0.plusSeconds(60))));
    }

    @Test
    void listsIdleLobbiesByTheirLatestTouch() {
        store.saveLobby(record("a", "h", "s1", null, 0, 0));
        store.saveLobby(record("b", "h", "s2", null, 0, 10));
        store.touchLobby(id("a"), T0.plusSeconds(20));
        assertEquals(List.of("b", "a"), ownIds(store.lobbiesIdleSince(T0.plusSeconds(30))));
        assertEquals(List.of("b"), ownIds(store.lobbiesIdleSince(T0.plusSeconds(15))));
    }

    @Test
    void listsAllLobbiesOnEveryHostOldestFirst() {
        store.saveLobby(record("b", "h2", "s1", null, 20, 20));
        store.saveLobby(record("c", "h1", "s1", null, 30, 30));
        store.saveLobby(record("a", "h1", "s2", null, 10, 40));
        assertEquals(List.of("a", "b", "c"), ownIds(store.allLobbies()));
    }

    @Test
    void removeIsIdempotent() {
        store.saveLobby(record("l1", "h", "s1", "1234", 0, 0));
        assertTrue(store.removeLobby(id("l1")));
        assertFalse(store.removeLobby(id("l1")));
        assertFalse(store.removeLobby(id("never-saved")));
        assertEquals(Optional.empty(), store.findLobby(id("l1")));
        assertEquals(List.of(), ownIds(store.lobbiesOnHost(id("h"))));
    }

    @Test
    void roundTripsThePinExactly() {
        List<String> pins = List.of("0000", "0042", "7", "0123456789012345", "9999");
        for (int i = 0; i < pins.size(); i++) {
            store.saveLobby(record("l" + i, "h", "s1", pins.get(i), i, i));
        }
        for (int i = 0; i < pins.size(); i++) {
            LobbyPin pin = stored("l" + i).pin();
            assertNotNull(pin, "PIN lost");
            assertArrayEquals(LobbyPin.of(pins.get(i)).digits(), pin.digits(), "PIN #" + i + " changed");
        }
    }

    @Test
    void keepsAnOpenLobbyWithoutAPin() {
        store.saveLobby(record("open", "h", "s1", null, 0, 0));
        assertEquals(Optional.empty(), stored("open").optionalPin());
    }
}
