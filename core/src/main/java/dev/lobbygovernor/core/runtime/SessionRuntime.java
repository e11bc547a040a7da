package dev.lobbygovernor.core.runtime;

/**
 * The streaming server's streaming sessions, for a {@link LobbyRuntime} that has them: one
 * Moonlight client's stream each. The reaper cleans up leaked ones when the runtime it is given
 * for a host also implements this (as {@code WolfLobbyRuntime} does) and session cleanup is
 * turned on; a runtime without sessions need not implement it.
 *
 * <p>Implementations must be thread-safe and must not retry a stop on their own.
 */
public interface SessionRuntime {

    /**
     * Every streaming session the server runs now, with what each is attached to.
     * Implementations list the sessions before what they are attached to, so that a session
     * that joins a lobby between the two calls shows as attached, never as loose.
     *
     * @return the listing; never null. A failure to list must be thrown, never reported as an
     *     empty listing
     * @throws LobbyRuntimeException if the server cannot be asked (then nothing is known)
     */
    SessionListing listSessions() throws LobbyRuntimeException;

    /**
     * Asks the server to stop a streaming session. A reply of success is not proof: callers
     * verify by listing again.
     *
     * @param sessionId the session's id, as {@link LiveSession#id()} gives it
     * @throws LobbyRuntimeException if the server refused (an unknown session) or could not be
     *     reached
     */
    void stopSession(String sessionId) throws LobbyRuntimeException;
}
