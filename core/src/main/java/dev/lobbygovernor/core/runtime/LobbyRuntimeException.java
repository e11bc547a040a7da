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

    private final Kind kind;

    /** A failure of the given kind. */
    public LobbyRuntimeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A failure of the given kind without an underlying cause. */
    public LobbyRuntimeException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** How the call failed. */
    public Kind kind() {
        return kind;
    }
}
