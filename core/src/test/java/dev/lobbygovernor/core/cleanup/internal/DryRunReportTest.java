package dev.lobbygovernor.core.cleanup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Failed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled.Resolution;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct.Action;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.StopReason;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dry run turns each planned action into what it would do, and reports what only reports. */
class DryRunReportTest {

    private static final String HOST = "wolf-1";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final LobbyRecord RECORD = new LobbyRecord("rec", HOST, "s1", null, NOW.minusSeconds(3600),
            NOW.minusSeconds(3600));

    private final RetryBook retries = new RetryBook(ReaperConfig.defaults());
    private final List<CleanupOutcome> heard = new ArrayList<>();
    private final OutcomeReporter reporter = new OutcomeReporter(List.of(new CleanupListener() {
        @Override
        public void onWouldAct(WouldAct outcome) {
            heard.add(outcome);
        }

        @Override
        public void onFailed(Failed outcome) {
            heard.add(outcome);
        }

        @Override
        public void onOrphanReported(OrphanReported outcome) {
            heard.add(outcome);
        }
    }));
    private final DryRunReport dryRun = new DryRunReport(HOST, NOW, reporter, retries);

    @Test
    void eachLobbyActionBecomesWhatItWouldDoAndReportsStayReports() {
        LiveLobby open = new LiveLobby("orphan-open", "x", false, 0);
        LiveLobby pinned = new LiveLobby("orphan-pinned", "y", true, 0);
        retries.failed("rec", NOW.minusSeconds(90));
        HostPlan plan = new HostPlan(HOST, List.of(
                new PlannedAction.StopRecorded(RECORD, StopReason.IDLE_TIMEOUT),
                new PlannedAction.StopOrphan(open, NOW.minusSeconds(700)),
                new PlannedAction.ForgetRecord(RECORD),
                new PlannedAction.ReportUnreachable(RECORD, FailureReason.RUNTIME_UNAVAILABLE, "refused"),
                new PlannedAction.ReportOrphan(pinned, NOW.minusSeconds(700))), Map.of());

        List<CleanupOutcome> out;
        try (LogCapture log = LogCapture.of(OutcomeReporter.class.getName())) {
            out = dryRun.lobbies(plan);
            assertThat(log.events()).as("every outcome but the host-level failure has its line").hasSize(4);
        }

        assertThat(out).containsExactly(
                new WouldAct(HOST, "rec", Action.STOP_LOBBY, "IDLE_TIMEOUT"),
                new WouldAct(HOST, "orphan-open", Action.STOP_ORPHAN, "ORPHAN_PAST_GRACE"),
                new WouldAct(HOST, "rec", Action.FORGET_RECORD, "LOBBY_NOT_LISTED"),
                new Failed(HOST, "rec", "s1", FailureReason.RUNTIME_UNAVAILABLE, "refused", 1, NOW),
                new OrphanReported(HOST, "orphan-pinned", NOW.minusSeconds(700), Duration.ofSeconds(700), true));
        assertThat(heard).isEqualTo(out);
    }

    @Test
    void aReservationWouldBeSettledUnderItsFoundLobbyElseItsName() {
        ReservationRecord r = ReservationRecord.reserved("r1", HOST, "s1", null, "lobby-of-r1", NOW.minusSeconds(120),
                NOW.plusSeconds(60));
        List<CleanupOutcome> out = dryRun.reservations(List.of(
                new ReservationPlanner.Settlement(r, Resolution.STOPPED, new LiveLobby("found", "lobby-of-r1", false, 0)),
                new ReservationPlanner.Settlement(r, Resolution.EXPIRED, null)));

        assertThat(out).containsExactly(
                new WouldAct(HOST, "found", Action.SETTLE_RESERVATION, "STOPPED"),
                new WouldAct(HOST, "lobby-of-r1", Action.SETTLE_RESERVATION, "EXPIRED"));
        assertThat(heard).isEqualTo(out);
    }
}
