package dev.lobbygovernor.store.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lobbygovernor.store.AdmissionLedger;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link AdmissionLedger} contract as tests: the decision sees a host's records and
 * reservations, what it grants is saved, and replicas racing for the last slots of a host
 * never take more than the cap. Extend it with the host's store and ledger:
 *
 * <pre>{@code
 * class JdbcAdmissionLedgerContractTest extends AdmissionLedgerContract {
 *     protected List<Replica> replicasOverOneDatabase(int n) {
 *         // n replicas, each with its own DataSource, store and ledger, all on one database
 *     }
 *     protected StoreOutage storeOutage(Replica replica) { ... }
 * }
 * }</pre>
 *
 * <p>Like {@link SessionStoreContract}, every test uses ids of its own, so the database may be
 * shared between tests.
 */
public abstract class AdmissionLedgerContract {

    /** A whole-millisecond instant, so that a database keeping microseconds passes. */
    protected static final Instant T0 = SessionStoreFixture.T0;

    /**
     * One replica of the host application: its own store and ledger instances.
     *
     * @param store the replica's store
     * @param ledger the replica's ledger, over that store's database
     */
    public record Replica(SessionStore store, AdmissionLedger ledger) {
    }

    /** This test's id prefix. */
    protected String prefix;

    /**
     * {@code n} replicas over one database, each with instances of its own (for a database
     * store: its own data source, store and ledger), as {@code n} processes of the host would
     * have them. A ledger that is only atomic within one process (the in-memory one) returns
     * the same ledger for every replica.
     */
    protected abstract List<Replica> replicasOverOneDatabase(int n);

    /** The hook that cuts {@code replica} off its database, or {@link StoreOutage#unsupported}. */
    protected abstract StoreOutage storeOutage(Replica replica);

    /** How many replicas race. */
    protected int replicas() {
        return 4;
    }

    /** How many callers race in each round, spread over the replicas. */
    protected int racers() {
        return 8;
    }

    /** How many rounds the race runs, each on a fresh host. */
    protected int raceRounds() {
        return 50;
    }

    /** Gives this test its id prefix. */
    @BeforeEach
    void setUpPrefix() {
        prefix = "tck-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** An id unique to this test. */
    protected String id(String name) {
        return prefix + name;
    }

    private ReservationRecord reservation(String reservation, String host, long createdSec, long expiresSec) {
        return ReservationRecord.reserved(id(reservation), id(host), id("s-" + reservation), LobbyPin.of("0420"),
                id("lobby-of-" + reservation), T0.plusSeconds(createdSec), T0.plusSeconds(expiresSec));
    }

    private LobbyRecord lobby(String lobby, String host, long createdSec) {
        return new LobbyRecord(id(lobby), id(host), id("s-" + lobby), LobbyPin.of("0420"),
                T0.plusSeconds(createdSec), T0.plusSeconds(createdSec));
    }

    /**
     * The cap decision admission makes: a host's count is its lobby records plus the
     * reservations that count at {@code now}; grant {@code wanted} only below {@code cap}.
     */
    protected static Function<HostRecords, Optional<ReservationRecord>> capDecision(int cap, Instant now,
            ReservationRecord wanted) {
        return records -> {
            long count = records.lobbies().size()
                    + records.reservations().stream().filter(r -> r.countsAt(now)).count();
            return count < cap ? Optional.of(wanted) : Optional.empty();
        };
    }

    @Test
    void savesWhatTheDecisionGrants() {
        Replica replica = replicasOverOneDatabase(1).get(0);
        ReservationRecord wanted = reservation("r1", "h", 0, 60);
        assertEquals(Optional.of(wanted), replica.ledger().reserve(id("h"), records -> Optional.of(wanted)));
        assertEquals(List.of(wanted), own(replica.store().reservationsOnHost(id("h"))));
    }

    @Test
    void aRefusalWritesNothing() {
        Replica replica = replicasOverOneDatabase(1).get(0);
        assertEquals(Optional.empty(), replica.ledger().reserve(id("h"), records -> Optional.empty()));
        assertEquals(List.of(), own(replica.store().reservationsOnHost(id("h"))));
    }

    @Test
    void theDecisionSeesTheHostsRecordsAndReservationsAndNoOtherHosts() {
        Replica replica = replicasOverOneDatabase(1).get(0);
        SessionStore store = replica.store();
        store.saveLobby(lobby("l1", "h", 0));
        store.saveLobby(lobby("l2", "h", 5));
        store.saveLobby(lobby("elsewhere", "h2", 1));
        ReservationRecord reserved = reservation("r1", "h", 2, 60);
        ReservationRecord creating = reservation("r2", "h", 3, 4).creating(T0.plusSeconds(3));
        store.saveReservation(reserved);
        store.saveReservation(creating);
        store.saveReservation(reservation("r3", "h2", 2, 60));
        List<HostRecords> seen = new ArrayList<>();
        replica.ledger().reserve(id("h"), records -> {
            seen.add(records);
            return Optional.empty();
        });
        assertEquals(1, seen.size(), "the decision ran once");
        assertEquals(id("h"), seen.get(0).hostId());
        assertEquals(List.of(lobby("l1", "h", 0), lobby("l2", "h", 5)), seen.get(0).lobbies());
        assertEquals(List.of(reserved, creating), seen.get(0).reservations());
    }

    @Test
    void theDecisionSeesACommittedReservationAsALobbyRecord() {
        Replica replica = replicasOverOneDatabase(1).get(0);
        ReservationRecord wanted = reservation("r1", "h", 0, 60);
        replica.ledger().reserve(id("h"), records -> Optional.of(wanted));
        assertTrue(replica.store().commitReservation(wanted.reservationId(), lobby("l1", "h", 1)));
        replica.ledger().reserve(id("h"), records -> {
            assertEquals(List.of(lobby("l1", "h", 1)), records.lobbies());
            assertEquals(List.of(), records.reservations());
            return Optional.empty();
        });
    }

    @Test
    void refusesToSaveAReservationForAnotherHost() {
        Replica replica = replicasOverOneDatabase(1).get(0);
        ReservationRecord elsewhere = reservation("r1", "h2", 0, 60);
        assertThrows(IllegalArgumentException.class,
                () -> replica.ledger().reserve(id("h"), records -> Optional.of(elsewhere)));
        assertEquals(List.of(), own(replica.store().reservationsOnHost(id("h2"))));
    }

    @Test
    void replicasRacingForTheLastSlotsNeverExceedTheCap() throws Exception {
        List<Replica> replicas = replicasOverOneDatabase(replicas());
        int cap = 3;
        Instant now = T0.plusSeconds(30);
        List<String> over = new ArrayList<>();
        for (int round = 0; round < raceRounds(); round++) {
            String host = "h" + round;
            SessionStore seeding = replicas.get(round % replicas.size()).store();
            // one slot taken by a lobby, none by an expired reservation: cap - 1 are free
            seeding.saveLobby(lobby("l-" + round, host, 0));
            seeding.saveReservation(reservation("expired-" + round, host, 0, 10));
            AtomicInteger granted = new AtomicInteger();
            int r = round;
            Parallel.run(racers(), racers(), i -> {
                Replica replica = replicas.get(i % replicas.size());
                ReservationRecord wanted = reservation("r" + r + "-" + i, host, 20, 60);
                if (replica.ledger().reserve(id(host), capDecision(cap, now, wanted)).isPresent()) {
                    granted.incrementAndGet();
                    // half the winners commit at once, so counts span both tables mid-race
                    if (i % 2 == 0) {
                        replica.store().commitReservation(wanted.reservationId(), lobby("l" + r + "-" + i, host, 21));
                    }
                }
            });
            SessionStore store = replicas.get(0).store();
            long held = store.lobbiesOnHost(id(host)).size()
                    + store.reservationsOnHost(id(host)).stream().filter(x -> x.countsAt(now)).count();
            if (granted.get() != cap - 1 || held != cap) {
                over.add("round " + round + ": granted " + granted.get() + " of " + (cap - 1) + " free, "
                        + held + " held on a cap of " + cap);
            }
        }
        if (!over.isEmpty()) {
            fail(over.size() + " of " + raceRounds() + " rounds went wrong: " + over.stream().limit(5)
                    .collect(Collectors.joining("; ")));
        }
    }

    @Test
    void reserveThrowsStoreExceptionWhileTheDatabaseIsDown() {
        Replica replica = replicasOverOneDatabase(1).get(0);
        StoreOutage outage = storeOutage(replica);
        outage.begin();
        try {
            assertThrows(StoreException.class,
                    () -> replica.ledger().reserve(id("h"), records -> Optional.of(reservation("r1", "h", 0, 60))));
        } finally {
            outage.end();
        }
        assertEquals(List.of(), own(replica.store().reservationsOnHost(id("h"))), "reserved during the outage");
        assertTrue(replica.ledger().reserve(id("h"), capDecision(1, T0, reservation("r2", "h", 0, 60))).isPresent(),
                "the ledger works again once the database is back");
    }

    private List<ReservationRecord> own(List<ReservationRecord> reservations) {
        return reservations.stream().filter(r -> r.reservationId().startsWith(prefix)).collect(Collectors.toList());
    }
}
