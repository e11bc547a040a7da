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
 *       {@link #findSession}, which must report soft-deleted sessions as such: a session the
 *       host marked deleted is {@link SessionState.Status#SOFT_DELETED}, not gone.
 *   <li><b>Lobby records are the governor's.</b> They are saved when a permit is committed,
 *       touched on activity, and removed only after cleanup has verified the lobby gone. They
 *       must survive the deletion (soft or hard) of the session they name: keep them in their
 *       own table, without a cascading foreign key.
 *   <li><b>Atomicity.</b> Each method is atomic on its own: {@link #saveLobby} is an upsert
 *       by lobby id, {@link #touchLobby} and {@link #removeLobby} affect one record or none.
 *       No method needs a transaction spanning calls.
 *   <li><b>Concurrency.</b> Every method may be called from several threads at once (admission
 *       threads commit while the cleanup cycle lists and removes).
 *   <li><b>Failure.</b> A method that cannot reach its database throws
 *       {@link StoreException} and changes nothing.
 *   <li><b>Secrets.</b> The PIN must be stored so it can be read back exactly; never log it.
 * </ul>
 *
 * <p>{@code InMemorySessionStore} is the embedded implementation; the contract test kit in this
 * module's test-jar checks an implementation against the rules above.
 */
public interface SessionStore {

    /**
     * Where the session stands, soft-deleted sessions included.
     *
     * @return {@link SessionState#gone} for an unknown id, never {@code null}
     */
    SessionState findSession(String sessionId);

    /** Saves a lobby record, replacing any record with the same lobby id. */
    void saveLobby(LobbyRecord record);

    /**
     * Moves a lobby's last activity to {@code at}, if the record exists and {@code at} is later.
     *
     * @return whether a record was found
     */
    boolean touchLobby(String lobbyId, Instant at);

    /** The record of one lobby. */
    Optional<LobbyRecord> findLobby(String lobbyId);

    /** Every lobby record on one host, oldest first (by creation). */
    List<LobbyRecord> lobbiesOnHost(String hostId);

    /** Every lobby record whose last activity is before {@code cutoff}, least recently active first. */
    List<LobbyRecord> lobbiesIdleSince(Instant cutoff);

    /** Every lobby record, oldest first. */
    List<LobbyRecord> allLobbies();

    /**
     * Removes a lobby record.
     *
     * @return whether a record was removed
     */
    boolean removeLobby(String lobbyId);
}
