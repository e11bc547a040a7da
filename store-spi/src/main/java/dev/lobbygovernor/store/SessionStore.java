package dev.lobbygovernor.store;

import java.time.Instant;
import java.util.List;
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
 *   <li><b>Secrets.</b> The PIN must be stored so that it reads back exactly (leading zeros
 *       included; {@code null} for an open lobby); never log it.
 * </ul>
 *
 * <p>{@link InMemorySessionStore} is the embedded implementation. The contract test kit in this
 * module's test-jar ({@code dev.lobbygovernor.store.tck.SessionStoreContract}) checks a host's
 * implementation against the rules above.
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
}
