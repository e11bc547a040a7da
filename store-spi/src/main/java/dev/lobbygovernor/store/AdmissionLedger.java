package dev.lobbygovernor.store;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where admission decides, atomically, whether a host has room and records the slot it grants.
 *
 * <p>A host's count is made of durable state (its lobby records and reservations, written by
 * every governor that shares the store) and of the runtime's listing. {@link #reserve} reads
 * the durable part, lets the governor decide, and saves the reservation it returns, with no
 * other {@code reserve} for the same host in between. Which governors are serialized that way
 * is the implementation's promise:
 * <ul>
 *   <li>{@link InProcessAdmissionLedger}: the governors of one process (a lock per host in this
 *       JVM), over any {@link SessionStore}. Two processes sharing a database can both take the
 *       last slot.
 *   <li>{@code JdbcAdmissionLedger} ({@code lobby-governor-store-jdbc}): every process that
 *       shares the database (one transaction under a per-host database lock).
 * </ul>
 *
 * <p>The decision is a pure function of what it is given; it may run more than once if the
 * implementation retries a transaction, and it must not block.
 */
public interface AdmissionLedger {

    /**
     * Decides one admission on {@code hostId} and saves the reservation granted, atomically
     * with every other {@code reserve} for that host that this ledger serializes.
     *
     * @param hostId the host asked for
     * @param decision given the host's records and reservations now, the reservation to save,
     *     or empty to refuse (then nothing is written)
     * @return what the decision returned, saved when present
     * @throws StoreException if the store cannot be read or written; nothing is then reserved
     */
    Optional<ReservationRecord> reserve(String hostId, Function<HostRecords, Optional<ReservationRecord>> decision);
}
