package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run's stand-in for {@link HostCleanup} and {@link ReservationSettler}: turns a host's
 * plan into {@link CleanupOutcome.WouldAct} outcomes and calls neither the runtime nor the
 * store. What only reports (an orphan left running, a due lobby on a host that cannot be
 * listed) is reported as in a real cycle, since reporting changes nothing.
 */
final class DryRunReport {

    private final String hostId;
    private final Instant now;
    private final OutcomeReporter reporter;
    private final RetryBook retries;
    private final List<CleanupOutcome> outcomes = new ArrayList<>();

    DryRunReport(String hostId, Instant now, OutcomeReporter reporter, RetryBook retries) {
        this.hostId = hostId;
        this.now = now;
        this.reporter = reporter;
        this.retries = retries;
    }

    /** What the lobby plan would do; the planner already left out lobbies held back by retries. */
    List<CleanupOutcome> lobbies(HostPlan plan) {
        for (PlannedAction action : plan.actions()) {
            if (action instanceof PlannedAction.StopRecorded a) {
                emit(new CleanupOutcome.WouldAct(hostId, a.lobbyId(), Action.STOP_LOBBY, a.reason().name()));
            } else if (action instanceof PlannedAction.StopOrphan a) {
                emit(new CleanupOutcome.WouldAct(hostId, a.lobbyId(), Action.STOP_ORPHAN, "ORPHAN_PAST_GRACE"));
            } else if (action instanceof PlannedAction.ForgetRecord a) {
                emit(new CleanupOutcome.WouldAct(hostId, a.lobbyId(), Action.FORGET_RECORD, "LOBBY_NOT_LISTED"));
            } else if (action instanceof PlannedAction.ReportUnreachable a) {
                CleanupOutcome failed = new CleanupOutcome.Failed(hostId, a.lobbyId(), a.record().sessionId(),
                        a.reason(), a.detail(), retries.failures(a.lobbyId()), now);
                outcomes.add(failed);
                reporter.notifyListener(failed);
            } else if (action instanceof PlannedAction.ReportOrphan a) {
                emit(new CleanupOutcome.OrphanReported(hostId, a.lobbyId(), a.firstSeenAt(),
                        Duration.between(a.firstSeenAt(), now), a.lobby().pinRequired()));
            }
        }
        return outcomes;
    }

    /** What settling the host's reservations would do. */
    List<CleanupOutcome> reservations(List<ReservationPlanner.Settlement> plan) {
        List<CleanupOutcome> out = new ArrayList<>();
        for (ReservationPlanner.Settlement s : plan) {
            String target = s.lobby() != null ? s.lobby().id() : s.reservation().lobbyName();
            CleanupOutcome o = new CleanupOutcome.WouldAct(hostId, target, Action.SETTLE_RESERVATION,
                    s.resolution().name());
            out.add(o);
            reporter.report(o);
        }
        return out;
    }

    private void emit(CleanupOutcome outcome) {
        outcomes.add(outcome);
        reporter.report(outcome);
    }
}
