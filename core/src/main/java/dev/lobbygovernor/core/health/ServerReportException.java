package dev.lobbygovernor.core.health;

/**
 * A streaming server could not be asked for its own report: it did not answer, or answered
 * something that makes no sense. A server that has no such report at all is not a failure
 * (see {@link ServerReport#supported()}).
 */
public final class ServerReportException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message for people.
     *
     * @param message what could not be read, and why; never a PIN
     * @param cause the underlying failure, or {@code null}
     */
    public ServerReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
