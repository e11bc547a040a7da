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
    /** The simulator's text for a session id it does not know. */
    static final String INVALID_SESSION = "Invalid session ID";

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
