package dev.lobbygovernor.core.runtime;

import dev.lobbygovernor.store.LobbyPin;
import java.util.List;
import java.util.Optional;

/**
 * The streaming server's view of the lobbies it runs: what the governor counts and what cleanup
 * stops. {@code WolfLobbyRuntime} implements it over Wolf's API; tests use an in-memory fake.
 *
 * <p>Implementations must be thread-safe and must not retry non-idempotent calls on their own.
 */
public interface LobbyRuntime {

    /**
     * Every lobby the server runs now, including lobbies nobody recorded.
     *
     * @return the lobbies, in any order; never null. An empty list says the server runs
     *     nothing, so a failure to list must be thrown, never reported as an empty list
     * @throws LobbyRuntimeException if the server cannot be asked (then nothing is known)
     */
    List<LiveLobby> listLobbies() throws LobbyRuntimeException;

    /**
     * Asks the server to stop a lobby. A reply of success is not proof: callers verify by
     * listing again.
     *
     * @param lobbyId the lobby to stop
     * @param pin the lobby's PIN, empty for an open lobby
     * @throws LobbyRuntimeException if the server refused (wrong PIN, unknown lobby) or could
     *     not be reached
     */
    void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException;
}
