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
        RESERVATION_SETTLED,
        /** A leaked streaming session was stopped and verified gone. */
        SESSION_STOPPED,
        /** A leaked streaming session was no longer listed when cleanup came to it. */
        SESSION_ALREADY_GONE,
        /** Stopping a leaked streaming session failed; it is retried with backoff. */
        SESSION_FAILED,
        /** A leaked streaming session was reported and left running (report-only mode). */
        SESSION_REPORTED,
        /** A dry run's plan: what the cycle would have done, and did not. */
        WOULD_ACT
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
     * listed, the name the lobby was to have; for a streaming session's outcome, which belongs
     * to no lobby, the session's id.
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
    /**
     * A leaked streaming session (in no lobby, its client no longer streaming, in
     * two listings in a row past the grace) stopped and verified gone by listing again.
     *
     * @param hostId the session's host
     * @param sessionId the session
     * @param appId the app it streamed; empty if unknown
     * @param looseSince when it was first seen loose in the run of listings that found it leaked
     * @param age how long it had been seen loose
     */
    record SessionStopped(String hostId, String sessionId, String appId, Instant looseSince, Duration age)
            implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the session's host; not null
         * @param sessionId the session; not null
         * @param appId the app; {@code null} reads as empty
         * @param looseSince when first seen loose; not null
         * @param age how long seen loose; not null
         * @throws NullPointerException if a required field is null
         */
        public SessionStopped {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(sessionId, "sessionId");
            appId = Objects.requireNonNullElse(appId, "");
            Objects.requireNonNull(looseSince, "looseSince");
            Objects.requireNonNull(age, "age");
        }

        @Override
        public String lobbyId() {
            return sessionId;
        }

        @Override
        public Kind kind() {
            return Kind.SESSION_STOPPED;
        }
    }

    /**
     * A leaked streaming session the server no longer listed when cleanup came to it, or that
     * went although the stop sent to it was not acknowledged: not counted as stopped.
     *
     * @param hostId the session's host
     * @param sessionId the session
     */
    record SessionAlreadyGone(String hostId, String sessionId) implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the session's host; not null
         * @param sessionId the session; not null
         * @throws NullPointerException if a field is null
         */
        public SessionAlreadyGone {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(sessionId, "sessionId");
        }

        @Override
        public String lobbyId() {
            return sessionId;
        }

        @Override
        public Kind kind() {
            return Kind.SESSION_ALREADY_GONE;
        }
    }

    /**
     * Stopping a leaked streaming session failed, or could not be verified; it may still run.
     *
     * @param hostId the session's host
     * @param sessionId the session
     * @param reason what went wrong
     * @param detail what the server said
     * @param consecutiveFailures how many attempts in a row have failed
     * @param retryNotBefore the earliest time the next attempt is made
     */
    record SessionFailed(String hostId, String sessionId, FailureReason reason, String detail,
            int consecutiveFailures, Instant retryNotBefore) implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the session's host; not null
         * @param sessionId the session; not null
         * @param reason what went wrong; not null
         * @param detail what the server said; {@code null} reads as empty
         * @param consecutiveFailures how many attempts in a row have failed
         * @param retryNotBefore the earliest next attempt; not null
         * @throws NullPointerException if a required field is null
         */
        public SessionFailed {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(reason, "reason");
            detail = Objects.requireNonNullElse(detail, "");
            Objects.requireNonNull(retryNotBefore, "retryNotBefore");
        }

        @Override
        public String lobbyId() {
            return sessionId;
        }

        @Override
        public Kind kind() {
            return Kind.SESSION_FAILED;
        }
    }

    /**
     * A leaked streaming session left running because session cleanup only reports
     * ({@link SessionCleanup#REPORT}); reported once per run of loose sightings.
     *
     * @param hostId the session's host
     * @param sessionId the session
     * @param appId the app it streams; empty if unknown
     * @param looseSince when it was first seen loose
     * @param age how long it has been seen loose
     */
    record SessionReported(String hostId, String sessionId, String appId, Instant looseSince, Duration age)
            implements CleanupOutcome {
        /**
         * Validates the fields.
         *
         * @param hostId the session's host; not null
         * @param sessionId the session; not null
         * @param appId the app; {@code null} reads as empty
         * @param looseSince when first seen loose; not null
         * @param age how long seen loose; not null
         * @throws NullPointerException if a required field is null
         */
        public SessionReported {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(sessionId, "sessionId");
            appId = Objects.requireNonNullElse(appId, "");
            Objects.requireNonNull(looseSince, "looseSince");
            Objects.requireNonNull(age, "age");
        }

        @Override
        public String lobbyId() {
            return sessionId;
        }

        @Override
        public Kind kind() {
            return Kind.SESSION_REPORTED;
        }
    }

    /**
     * In a dry run ({@link ReaperConfig#dryRun()}), one thing the cycle would have done and did
     * not.
     *
     * @param hostId the host
     * @param lobbyId the lobby, reservation's lobby name, or streaming session it is about
     * @param action what would have been done
     * @param why the rule that calls for it, such as {@code IDLE_TIMEOUT} or
     *     {@code LEAKED_SESSION}
     */
    record WouldAct(String hostId, String lobbyId, Action action, String why) implements CleanupOutcome {

        /** What a dry run would have done. */
        public enum Action {
            /** Stop a recorded lobby with its stored credentials, then remove its record. */
            STOP_LOBBY,
            /** Remove a record whose lobby the server no longer lists. */
            FORGET_RECORD,
            /** Stop an open lobby no record knows, past the orphan grace. */
            STOP_ORPHAN,
            /** Settle an unfinished reservation (stopping its lobby if one is listed). */
            SETTLE_RESERVATION,
            /** Stop a leaked streaming session. */
            STOP_SESSION
        }

        /**
         * Validates the fields.
         *
         * @param hostId the host; not null
         * @param lobbyId what it is about; not null
         * @param action what would have been done; not null
         * @param why the rule; {@code null} reads as empty
         * @throws NullPointerException if a required field is null
         */
        public WouldAct {
            Objects.requireNonNull(hostId, "hostId");
            Objects.requireNonNull(lobbyId, "lobbyId");
            Objects.requireNonNull(action, "action");
            why = Objects.requireNonNullElse(why, "");
        }

        @Override
        public Kind kind() {
            return Kind.WOULD_ACT;
        }
    }
}
