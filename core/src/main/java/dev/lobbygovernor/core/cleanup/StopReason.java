package dev.lobbygovernor.core.cleanup;

/** Why cleanup stops a recorded lobby. */
public enum StopReason {
    /** The owning session is gone from the host's database (hard-deleted or never known). */
    SESSION_GONE,
    /** The owning session was soft-deleted. */
    SESSION_SOFT_DELETED,
    /** The lobby saw no activity for longer than the idle timeout. */
    IDLE_TIMEOUT
}
