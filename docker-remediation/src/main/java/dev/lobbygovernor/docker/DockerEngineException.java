package dev.lobbygovernor.docker;

import java.util.Objects;

/**
 * The Docker Engine could not do what was asked; {@link #kind()} says why, so that a missing
 * socket, a permission error and an engine that is down are told apart.
 */
public final class DockerEngineException extends Exception {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** Why the engine could not be used. */
    public enum Kind {
        /** No socket file at the configured path: Docker is not running here or not mounted in. */
        SOCKET_MISSING,
        /** The socket exists but this process may not open it (not in the {@code docker} group). */
        PERMISSION_DENIED,
        /** Nothing listens on the socket (a stale socket file): the engine is down. */
        ENGINE_DOWN,
        /** The engine did not answer within the deadline. */
        TIMED_OUT,
        /** No container matches the configured name or label. */
        CONTAINER_NOT_FOUND,
        /** More than one container matches the configured label; none is restarted. */
        CONTAINER_AMBIGUOUS,
        /** The engine refused the restart (its message says why). */
        REFUSED,
        /** The engine answered something that could not be understood. */
        PROTOCOL
    }

    /** Why the engine could not be used. */
    private final Kind kind;

    /**
     * A failure of the given kind.
     *
     * @param kind why; not null
     * @param message what happened, with the engine's own words where it gave any
     * @param cause the underlying error, or {@code null}
     */
    public DockerEngineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Why the engine could not be used.
     *
     * @return the kind; never null
     */
    public Kind kind() {
        return kind;
    }
}
