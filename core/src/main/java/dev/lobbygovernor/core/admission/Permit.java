package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.health.HealthStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One granted lobby slot, already recorded as a reservation in the store: the lobby's name and
 * PIN are durable before the lobby exists.
 *
 * <p>Use it with try-with-resources, and create the lobby through {@link #create}:
 * <pre>{@code
 * try (Permit permit = governor.acquire(AdmissionRequest.forSession(sessionId))) {
 *     String lobbyId = permit.create(c -> wolf.createLobby(lobby, c));
 * }
 * }</pre>
 * {@code create} declares the attempt in the store, runs the creation and commits the lobby.
 * How {@link #close()} ends the permit depends on whether a create was attempted:
 * <ul>
 *   <li><b>No create attempted</b> ({@link State#OPEN}): the reservation is removed and the slot
 *       is free at once.
 *   <li><b>A create attempted, not committed</b> (it threw, timed out, or the commit could not
 *       be stored): the lobby may exist. The permit becomes {@link State#UNRESOLVED} and the
 *       slot stays counted, for every governor sharing the store, until cleanup reconciles it:
 *       the lobby is found by its name and stopped with the stored PIN (verified), or it is
 *       verifiably absent after the runtime's longest create time.
 *   <li><b>Committed</b>: nothing; the lobby counts as a lobby now.
 * </ul>
 * A permit left open past {@link #expiresAt()} without a create attempt expires and its slot
 * returns; one with a create attempt never frees its slot by expiry alone.
 *
 * <p>Thread-safe; {@code commit} and {@code close} are idempotent. {@link Object#toString()}
 * shows only ids and numbers, never the PIN. Only {@link LobbyGovernor#acquire} grants permits;
 * hosts do not implement this interface.
 */
public interface Permit extends AutoCloseable {

    /** Where a permit stands. */
    enum State {
        /** Granted; holding a slot; no create attempted yet. */
        OPEN,
        /** A create was declared ({@link #beginCreate()}); not committed yet. */
        CREATING,
        /** Committed: the lobby is recorded and counts against the host. */
        COMMITTED,
        /** Closed before any create attempt; its slot returned. */
        CLOSED,
        /**
         * Closed after a create attempt without a commit: the lobby may exist, so the slot
         * stays counted until cleanup reconciles the reservation.
         */
        UNRESOLVED,
        /**
         * The reservation is gone from the store: it expired before any create attempt, or
         * cleanup reconciled it (the lobby, if any, was stopped).
         */
        EXPIRED
    }

    /**
     * The reservation's id in the store, for logs and support.
     *
     * @return the reservation id
     */
    String reservationId();

    /**
     * The host the slot is on.
     *
     * @return the host's id
     */
    String hostId();

    /**
     * The session the lobby is for.
     *
     * @return the session id given to {@link LobbyGovernor#acquire}
     */
    String sessionId();

    /**
     * Lobbies running or reserved on the host once this slot was granted, this one included.
     *
     * @return the count after the grant
     */
    int activeAfter();

    /**
     * The host's effective cap when this slot was granted.
     *
     * @return the cap
     */
    int cap();

    /**
     * Whether the host reached its warning threshold with this slot (e.g. 4/5): nearly full.
     *
     * @return true if the host is nearly full
     */
    boolean warning();

    /**
     * The host's health status when this slot was granted.
     *
     * @return the status
     */
    HealthStatus healthStatus();

    /**
     * The render node of the GPU the slot is on, where the host places lobbies per GPU
     * ({@link Host#gpus()}): create the lobby there (the credentials from
     * {@link #beginCreate()} carry it too).
     *
     * @return the render node, or empty where the host's GPUs are not told apart
     */
    default Optional<String> renderNode() {
        return Optional.empty();
    }

    /**
     * When the permit expires unless committed or closed.
     *
     * @return the deadline
     */
    Instant expiresAt();

    /**
     * The lobby it was committed as, if committed.
     *
     * @return the lobby id, or empty before a commit
     */
    Optional<String> lobbyId();

    /**
     * Where the permit stands now (an unfinished permit past its deadline reads as expired).
     *
     * @return the state
     */
    State state();

    /**
     * Declares that the lobby is about to be created, in the store, and hands over the
     * credentials to create it with. From here on the slot is freed only by a commit's
     * successor (cleanup) or by reconciliation, never by {@link #close()} alone. Calling it
     * again returns the same credentials.
     *
     * @return the name and PIN the lobby must be created with
     * @throws PermitExpiredException if the permit expired first (its slot is gone): do not
     *     create the lobby
     * @throws IllegalStateException if the permit was closed or committed
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be written: do not
     *     create the lobby; the permit stays open
     */
    LobbyCredentials beginCreate();

    /**
     * Turns the reservation into the lobby's record, in one atomic step in the store. Requires
     * {@link #beginCreate()} first. Calling it again with the same lobby id does nothing.
     *
     * @param lobbyId the streaming server's id of the lobby
     * @throws PermitExpiredException if the reservation is gone (cleanup reconciled it); the
     *     lobby was then stopped or never appeared
     * @throws IllegalStateException if no create was declared, the permit was closed, or it
     *     was committed as another lobby
     * @throws IllegalArgumentException if {@code lobbyId} is blank
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be written; the permit
     *     stays {@link State#CREATING}, so retry or close
     */
    void commit(String lobbyId);

    /**
     * Declares the create, runs {@code creator} with the credentials and commits the lobby it
     * returns: {@link #beginCreate()}, then the creation, then {@link #commit}.
     *
     * @param creator creates the lobby with the given name and PIN and returns its id
     * @param <E> the checked exception {@code creator} may throw
     * @return the new lobby's id
     * @throws E if {@code creator} threw; the permit stays {@link State#CREATING} (close it)
     * @throws PermitExpiredException if the permit expired before the create, or was reconciled
     *     before the commit
     * @throws IllegalStateException if the permit was closed or committed already
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be written
     */
    <E extends Exception> String create(LobbyCreator<E> creator) throws E;

    /**
     * Ends the permit unless committed: frees the slot if no create was attempted, else leaves
     * it counted as {@link State#UNRESOLVED} until reconciled. Does nothing if already ended.
     * Never throws: a store that cannot be written is logged, and the reservation then ends by
     * its expiry (no create attempted) or by reconciliation.
     */
    @Override
    void close();
}
