package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.store.LobbyPin;
import java.time.Instant;
import java.util.Optional;

/**
 * One granted lobby slot. Create the lobby, then {@link #commit} it (which records its
 * credentials first) or {@link #close()} to give the slot back. A permit neither committed nor
 * closed within the configured time to live expires and its slot returns.
 *
 * <p>Use it with try-with-resources: {@code close()} after {@code commit} does nothing.
 * {@code commit} and {@code close} are idempotent and thread-safe. A permit never holds the
 * PIN; {@link Object#toString()} shows only ids and numbers.
 *
 * <p>Only {@link LobbyGovernor#acquire} grants permits; hosts do not implement this interface.
 */
public interface Permit extends AutoCloseable {

    /** Where a permit stands. */
    enum State {
        /** Granted; holding a slot. */
        OPEN,
        /** Committed: the lobby is recorded and counts against the host. */
        COMMITTED,
        /** Closed without commit; its slot returned. */
        CLOSED,
        /** Neither committed nor closed in time; its slot returned. */
        EXPIRED
    }

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
     * Records the lobby created under this permit, then turns the slot into a counted lobby.
     * The record (with the PIN) is saved through the {@link dev.lobbygovernor.store.SessionStore}
     * before this returns; if the store fails, the permit stays open and the caller may retry or
     * close. Calling it again with the same lobby id does nothing.
     *
     * @param lobbyId the streaming server's id of the lobby
     * @param pinOrNull the lobby's PIN, {@code null} for an open lobby
     * @throws PermitExpiredException if the permit expired first (its slot is gone)
     * @throws IllegalStateException if it was closed, or committed as another lobby
     * @throws IllegalArgumentException if {@code lobbyId} is blank
     * @throws dev.lobbygovernor.store.StoreException if the record could not be saved
     */
    void commit(String lobbyId, LobbyPin pinOrNull);

    /**
     * Gives the slot back unless committed; does nothing if already finished. Never throws.
     * Called while another thread commits, it lets the commit win, or returns the slot if that
     * commit fails.
     */
    @Override
    void close();
}
