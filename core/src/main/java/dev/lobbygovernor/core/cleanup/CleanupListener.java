package dev.lobbygovernor.core.cleanup;

/**
 * Hears every cleanup outcome, one method per kind, then the cycle's report. Every method has a
 * no-op default, so a listener overrides only what it needs.
 *
 * <p>Methods are called on the cycle's thread, after the outcome is final (a stop is reported
 * only once verified), and before the cycle's {@link #onCycleCompleted}. A listener should
 * return quickly and must not throw; if it does, the exception is logged and the cycle goes on.
 * A listener may not call {@link LobbyReaper#runOnce()} (that call would be skipped).
 */
public interface CleanupListener {

    /** A listener that ignores everything. */
    CleanupListener NONE = new CleanupListener() {
    };

    /** A recorded lobby was stopped and verified gone. */
    default void onStopped(CleanupOutcome.Stopped outcome) {
    }

    /** A recorded lobby was found gone already. */
    default void onAlreadyGone(CleanupOutcome.AlreadyGone outcome) {
    }

    /** An action failed; the record stays. */
    default void onFailed(CleanupOutcome.Failed outcome) {
    }

    /** An orphan outlived the grace period and is left running. */
    default void onOrphanReported(CleanupOutcome.OrphanReported outcome) {
    }

    /** An orphan was stopped and verified gone. */
    default void onOrphanStopped(CleanupOutcome.OrphanStopped outcome) {
    }

    /**
     * A cycle ended, including one that found the store unavailable; not called for a
     * {@link LobbyReaper#runOnce()} skipped because another cycle was running.
     */
    default void onCycleCompleted(CycleReport report) {
    }
}
