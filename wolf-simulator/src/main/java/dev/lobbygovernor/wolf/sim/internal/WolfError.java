package dev.lobbygovernor.wolf.sim.internal;

/**
 * A request the simulated Wolf refuses after routing; answered as
 * {@code {"success":false,"error":message}} with {@link #status()}. The message is Wolf's own
 * text and never repeats a PIN.
 */
final class WolfError extends Exception {

    private static final long serialVersionUID = 1L;

    /** Wolf's text for a PIN that does not match the lobby's exactly. */
    static final String INVALID_PIN = "Invalid PIN";
    /** Wolf's text for a lobby id it does not know. */
    static final String INVALID_LOBBY = "Invalid lobby ID";
    /** Wolf's text for stopping (or pausing) a session id it does not run. */
    static final String INVALID_SESSION = "Invalid session_id";
    /**
     * The simulator's text for joining a lobby with a session it does not run. Wolf's own answer
     * comes from its lobby handler after the join event and is not reproduced.
     */
    static final String UNKNOWN_JOINING_SESSION = "Invalid session ID";
    /** Wolf's text for adding a session with an app it does not have. */
    static final String INVALID_APP = "Invalid app_id";
    /** Wolf's text for adding a session for a client that is not paired. */
    static final String INVALID_CLIENT = "Invalid client_id";
    /** Wolf's text for a pairing PIN sent under a secret no client waits with. */
    static final String INVALID_PAIR_SECRET = "Invalid pair secret";

    private final int status;

    WolfError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Wolf's usual refusal: HTTP 500. */
    static WolfError refused(String message) {
        return new WolfError(500, message);
    }

    int status() {
        return status;
    }
}
