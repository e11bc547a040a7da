package dev.lobbygovernor.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The admission ledger of a single process: one monitor per host in this JVM, over any
 * {@link SessionStore}. It holds a cap across every governor of this process that shares the
 * instance; two processes sharing a database can both take the last slot, so replicas use a
 * database ledger instead ({@code JdbcAdmissionLedger}).
 *
 * <p>The store is read and written under the host's monitor, so admissions to one host wait for
 * each other's store I/O (a handful of lobbies per host makes that rare); admissions to other
 * hosts do not. This is the governor's default ledger.
 */
public final class InProcessAdmissionLedger implements AdmissionLedger {

    private final SessionStore store;
    private final ConcurrentMap<String, Object> hostLocks = new ConcurrentHashMap<>();

    /**
     * A ledger over {@code store}.
     *
     * @param store where records are read and reservations saved; not null
     */
    public InProcessAdmissionLedger(SessionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<ReservationRecord> reserve(String hostId,
            Function<HostRecords, Optional<ReservationRecord>> decision) {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(decision, "decision");
        synchronized (hostLocks.computeIfAbsent(hostId, h -> new Object())) {
            // Reservations first: a commit (outside this lock) turns a reservation into a record in
            // one step, so whatever falls between the two reads is counted twice (a refusal, the
            // safe side). Records first could miss it in both: records read before the commit,
            // reservations after it.
            List<ReservationRecord> reservations = store.reservationsOnHost(hostId);
            List<LobbyRecord> lobbies = store.lobbiesOnHost(hostId);
            HostRecords now = new HostRecords(hostId, lobbies, reservations);
            Optional<ReservationRecord> granted = Objects.requireNonNull(decision.apply(now), "decision returned null");
            granted.ifPresent(r -> {
                if (!r.hostId().equals(hostId)) {
                    throw new IllegalArgumentException("reservation is for host " + r.hostId() + ", not " + hostId);
                }
                store.saveReservation(r);
            });
            return granted;
        }
    }

    @Override
    public String toString() {
        return "InProcessAdmissionLedger[" + store + "]";
    }
}
