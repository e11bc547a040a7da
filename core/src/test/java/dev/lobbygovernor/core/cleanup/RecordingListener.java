package dev.lobbygovernor.core.cleanup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it hears, in order. */
final class RecordingListener implements CleanupListener {

    final List<CleanupOutcome> outcomes = new CopyOnWriteArrayList<>();
    final List<CycleReport> cycles = new CopyOnWriteArrayList<>();

    @Override
    public void onStopped(CleanupOutcome.Stopped outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onAlreadyGone(CleanupOutcome.AlreadyGone outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onFailed(CleanupOutcome.Failed outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onOrphanReported(CleanupOutcome.OrphanReported outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onOrphanStopped(CleanupOutcome.OrphanStopped outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onSessionStopped(CleanupOutcome.SessionStopped outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onSessionAlreadyGone(CleanupOutcome.SessionAlreadyGone outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onSessionFailed(CleanupOutcome.SessionFailed outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onSessionReported(CleanupOutcome.SessionReported outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onWouldAct(CleanupOutcome.WouldAct outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void onCycleCompleted(CycleReport report) {
        cycles.add(report);
    }
}
