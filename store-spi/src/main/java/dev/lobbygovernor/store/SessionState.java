package dev.lobbygovernor.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the host application's database says of a session: present, soft-deleted (with when),
 * or gone. Cleanup treats soft-deleted and gone alike: the lobby must stop.
 *
 * @param sessionId the session asked about
 * @param status present, soft-deleted or gone
 * @param deletedAt when it was soft-deleted; {@code null} unless {@code status} is
 *     {@link Status#SOFT_DELETED}
 */
public record SessionState(String sessionId, Status status, Instant deletedAt) {

    /** Where a session stands. */
    public enum Status {
        /** The session exists and is not deleted. */
        PRESENT,
        /** The session exists but is marked deleted. */
        SOFT_DELETED,
        /** No such session, deleted or not: it was hard-deleted or never existed. */
        GONE
    }

    /**
     * Checks that {@code deletedAt} is given exactly for soft-deleted sessions.
     *
     * @param sessionId the session asked about; not {@code null}
     * @param status where it stands; not {@code null}
     * @param deletedAt when it was soft-deleted, or {@code null} unless soft-deleted
     * @throws IllegalArgumentException if {@code deletedAt} is missing for a soft-deleted
     *     session or given for another
     */
    public SessionState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
        if ((status == Status.SOFT_DELETED) != (deletedAt != null)) {
            throw new IllegalArgumentException("deletedAt is required for SOFT_DELETED and only for it");
        }
    }

    /**
     * A session that exists.
     *
     * @param sessionId the session
     * @return its state, {@link Status#PRESENT}
     */
    public static SessionState present(String sessionId) {
        return new SessionState(sessionId, Status.PRESENT, null);
    }

    /**
     * A session marked deleted at {@code at}.
     *
     * @param sessionId the session
     * @param at when it was marked deleted
     * @return its state, {@link Status#SOFT_DELETED}
     */
    public static SessionState softDeleted(String sessionId, Instant at) {
        return new SessionState(sessionId, Status.SOFT_DELETED, Objects.requireNonNull(at, "at"));
    }

    /**
     * A session the store does not know.
     *
     * @param sessionId the session asked about
     * @return its state, {@link Status#GONE}
     */
    public static SessionState gone(String sessionId) {
        return new SessionState(sessionId, Status.GONE, null);
    }

    /**
     * Whether the session's lobby may keep running.
     *
     * @return {@code true} only for a {@linkplain Status#PRESENT present} session
     */
    public boolean isLive() {
        return status == Status.PRESENT;
    }
}
