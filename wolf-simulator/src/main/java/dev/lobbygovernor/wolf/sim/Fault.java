package dev.lobbygovernor.wolf.sim;

/**
 * A way the simulated Wolf misbehaves on one connection, injected through {@link Faults}.
 * Every fault is applied after the request has been read, so the request is counted.
 */
public enum Fault {
    /** Read the request, then close the connection without a byte of reply. */
    DROP_CONNECTION,
    /** Answer bytes that are not HTTP at all, then close. */
    GARBAGE_REPLY,
    /** Answer {@code HTTP/1.0 200 OK} with a truncated JSON body, then close. */
    MALFORMED_JSON,
    /**
     * Read the request and never answer: the connection stays open until the client gives
     * up, the fault is cleared, or the simulator restarts or closes.
     */
    NEVER_ANSWER
}
