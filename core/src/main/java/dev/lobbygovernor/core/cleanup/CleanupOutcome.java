package dev.lobbygovernor.core.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one cleanup action came to. None carries a PIN. A lobby is reported {@link Stopped} or
 * {@link OrphanStopped} only after listing the server again showed it gone.
 */
public sealed interface CleanupOutcome {

    /** The outcome's name, for counting and switching. */
    enum Kind {
        /** A recorded lobby was stopped with its stored credentials and verified gone. */
        STOPPED,
        /** A recorded lobby was found not running; its record was removed (or will be). */
        ALREADY_GONE,
        /** An action failed; the record stays and the action is retried. */
        FAILED,
        /** A lobby nobody recorded has outlived the grace period and cannot or may not be stopped. */
        ORPHAN_REPORTED,
        /** A lobby nobody recorded outlived the grace period and was stopped and verified gone. */
        ORPHAN_STOPPED,
        /** A reservation was settled: its lobby committed, stopped and verified gone, or absent. */
        RESERVATION_SETTLED
    }

    /**
     * Which outcome this is, for a {@code switch} or a counter without type tests.
     *
     * @return the kind matching this record's type
     */
    Kind kind();

    /**
     * The governor's id of the host the lobby runs on.
     *
     * @return the host's id; never null
     */
    String hostId();

    /**
     * The runtime's id of the lobby; for a {@link ReservationSettled} whose lobby was never
     * listed, the name the lobby was to have.
     *
     * @return the lobby's id; never null
     */
    String lobbyId();

    /**
     * A recorded lobby stopped and verified gone.
     *
     * @param hostId the lobby's host
     * @param lobbyId the lobby
     * @param sessionId the session that owned it
     * @param reason why it was stopped
     * @param recordRemoved whether its record was removed; if the store failed, the record stays
     *     and the next cycle reports {@link AlreadyGone} and removes it
     */
    record Stopped(String hostId, String lobbyId, String sessionId, StopReason reason, boolean recordRemoved)
            implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the lobby's host; not null
         * @param lobbyId the lobby; not null
         * @param sessionId the session that owned it
         * @param reason why it was stopped; not null
         * @param recordRemoved whether its record was removed
         * @throws NullPointerException if {@code hostId}, {@code lobbyId} or {@code reason} is null
         */
        public Stopped {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(lobbyId, "lobbyId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.STOPPED;
        }
    }

    /**
     * A lobby the server no longer lists (stopped by someone else, crashed, lost in a server
     * restart, or gone although the stop sent to it failed): not counted as stopped by cleanup.
     *
     * @param hostId the lobby's host
     * @param lobbyId the lobby
     * @param sessionId the session that owned it, or {@code null} for an orphan
     * @param recordRemoved whether its record was removed; if not, the next cycle tries again
     *     (always {@code false} for an orphan, which has no record)
     */
    record AlreadyGone(String hostId, String lobbyId, String sessionId, boolean recordRemoved)
            implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the lobby's host; not null
         * @param lobbyId the lobby; not null
         * @param sessionId the session that owned it, or {@code null} for an orphan
         * @param recordRemoved whether its record was removed
         * @throws NullPointerException if {@code hostId} or {@code lobbyId} is null
         */
        public AlreadyGone {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(lobbyId, "lobbyId");
        }

        @Override
        public Kind kind() {
            return Kind.ALREADY_GONE;
        }
    }

    /**
     * An action that failed; nothing was removed.
     *
     * @param hostId the lobby's host
     * @param lobbyId the lobby
     * @param sessionId the session that owns it, or {@code null} for an orphan
     * @param reason what went wrong
     * @param detail what the runtime or store said (never a PIN)
     * @param consecutiveFailures how many attempts in a row have failed (0 when none was made)
     * @param retryNotBefore the earliest time the next attempt is made
     */
    record Failed(String hostId, String lobbyId, String sessionId, FailureReason reason, String detail,
            int consecutiveFailures, Instant retryNotBefore) implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the lobby's host; not null
         * @param lobbyId the lobby; not null
         * @param sessionId the session that owns it, or {@code null} for an orphan
         * @param reason what went wrong; not null
         * @param detail what the runtime or store said; {@code null} reads as empty
         * @param consecutiveFailures how many attempts in a row have failed
         * @param retryNotBefore the earliest time the next attempt is made; not null
         * @throws NullPointerException if {@code hostId}, {@code lobbyId}, {@code reason} or
         *     {@code retryNotBefore} is null
         */
        public Failed {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(lobbyId, "lobbyId");
            Objects.requireNonNull(reason, "reason");
            detail = Objects.requireNonNullElse(detail, "");
            Objects.requireNonNull(retryNotBefore, "retryNotBefore");
        }

        @Override
        public Kind kind() {
            return Kind.FAILED;
        }
    }

    /**
     * A lobby the server runs that no record knows, past the grace period, left running because
     * it needs a PIN the library does not have (Wolf refuses a stop without it) or because orphan
     * stopping is off. Reported once per orphan and process.
     *
     * @param hostId the lobby's host
     * @param lobbyId the lobby
     * @param firstSeenAt when this process first saw it
     * @param age how long it has been seen
     * @param pinRequired whether the server says it needs a PIN
     */
    record OrphanReported(String hostId, String lobbyId, Instant firstSeenAt, Duration age, boolean pinRequired)
            implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the lobby's host; not null
         * @param lobbyId the lobby; not null
         * @param firstSeenAt when this process first saw it; not null
         * @param age how long it has been seen; not null
         * @param pinRequired whether the server says it needs a PIN
         * @throws NullPointerException if any object field is null
         */
        public OrphanReported {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(lobbyId, "lobbyId");
            Objects.requireNonNull(firstSeenAt, "firstSeenAt");
            Objects.requireNonNull(age, "age");
        }

        @Override
        public Kind kind() {
            return Kind.ORPHAN_REPORTED;
        }
    }

    /**
     * A lobby nobody recorded, open (no PIN), stopped after the grace period and verified gone.
     *
     * @param hostId the lobby's host
     * @param lobbyId the lobby
     * @param firstSeenAt when this process first saw it
     * @param age how long it had been seen
     */
    record OrphanStopped(String hostId, String lobbyId, Instant firstSeenAt, Duration age) implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the lobby's host; not null
         * @param lobbyId the lobby; not null
         * @param firstSeenAt when this process first saw it; not null
         * @param age how long it had been seen; not null
         * @throws NullPointerException if any field is null
         */
        public OrphanStopped {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(lobbyId, "lobbyId");
            Objects.requireNonNull(firstSeenAt, "firstSeenAt");
            Objects.requireNonNull(age, "age");
        }

        @Override
        public Kind kind() {
            return Kind.ORPHAN_STOPPED;
        }
    }

    /**
     * A reservation whose create was attempted and never committed (or that expired unused),
     * settled and removed, so its slot is free. Never reported before the runtime's listing
     * proved the outcome.
     *
     * @param hostId the reservation's host
     * @param reservationId the reservation
     * @param sessionId the session it was for
     * @param lobbyName the unique name its lobby was to have
     * @param foundLobbyId the id of the lobby found by that name, or {@code null} if none was
     * @param resolution how it was settled
     */
    record ReservationSettled(String hostId, String reservationId, String sessionId, String lobbyName,
            String foundLobbyId, Resolution resolution) implements CleanupOutcome {

        /** How a reservation was settled. */
        public enum Resolution {
            /** Its lobby was found by name, stopped with the stored PIN and verified gone. */
            STOPPED,
            /** No lobby by its name was listed once the longest create time had passed. */
            ABSENT,
            /** A lobby record already holds its lobby: a commit finished; only the reservation went. */
            COMMITTED,
            /** No create was ever attempted and it expired. */
            EXPIRED
        }

        /**
         * Validates the fields.
         *
         * @param hostId the host; not null
         * @param reservationId the reservation; not null
         * @param sessionId the session; not null
         * @param lobbyName the lobby's name; not null
         * @param foundLobbyId the lobby found, or {@code null}
         * @param resolution how it was settled; not null
         */
        public ReservationSettled {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(lobbyName, "lobbyName");
            Objects.requireNonNull(resolution, "resolution");
        }

        @Override
        public String lobbyId() {
            return foundLobbyId != null ? foundLobbyId : lobbyName;
        }

        @Override
        public Kind kind() {
            return Kind.RESERVATION_SETTLED;
        }
    }
}
