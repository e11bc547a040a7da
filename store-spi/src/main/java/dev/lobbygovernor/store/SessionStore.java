package dev.lobbygovernor.store;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host application's memory of sessions and lobbies, implemented over its own database.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Sessions are the host's.</b> The governor only reads them, through
 *       {@link #findSession}, which answers one of three things: the session is
 *       {@linkplain SessionState.Status#PRESENT present}; it is
 *       {@linkplain SessionState.Status#SOFT_DELETED soft-deleted}, with the time it was marked
 *       deleted; or it is {@linkplain SessionState.Status#GONE gone} (hard-deleted or never
 *       known). A session the host marked deleted must be reported as soft-deleted, not gone,
 *       and never as {@code null}.
 *   <li><b>Lobby records are the governor's.</b> A record holds the lobby id, host id, session
 *       id, PIN, creation time and last activity. It is saved when a permit is committed, touched
 *       on activity, listed by host (oldest first) and by idle time (least recently active
 *       first), and removed only after cleanup has verified the lobby gone. Records must survive
 *       the deletion, soft or hard, of the session they name: keep them in their own table,
 *       without a cascading foreign key. That is what lets cleanup stop the lobby of a session
 *       that no longer exists (the incident's cleanup defect).
 *   <li><b>Atomicity.</b> Each method is atomic on its own; none needs a transaction spanning
 *       calls. {@link #saveLobby} is an upsert by lobby id. {@link #touchLobby} is a
 *       compare-and-set: it moves the last activity forward only, and never re-creates a record
 *       that {@link #removeLobby} removed concurrently (in SQL: one {@code UPDATE ... WHERE
 *       lobby_id = ? AND last_activity < ?}). {@link #removeLobby} removes one record or none
 *       and is idempotent.
 *   <li><b>Concurrency.</b> Every method may be called from several threads at once: admission
 *       threads commit and touch while the cleanup cycle lists and removes. Concurrent calls
 *       must not lose each other's effects. A listing need not be a snapshot of one instant,
 *       but each record in it must be whole, as some single save or touch left it.
 *   <li><b>Precision.</b> Instants are kept to at least the millisecond; the contract test kit
 *       uses whole milliseconds only, so a database that truncates to microseconds passes.
 *   <li><b>Failure.</b> A method that cannot reach its database throws {@link StoreException}
 *       and changes nothing. It never returns an empty answer in place of an error: an empty
 *       listing means "no records", and cleanup acts on it.
 *   <li><b>Reservations are the governor's too.</b> A {@link ReservationRecord} is written
 *       before a lobby is created, with the PIN and the unique name the lobby will carry, and
 *       lives until it is committed ({@link #commitReservation}: the reservation becomes a lobby
 *       record in one atomic step), released, or reconciled by cleanup. Keep reservations in a
 *       table of their own, like lobby records, with no foreign key to the sessions.
 *   <li><b>Secrets.</b> The PIN must be stored so that it reads back exactly (leading zeros
 *       included; {@code null} for an open lobby); never log it.
 * </ul>
 *
 * <p>{@link InMemorySessionStore} is the embedded implementation. The contract test kit in this
 * module's test-jar ({@code dev.lobbygovernor.store.tck.SessionStoreContract}) checks a host's
 * implementation against the rules above.
 *
 * <p>Atomicity across the store and the runtime's listing, the check-and-reserve that keeps a
 * cap exact, is the {@link AdmissionLedger}'s job, not the store's.
 */
public interface SessionStore {

    /**
     * Where the session stands, soft-deleted sessions included.
     *
     * @param sessionId the host application's session id
     * @return {@link SessionState#gone} for an unknown or hard-deleted id, never {@code null}
     * @throws StoreException if the database cannot be asked
     */
    SessionState findSession(String sessionId);

    /**
     * Saves a lobby record, replacing any record with the same lobby id (an upsert).
     *
     * @param record the record to save
     * @throws StoreException if the record could not be saved (then nothing changed)
     */
    void saveLobby(LobbyRecord record);

    /**
     * Moves a lobby's last activity to {@code at}, if the record exists and {@code at} is later
     * than its last activity; an earlier or equal {@code at} changes nothing. Never creates a
     * record.
     *
     * <p>Idle cleanup and the last resort judge a lobby by this time. The reaper calls it each
     * cycle for lobbies the runtime lists with connected clients; hosts report other activity
     * through {@code LobbyGovernor.touch(lobbyId)} (or by calling this directly).
     *
     * @param lobbyId the lobby whose record to touch
     * @param at the activity's time
     * @return whether a record with that lobby id exists, whether or not it moved
     * @throws StoreException if the database cannot be asked
     */
    boolean touchLobby(String lobbyId, Instant at);

    /**
     * {@link #touchLobby} for several lobbies at once: the reaper moves the last activity of
     * every lobby with connected clients on a host in one call each cycle. The default touches
     * each; a database answers with one statement.
     *
     * @param lobbyIds the lobbies whose records to touch; unknown ids are ignored
     * @param at the activity's time; records already at or after it are left as they are
     * @throws StoreException if the database cannot be asked (then some records may have moved,
     *     each as a whole)
     */
    default void touchLobbies(Collection<String> lobbyIds, Instant at) {
        Objects.requireNonNull(at, "at");
        for (String id : lobbyIds) {
            touchLobby(Objects.requireNonNull(id, "lobby id"), at);
        }
    }

    /**
     * The record of one lobby, exactly as saved and touched.
     *
     * @param lobbyId the lobby asked about
     * @return its record, or empty if there is none
     * @throws StoreException if the database cannot be asked
     */
    Optional<LobbyRecord> findLobby(String lobbyId);

    /**
     * Every lobby record on one host, oldest first (by creation time).
     *
     * @param hostId the host asked about
     * @return the host's records, possibly empty
     * @throws StoreException if the database cannot be asked
     */
    List<LobbyRecord> lobbiesOnHost(String hostId);

    /**
     * Every lobby record whose last activity is strictly before {@code cutoff}, least recently
     * active first.
     *
     * @param cutoff the exclusive upper bound on last activity
     * @return the idle records, possibly empty
     * @throws StoreException if the database cannot be asked
     */
    List<LobbyRecord> lobbiesIdleSince(Instant cutoff);

    /**
     * Every lobby record, on every host, oldest first (by creation time).
     *
     * @return every record, possibly empty
     * @throws StoreException if the database cannot be asked
     */
    List<LobbyRecord> allLobbies();

    /**
     * Removes a lobby record. Removing a record that is not there is not an error.
     *
     * @param lobbyId the lobby whose record to remove
     * @return whether a record was removed
     * @throws StoreException if the database cannot be asked (then the record, if any, stays)
     */
    boolean removeLobby(String lobbyId);
    /**
     * Where each of several sessions stands, in one call: the reaper asks about every session
     * its records name at once. The default asks {@link #findSession} for each; a database
     * answers it with one query.
     *
     * @param sessionIds the sessions asked about; duplicates are asked once
     * @return one entry per distinct id, never a {@code null} value
     * @throws StoreException if the database cannot be asked (then nothing is answered: never
     *     a partial map, never "gone" for a session that could not be looked up)
     */
    default Map<String, SessionState> findSessions(Collection<String> sessionIds) {
        Map<String, SessionState> out = new LinkedHashMap<>();
        for (String id : sessionIds) {
            out.computeIfAbsent(Objects.requireNonNull(id, "session id"), this::findSession);
        }
        return out;
    }

    /**
     * Saves a reservation, replacing any with the same id (an upsert). The in-process
     * {@link AdmissionLedger} calls it under its host lock; a database ledger inserts in its
     * own transaction instead.
     *
     * @param reservation the reservation to save
     * @throws StoreException if it could not be saved (then nothing changed)
     */
    void saveReservation(ReservationRecord reservation);

    /**
     * Replaces an existing reservation with {@code reservation} (same id), to record a new
     * phase. Never creates one: a reservation removed meanwhile (released, committed or
     * reconciled) stays removed.
     *
     * @param reservation the reservation's new state
     * @return whether a reservation with that id existed and was replaced
     * @throws StoreException if the database cannot be asked (then nothing changed)
     */
    boolean updateReservation(ReservationRecord reservation);

    /**
     * Every reservation on one host, in every phase, oldest first (by creation time).
     *
     * @param hostId the host asked about
     * @return the host's reservations, possibly empty
     * @throws StoreException if the database cannot be asked
     */
    List<ReservationRecord> reservationsOnHost(String hostId);

    /**
     * Every reservation on every host, oldest first (by creation time).
     *
     * @return every reservation, possibly empty
     * @throws StoreException if the database cannot be asked
     */
    List<ReservationRecord> allReservations();

    /**
     * What the store holds for every host, in one read: each host's lobby records and
     * reservations, as {@link #lobbiesOnHost} and {@link #reservationsOnHost} would answer for
     * it. The governor's status and refusals on a fleet ask this once instead of twice per host.
     *
     * <p>Reservations are read before lobby records, as a ledger reads them: a commit saves the
     * record before it removes the reservation, so a lobby committed between the two reads is
     * seen at least once, never missed. The default does exactly that with
     * {@link #allReservations()} then {@link #allLobbies()}; a store may answer from an index.
     *
     * @return one entry per host with at least one record or reservation, with its lobbies and
     *     reservations each oldest first; unmodifiable
     * @throws StoreException if the database cannot be asked
     */
    default Map<String, HostRecords> recordsByHost() {
        return HostRecords.grouped(allReservations(), allLobbies());
    }

    /**
     * Removes a reservation. Removing one that is not there is not an error.
     *
     * @param reservationId the reservation to remove
     * @return whether one was removed
     * @throws StoreException if the database cannot be asked (then it stays)
     */
    boolean removeReservation(String reservationId);

    /**
     * Turns a reservation into a lobby record in one atomic step: if the reservation exists it
     * is removed and {@code record} saved (an upsert by lobby id); if it does not (it expired
     * and was removed, or was reconciled), nothing changes. A store that cannot make the two one
     * step for its readers must save the record before removing the reservation: a reader that
     * lists reservations and then records then sees the lobby at least once.
     *
     * @param reservationId the reservation the lobby was created under
     * @param record the lobby's record
     * @return whether the reservation existed and the record was saved
     * @throws StoreException if the database cannot be asked (then nothing changed)
     */
    boolean commitReservation(String reservationId, LobbyRecord record);
}
