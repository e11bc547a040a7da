package dev.lobbygovernor.store.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Reservations and batch session lookups, as tests. Hosts extend {@link SessionStoreContract},
 * which includes these.
 */
public abstract class ReservationStoreContract extends SessionStoreConcurrencyContract {

    /** The stored reservation with this test-local id, if any. */
    protected Optional<ReservationRecord> storedReservation(String reservation) {
        return store.allReservations().stream().filter(r -> r.reservationId().equals(id(reservation))).findFirst();
    }

    // --- reservations -------------------------------------------------------------------

    @Test
    void readsBackASavedReservationFieldForField() {
        ReservationRecord saved = reservation("r1", "h", "s1", "4711", 10, 70).creating(T0.plusSeconds(20));
        store.saveReservation(saved);
        assertEquals(Optional.of(saved), storedReservation("r1"));
        ReservationRecord read = storedReservation("r1").orElseThrow();
        assertEquals(saved.pin(), read.pin());
        assertEquals(saved.lobbyName(), read.lobbyName());
        assertEquals(saved.createStartedAt(), read.createStartedAt());
    }

    @Test
    void keepsTheGpuOfAReservationThroughItsPhasesItsCommitAndTouches() {
        String gpu = "GPU-5e2b3c4d-0000-4000-8000-00000000a1b2";
        ReservationRecord reserved = reservation("r1", "h", "s1", "4711", 0, 60).onGpu(gpu);
        store.saveReservation(reserved);
        assertEquals(gpu, storedReservation("r1").orElseThrow().gpu());
        assertTrue(store.updateReservation(reserved.creating(T0.plusSeconds(1))));
        assertEquals(gpu, storedReservation("r1").orElseThrow().gpu());
        assertEquals(gpu, ownReservations(store.recordsByHost().get(id("h")).reservations()).get(0).gpu());

        LobbyRecord base = record("l1", "h", "s1", "4711", 2, 2);
        LobbyRecord committed = new LobbyRecord(base.lobbyId(), base.hostId(), base.sessionId(), base.pin(),
                base.createdAt(), base.lastActivityAt(), gpu);
        assertTrue(store.commitReservation(id("r1"), committed));
        store.touchLobby(id("l1"), T0.plusSeconds(30));
        assertEquals(gpu, store.findLobby(id("l1")).orElseThrow().gpu());
        assertEquals(gpu, ownLobbies(store.lobbiesOnHost(id("h"))).get(0).gpu());
        assertEquals(gpu, ownLobbies(store.recordsByHost().get(id("h")).lobbies()).get(0).gpu());
        assertEquals("", record("l2", "h", "s1", null, 3, 3).gpu(), "a record on no GPU in particular");
    }

    @Test
    void saveReplacesTheReservationWithTheSameId() {
        store.saveReservation(reservation("r1", "h", "s1", "1111", 0, 60));
        ReservationRecord replaced = reservation("r1", "h2", "s2", "2222", 5, 65);
        store.saveReservation(replaced);
        assertEquals(Optional.of(replaced), storedReservation("r1"));
        assertEquals(List.of(), ownReservationIds(store.reservationsOnHost(id("h"))));
    }

    @Test
    void updateReplacesAnExistingReservation() {
        ReservationRecord reserved = reservation("r1", "h", "s1", "0042", 0, 60);
        store.saveReservation(reserved);
        ReservationRecord abandoned = reserved.creating(T0.plusSeconds(5)).abandoned();
        assertTrue(store.updateReservation(abandoned));
        assertEquals(Optional.of(abandoned), storedReservation("r1"));
    }

    @Test
    void updateNeverCreatesAReservation() {
        ReservationRecord removed = reservation("r1", "h", "s1", null, 0, 60);
        store.saveReservation(removed);
        store.removeReservation(removed.reservationId());
        assertFalse(store.updateReservation(removed.creating(T0.plusSeconds(1))), "updated a removed reservation");
        assertEquals(Optional.empty(), storedReservation("r1"), "the update re-created it");
    }

    @Test
    void listsReservationsOnAHostOldestFirstAndOnlyThatHost() {
        store.saveReservation(reservation("mid", "h", "s1", null, 20, 80));
        store.saveReservation(reservation("other-host", "h2", "s1", null, 5, 65));
        store.saveReservation(reservation("new", "h", "s2", null, 30, 90).creating(T0.plusSeconds(31)));
        store.saveReservation(reservation("old", "h", "s3", null, 10, 70));
        assertEquals(List.of("old", "mid", "new"), ownReservationIds(store.reservationsOnHost(id("h"))));
    }

    @Test
    void listsAllReservationsOnEveryHostOldestFirst() {
        store.saveReservation(reservation("b", "h2", "s1", null, 20, 80));
        store.saveReservation(reservation("c", "h1", "s1", null, 30, 90));
        store.saveReservation(reservation("a", "h1", "s2", null, 10, 70));
        assertEquals(List.of("a", "b", "c"), ownReservationIds(store.allReservations()));
    }

    @Test
    void groupsEveryHostsRecordsAndReservationsAsThePerHostListingsDo() {
        store.saveLobby(record("l2", "h1", "s1", null, 20, 20));
        store.saveLobby(record("l1", "h1", "s2", "0042", 10, 10));
        store.saveLobby(record("l3", "h2", "s1", null, 5, 5));
        store.saveReservation(reservation("r2", "h1", "s1", null, 30, 90));
        store.saveReservation(reservation("r1", "h1", "s2", "0007", 15, 75));
        store.saveReservation(reservation("r3", "h3", "s3", null, 1, 61));
        Map<String, HostRecords> grouped = store.recordsByHost();
        for (String host : List.of("h1", "h2", "h3")) {
            HostRecords own = grouped.get(id(host));
            assertNotNull(own, "no entry for " + host);
            assertEquals(id(host), own.hostId());
            assertEquals(store.lobbiesOnHost(id(host)), own.lobbies(), "records of " + host);
            assertEquals(store.reservationsOnHost(id(host)), own.reservations(), "reservations of " + host);
        }
        assertEquals(List.of("l1", "l2"), ownIds(grouped.get(id("h1")).lobbies()));
        assertEquals(List.of("r1", "r2"), ownReservationIds(grouped.get(id("h1")).reservations()));
        assertFalse(grouped.containsKey(id("h4")), "a host with nothing stored has no entry");
    }

    @Test
    void groupedListingFollowsCommitsRemovalsAndMovesBetweenHosts() {
        store.saveReservation(reservation("r1", "h1", "s1", null, 0, 60));
        store.saveLobby(record("l1", "h1", "s1", null, 0, 0));
        assertTrue(store.commitReservation(id("r1"), record("l2", "h1", "s1", null, 1, 1)));
        store.removeLobby(id("l1"));
        store.saveLobby(record("l3", "h1", "s1", null, 2, 2));
        store.saveLobby(record("l3", "h2", "s1", null, 2, 2)); // the same lobby id, now on h2
        Map<String, HostRecords> grouped = store.recordsByHost();
        assertEquals(List.of("l2"), ownIds(grouped.get(id("h1")).lobbies()));
        assertEquals(List.of(), ownReservationIds(grouped.get(id("h1")).reservations()));
        assertEquals(List.of("l3"), ownIds(grouped.get(id("h2")).lobbies()));
        assertEquals(List.of("l2"), ownIds(store.lobbiesOnHost(id("h1"))));
    }

    @Test
    void listsAllLobbiesOldestFirstThroughTouchesReplacementsAndRemovals() {
        store.saveLobby(record("a", "h1", "s1", null, 10, 10));
        store.saveLobby(record("b", "h1", "s1", null, 20, 20));
        store.saveLobby(record("c", "h2", "s1", null, 30, 30));
        store.touchLobbies(List.of(id("a"), id("b")), T0.plusSeconds(100));
        store.saveLobby(record("b", "h2", "s1", null, 40, 40)); // replaced: later, on another host
        store.removeLobby(id("c"));
        store.saveLobby(record("d", "h1", "s1", null, 5, 5));
        assertEquals(List.of("d", "a", "b"), ownIds(store.allLobbies()));
        assertEquals(List.of("d", "a"), ownIds(store.recordsByHost().get(id("h1")).lobbies()));
        assertEquals(List.of("b"), ownIds(store.recordsByHost().get(id("h2")).lobbies()));
        assertEquals(T0.plusSeconds(100), store.findLobby(id("a")).orElseThrow().lastActivityAt());
    }

    @Test
    void everyReadAfterAWriteSeesThatWrite() {
        String h = id("h");
        assertEquals(null, store.recordsByHost().get(h));
        store.saveReservation(reservation("r1", "h", "s1", null, 0, 60));
        assertEquals(List.of("r1"), ownReservationIds(store.recordsByHost().get(h).reservations()));
        assertEquals(List.of("r1"), ownReservationIds(store.reservationsOnHost(h)));
        store.saveReservation(reservation("r2", "h", "s1", null, 1, 60));
        assertEquals(List.of("r1", "r2"), ownReservationIds(store.recordsByHost().get(h).reservations()));
        ReservationRecord creating = storedReservation("r2").orElseThrow().creating(T0.plusSeconds(2));
        assertTrue(store.updateReservation(creating));
        assertEquals(creating, store.recordsByHost().get(h).reservations().get(1));
        assertEquals(creating, store.reservationsOnHost(h).get(1));
        assertTrue(store.removeReservation(id("r1")));
        assertEquals(List.of("r2"), ownReservationIds(store.recordsByHost().get(h).reservations()));
        store.saveLobby(record("l1", "h", "s1", null, 3, 3));
        assertEquals(List.of("l1"), ownIds(store.recordsByHost().get(h).lobbies()));
        assertEquals(List.of("l1"), ownIds(store.lobbiesOnHost(h)));
        store.touchLobby(id("l1"), T0.plusSeconds(50));
        assertEquals(T0.plusSeconds(50), store.recordsByHost().get(h).lobbies().get(0).lastActivityAt());
        assertEquals(T0.plusSeconds(50), store.lobbiesOnHost(h).get(0).lastActivityAt());
        assertTrue(store.commitReservation(id("r2"), record("l2", "h", "s1", null, 4, 4)));
        assertEquals(List.of("l1", "l2"), ownIds(store.recordsByHost().get(h).lobbies()));
        assertEquals(List.of(), ownReservationIds(store.recordsByHost().get(h).reservations()));
        store.removeLobby(id("l1"));
        store.removeLobby(id("l2"));
        assertEquals(null, store.recordsByHost().get(h), "a host with nothing left has no entry");
        assertEquals(List.of(), store.lobbiesOnHost(h));
    }

    @Test
    void aReaderSeesEverySavedReservationOrItsLobbyWhileCommitsRun() throws Exception {
        int n = Math.max(20, operations() / 4);
        AtomicInteger saved = new AtomicInteger(); // reservations 0..saved-1 are saved, maybe committed
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    store.saveReservation(reservation("r" + i, "h", "s", null, i, 600));
                    saved.set(i + 1);
                    assertTrue(store.commitReservation(id("r" + i), record("l" + i, "h", "s", null, i, i)));
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        }, "contract-committer");
        writer.start();
        int reads = 0;
        while (writer.isAlive() || reads == 0) {
            int upTo = saved.get();
            HostRecords grouped = store.recordsByHost().get(id("h"));
            List<ReservationRecord> reservations = store.reservationsOnHost(id("h")); // reservations first
            List<LobbyRecord> lobbies = store.lobbiesOnHost(id("h"));
            for (int i = 0; i < upTo; i++) {
                String r = id("r" + i);
                String l = id("l" + i);
                assertTrue(grouped != null && (grouped.reservations().stream().anyMatch(x -> x.reservationId().equals(r))
                        || grouped.lobbies().stream().anyMatch(x -> x.lobbyId().equals(l))),
                        "recordsByHost() missed r" + i + " and its lobby (" + upTo + " saved)");
                assertTrue(reservations.stream().anyMatch(x -> x.reservationId().equals(r))
                        || lobbies.stream().anyMatch(x -> x.lobbyId().equals(l)),
                        "reservations then lobbies missed r" + i + " and its lobby (" + upTo + " saved)");
            }
            reads++;
        }
        writer.join();
        assertEquals(null, writerFailure.get());
        assertEquals(n, store.lobbiesOnHost(id("h")).size());
    }

    @Test
    void removeReservationIsIdempotent() {
        store.saveReservation(reservation("r1", "h", "s1", "1234", 0, 60));
        assertTrue(store.removeReservation(id("r1")));
        assertFalse(store.removeReservation(id("r1")));
        assertFalse(store.removeReservation(id("never-saved")));
        assertEquals(List.of(), ownReservationIds(store.reservationsOnHost(id("h"))));
    }

    @Test
    void roundTripsAReservationPinExactly() {
        List<String> pins = List.of("0000", "0042", "7", "0123456789012345");
        for (int i = 0; i < pins.size(); i++) {
            store.saveReservation(reservation("r" + i, "h", "s1", pins.get(i), i, 60));
        }
        for (int i = 0; i < pins.size(); i++) {
            LobbyPin pin = storedReservation("r" + i).orElseThrow().pin();
            assertNotNull(pin, "PIN lost");
            assertArrayEquals(LobbyPin.of(pins.get(i)).digits(), pin.digits(), "PIN #" + i + " changed");
        }
    }

    @Test
    void keepsAnOpenLobbysReservationWithoutAPin() {
        store.saveReservation(reservation("open", "h", "s1", null, 0, 60));
        assertEquals(Optional.empty(), storedReservation("open").orElseThrow().optionalPin());
    }

    @Test
    void keepsReservationsWhenTheirSessionIsHardDeleted() {
        sessions.createSession(id("s1"));
        store.saveReservation(reservation("r1", "h", "s1", "1234", 0, 60));
        sessions.hardDeleteSession(id("s1"));
        assertEquals(List.of("r1"), ownReservationIds(store.reservationsOnHost(id("h"))));
    }

    // --- commit -------------------------------------------------------------------------

    @Test
    void commitTurnsTheReservationIntoALobbyRecord() {
        store.saveReservation(reservation("r1", "h", "s1", "0042", 0, 60).creating(T0.plusSeconds(1)));
        LobbyRecord lobby = record("l1", "h", "s1", "0042", 2, 2);
        assertTrue(store.commitReservation(id("r1"), lobby));
        assertEquals(lobby, stored("l1"));
        assertEquals(Optional.empty(), storedReservation("r1"), "the reservation outlived its commit");
    }

    @Test
    void commitOfAReservationThatIsGoneChangesNothing() {
        store.saveReservation(reservation("r1", "h", "s1", "1234", 0, 60));
        store.removeReservation(id("r1"));
        assertFalse(store.commitReservation(id("r1"), record("l1", "h", "s1", "1234", 2, 2)));
        assertFalse(store.commitReservation(id("never-reserved"), record("l2", "h", "s1", "1234", 2, 2)));
        assertEquals(Optional.empty(), store.findLobby(id("l1")), "a record was saved without its reservation");
        assertEquals(Optional.empty(), store.findLobby(id("l2")), "a record was saved without its reservation");
    }

    @Test
    void parallelCommitsOfOneReservationSucceedOnce() throws Exception {
        int reservations = Math.max(1, operations() / 8);
        for (int r = 0; r < reservations; r++) {
            store.saveReservation(reservation("r" + r, "h", "s", "1234", r, 600));
        }
        AtomicInteger[] wins = new AtomicInteger[reservations];
        for (int r = 0; r < reservations; r++) {
            wins[r] = new AtomicInteger();
        }
        // four committers per reservation, each under a lobby id of its own; one may win
        Parallel.run(threads(), reservations * 4, i -> {
            int r = i / 4;
            if (store.commitReservation(id("r" + r), record("l" + r + "-" + (i % 4), "h", "s", "1234", r, r))) {
                wins[r].incrementAndGet();
            }
        });
        List<String> lobbies = ownIds(store.lobbiesOnHost(id("h")));
        for (int r = 0; r < reservations; r++) {
            assertEquals(1, wins[r].get(), "commits of r" + r + " that answered true");
            int rr = r;
            assertEquals(1, lobbies.stream().filter(l -> l.startsWith("l" + rr + "-")).count(), "records of r" + r);
        }
        assertEquals(List.of(), ownReservationIds(store.reservationsOnHost(id("h"))));
    }

    // --- batch session lookup -----------------------------------------------------------

    @Test
    void findsEachOfSeveralSessionsAsPresentSoftDeletedOrGone() {
        sessions.createSession(id("live"));
        sessions.createSession(id("soft"));
        sessions.softDeleteSession(id("soft"), T0.plusSeconds(30));
        sessions.createSession(id("hard"));
        sessions.hardDeleteSession(id("hard"));
        Map<String, SessionState> expected = new LinkedHashMap<>();
        expected.put(id("live"), SessionState.present(id("live")));
        expected.put(id("soft"), SessionState.softDeleted(id("soft"), T0.plusSeconds(30)));
        expected.put(id("hard"), SessionState.gone(id("hard")));
        expected.put(id("never"), SessionState.gone(id("never")));
        assertEquals(expected, store.findSessions(new ArrayList<>(expected.keySet())));
    }

    @Test
    void answersOnceForEachDistinctSession() {
        sessions.createSession(id("s1"));
        Map<String, SessionState> found = store.findSessions(List.of(id("s1"), id("s2"), id("s1"), id("s2")));
        assertEquals(Map.of(id("s1"), SessionState.present(id("s1")), id("s2"), SessionState.gone(id("s2"))), found);
    }

    @Test
    void findsNoSessionsWhenAskedAboutNone() {
        assertEquals(Map.of(), store.findSessions(List.of()));
    }
}
