package dev.lobbygovernor.store.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the store does when its database is down: every method throws {@link StoreException}
 * (never an empty answer in place of an error), changes nothing, and works again once the
 * database is back. The database is cut off through the host's {@link StoreOutage}. Hosts
 * extend {@link SessionStoreContract}, which includes these tests.
 */
public abstract class StoreFailureContract extends ReservationStoreContract {

    /** Every method of the SPI, each called once with arguments that would succeed. */
    private Map<String, Runnable> everyMethod() {
        LobbyRecord lobby = record("l1", "h", "s1", "0042", 0, 0);
        ReservationRecord reserved = reservation("r1", "h", "s1", "0042", 0, 60);
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("findSession", () -> store.findSession(id("s1")));
        calls.put("findSessions", () -> store.findSessions(List.of(id("s1"), id("s2"))));
        calls.put("saveLobby", () -> store.saveLobby(record("l2", "h", "s1", "0042", 0, 0)));
        calls.put("touchLobby", () -> store.touchLobby(lobby.lobbyId(), T0.plusSeconds(60)));
        calls.put("findLobby", () -> store.findLobby(lobby.lobbyId()));
        calls.put("lobbiesOnHost", () -> store.lobbiesOnHost(id("h")));
        calls.put("lobbiesIdleSince", () -> store.lobbiesIdleSince(T0.plusSeconds(3600)));
        calls.put("allLobbies", () -> store.allLobbies());
        calls.put("removeLobby", () -> store.removeLobby(lobby.lobbyId()));
        calls.put("saveReservation", () -> store.saveReservation(reservation("r2", "h", "s1", "0042", 0, 60)));
        calls.put("updateReservation", () -> store.updateReservation(reserved.creating(T0.plusSeconds(1))));
        calls.put("reservationsOnHost", () -> store.reservationsOnHost(id("h")));
        calls.put("allReservations", () -> store.allReservations());
        calls.put("recordsByHost", () -> store.recordsByHost());
        calls.put("removeReservation", () -> store.removeReservation(reserved.reservationId()));
        calls.put("commitReservation", () -> store.commitReservation(reserved.reservationId(),
                record("l3", "h", "s1", "0042", 1, 1)));
        return calls;
    }

    private void seed() {
        sessions.createSession(id("s1"));
        store.saveLobby(record("l1", "h", "s1", "0042", 0, 0));
        store.saveReservation(reservation("r1", "h", "s1", "0042", 0, 60));
    }

    @Test
    void everyMethodThrowsStoreExceptionWhileTheDatabaseIsDown() {
        seed();
        List<String> wrong = new ArrayList<>();
        outage.begin();
        try {
            everyMethod().forEach((name, call) -> {
                try {
                    call.run();
                    wrong.add(name + " answered as if nothing were wrong");
                } catch (StoreException expected) {
                    // the contract
                } catch (RuntimeException e) {
                    wrong.add(name + " threw " + e.getClass().getName() + " instead of StoreException");
                }
            });
        } finally {
            outage.end();
        }
        if (!wrong.isEmpty()) {
            fail("During an outage: " + String.join("; ", wrong));
        }
    }

    @Test
    void failedCallsChangeNothing() {
        seed();
        outage.begin();
        try {
            everyMethod().values().forEach(call -> {
                try {
                    call.run();
                } catch (StoreException expected) {
                    // checked by everyMethodThrowsStoreExceptionWhileTheDatabaseIsDown
                }
            });
        } finally {
            outage.end();
        }
        assertEquals(List.of("l1"), ownIds(store.allLobbies()));
        assertEquals(record("l1", "h", "s1", "0042", 0, 0), stored("l1"));
        assertEquals(List.of("r1"), ownReservationIds(store.allReservations()));
        assertEquals(Optional.of(reservation("r1", "h", "s1", "0042", 0, 60)), storedReservation("r1"));
    }

    @Test
    void worksAgainOnceTheDatabaseIsBack() {
        seed();
        outage.begin();
        try {
            store.allLobbies();
            fail("allLobbies answered while the database was down");
        } catch (StoreException expected) {
            // the contract
        } finally {
            outage.end();
        }
        assertEquals(List.of("l1"), ownIds(store.lobbiesOnHost(id("h"))));
        assertTrue(store.findSession(id("s1")).isLive());
        assertTrue(store.commitReservation(id("r1"), record("l2", "h", "s1", "0042", 1, 1)));
    }
}
