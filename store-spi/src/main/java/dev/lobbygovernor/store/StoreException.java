package dev.lobbygovernor.store;

/**
 * A {@link SessionStore} could not do what was asked (its database is down, say). Callers
 * treat it as "nothing changed": the governor refuses to commit, cleanup keeps the record.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message that says what was attempted.
     *
     * @param message what was attempted and what went wrong
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * A failure with a message and the underlying cause.
     *
     * @param message what was attempted and what went wrong
     * @param cause the database's own exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
