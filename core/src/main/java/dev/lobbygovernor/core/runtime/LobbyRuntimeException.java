package dev.lobbygovernor.core.runtime;

import java.util.Objects;

/** A {@link LobbyRuntime} call failed; {@link #kind()} says whether anything could be learned. */
public class LobbyRuntimeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** How a runtime call failed. */
    public enum Kind {
        /** The server could not be reached (no socket, refused, timed out): nothing is known. */
        UNAVAILABLE,
        /** The server answered and refused (wrong PIN, unknown lobby, server-side error). */
        REJECTED,
        /** The server answered something that could not be understood. */
        PROTOCOL
    }

    /** How the call failed; never null. */
    private final Kind kind;

    /**
     * A failure of the given kind.
     *
     * @param kind how the call failed; not null
     * @param message what happened, for logs and cleanup outcomes; must not carry a PIN
     * @param cause the underlying exception (an I/O error, a parse error), or {@code null}
     * @throws NullPointerException if {@code kind} is null
     */
    public LobbyRuntimeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * A failure of the given kind without an underlying cause, as when the server answered
     * with an error.
     *
     * @param kind how the call failed; not null
     * @param message what happened, for logs and cleanup outcomes; must not carry a PIN
     * @throws NullPointerException if {@code kind} is null
     */
    public LobbyRuntimeException(Kind kind, String message) {
        this(kind, message, null);
    }

    /**
     * How the call failed: whether the server was reached, and so whether anything is known.
     *
     * @return the kind; never null
     */
    public Kind kind() {
        return kind;
    }
}
