package dev.lobbygovernor.core.cleanup;

/**
 * Hears every cleanup outcome, one method per kind, then the cycle's report. Every method has a
 * no-op default, so a listener overrides only what it needs.
 *
 * <p>Methods are called on a thread of the reaper's, one call at a time, after the outcome is
 * final (a stop is reported only once verified), and before the cycle's
 * {@link #onCycleCompleted}, except the outcomes of a host whose work outlasted the cycle's
 * {@link ReaperConfig#hostWait()}, which come when they are reached. A listener should
 * return quickly and must not throw; if it does, the exception is logged (at WARN with its stack
 * trace the first time a listener throws, at DEBUG after that), the other listeners still hear
 * the outcome, and the cycle goes on.
 * A listener may not call {@link LobbyReaper#runOnce()} (that call would be skipped).
 */
public interface CleanupListener {

    /** A listener that ignores everything. */
    CleanupListener NONE = new CleanupListener() {
    };

    /**
     * A recorded lobby was stopped and verified gone.
     *
     * @param outcome the lobby, its session and why it was stopped
     */
    default void onStopped(CleanupOutcome.Stopped outcome) {
    }

    /**
     * A recorded lobby was found gone already.
     *
     * @param outcome the lobby and whether its record was removed
     */
    default void onAlreadyGone(CleanupOutcome.AlreadyGone outcome) {
    }

    /**
     * An action failed; the record stays and the action is retried.
     *
     * @param outcome what failed, how often in a row, and when it is tried next
     */
    default void onFailed(CleanupOutcome.Failed outcome) {
    }

    /**
     * An orphan outlived the grace period and is left running; heard once per orphan and
     * process.
     *
     * @param outcome the orphan, how long it has been seen, and whether it needs a PIN
     */
    default void onOrphanReported(CleanupOutcome.OrphanReported outcome) {
    }

    /**
     * An orphan was stopped and verified gone.
     *
     * @param outcome the orphan and how long it had been seen
     */
    default void onOrphanStopped(CleanupOutcome.OrphanStopped outcome) {
    }

    /**
     * A reservation was settled (its lobby stopped and verified gone, proven absent, or already
     * committed) and removed, freeing its slot.
     *
     * @param outcome the reservation and how it was settled
     */
    default void onReservationSettled(CleanupOutcome.ReservationSettled outcome) {
    }

    /**
     * A leaked streaming session was stopped and verified gone.
     *
     * @param outcome the session and how long it had been loose
     */
    default void onSessionStopped(CleanupOutcome.SessionStopped outcome) {
    }

    /**
     * A leaked streaming session was no longer listed when cleanup came to it.
     *
     * @param outcome the session
     */
    default void onSessionAlreadyGone(CleanupOutcome.SessionAlreadyGone outcome) {
    }

    /**
     * Stopping a leaked streaming session failed; it is retried with backoff.
     *
     * @param outcome what failed and when it is tried next
     */
    default void onSessionFailed(CleanupOutcome.SessionFailed outcome) {
    }

    /**
     * A leaked streaming session was reported and left running.
     *
     * @param outcome the session and how long it has been loose
     */
    default void onSessionReported(CleanupOutcome.SessionReported outcome) {
    }

    /**
     * In a dry run, one thing the cycle would have done and did not.
     *
     * @param outcome what and why
     */
    default void onWouldAct(CleanupOutcome.WouldAct outcome) {
    }

    /**
     * A cycle ended, including one that found the store unavailable; not called for a
     * {@link LobbyReaper#runOnce()} skipped because another cycle was running.
     *
     * @param report every outcome of the cycle, after each was passed to its own method
     */
    default void onCycleCompleted(CycleReport report) {
    }
}
