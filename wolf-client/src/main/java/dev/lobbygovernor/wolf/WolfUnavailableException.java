package dev.lobbygovernor.wolf;

/**
 * Wolf could not be reached: no socket file, connection refused, or a connect or read timeout.
 * Nothing is known about the state of the server; a request that was sent may or may not have
 * been carried out.
 */
public final class WolfUnavailableException extends WolfException {

    private static final long serialVersionUID = 1L;

    /** Whether a timeout fired. */
    private final boolean timedOut;

    /**
     * A failure to reach Wolf.
     *
     * @param message what happened and where, e.g. "Wolf socket /run/wolf.sock does not exist"
     * @param timedOut whether a timeout fired
     * @param cause the underlying I/O failure, if any
     */
    public WolfUnavailableException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /**
     * Whether a timeout fired, rather than, say, a refused connection.
     *
     * @return true when Wolf did not connect, answer or send within its timeout
     */
    public boolean timedOut() {
        return timedOut;
    }
}
