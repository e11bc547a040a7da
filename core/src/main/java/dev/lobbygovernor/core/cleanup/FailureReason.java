package dev.lobbygovernor.core.cleanup;

/** Why a cleanup action failed; every failure keeps the lobby's record, and the next cycle retries. */
public enum FailureReason {
    /** The streaming server could not be reached, so nothing is known and nothing was removed. */
    RUNTIME_UNAVAILABLE,
    /** The streaming server refused the stop (a wrong PIN, an unknown lobby, a server error). */
    STOP_REJECTED,
    /** The streaming server answered something that could not be understood. */
    RUNTIME_PROTOCOL,
    /** The server acknowledged the stop but still lists the lobby: it is not stopped. */
    STILL_RUNNING,
    /** The stop was sent but the lobbies could not be listed again, so the stop is unverified. */
    UNVERIFIED,
    /** No {@code LobbyRuntime} is configured for the host the record names. */
    NO_RUNTIME,
    /** The session store failed, so the lobby was left alone this cycle. */
    STORE_UNAVAILABLE
}
