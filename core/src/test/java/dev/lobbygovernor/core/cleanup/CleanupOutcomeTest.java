package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.AlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Failed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Kind;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanStopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionAlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionFailed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionStopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each outcome names its kind and the lobby (or session) it is about; a report counts them by kind. */
class CleanupOutcomeTest {

    private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration AGE = Duration.ofMinutes(3);

    private static final Stopped STOPPED = new Stopped("h", "lobby-1", "s-1", StopReason.IDLE_TIMEOUT, true);
    private static final AlreadyGone GONE = new AlreadyGone("h", "lobby-2", "s-2", false);
    private static final Failed FAILED = new Failed("h", "lobby-3", null, FailureReason.STILL_RUNNING, null, 2, T);
    private static final OrphanReported ORPHAN_REPORTED = new OrphanReported("h", "lobby-4", T, AGE, true);
    private static final OrphanStopped ORPHAN_STOPPED = new OrphanStopped("h", "lobby-5", T, AGE);
    private static final SessionStopped SESSION_STOPPED = new SessionStopped("h", "s-6", null, T, AGE);
    private static final SessionAlreadyGone SESSION_GONE = new SessionAlreadyGone("h", "s-7");
    private static final SessionFailed SESSION_FAILED = new SessionFailed("h", "s-8", FailureReason.UNVERIFIED, null,
            1, T);
    private static final SessionReported SESSION_REPORTED = new SessionReported("h", "s-9", null, T, AGE);
    private static final WouldAct WOULD_ACT = new WouldAct("h", "lobby-10", WouldAct.Action.STOP_LOBBY, null);

    @Test
    void eachOutcomeNamesItsOwnKind() {
        assertThat(STOPPED.kind()).isEqualTo(Kind.STOPPED);
        assertThat(GONE.kind()).isEqualTo(Kind.ALREADY_GONE);
        assertThat(FAILED.kind()).isEqualTo(Kind.FAILED);
        assertThat(ORPHAN_REPORTED.kind()).isEqualTo(Kind.ORPHAN_REPORTED);
        assertThat(ORPHAN_STOPPED.kind()).isEqualTo(Kind.ORPHAN_STOPPED);
        assertThat(settled("found").kind()).isEqualTo(Kind.RESERVATION_SETTLED);
        assertThat(SESSION_STOPPED.kind()).isEqualTo(Kind.SESSION_STOPPED);
        assertThat(SESSION_GONE.kind()).isEqualTo(Kind.SESSION_ALREADY_GONE);
        assertThat(SESSION_FAILED.kind()).isEqualTo(Kind.SESSION_FAILED);
        assertThat(SESSION_REPORTED.kind()).isEqualTo(Kind.SESSION_REPORTED);
        assertThat(WOULD_ACT.kind()).isEqualTo(Kind.WOULD_ACT);
    }

    @Test
    void aSessionOutcomeGivesItsSessionIdWhereALobbyIdIsAsked() {
        assertThat(SESSION_STOPPED.lobbyId()).isEqualTo("s-6");
        assertThat(SESSION_GONE.lobbyId()).isEqualTo("s-7");
        assertThat(SESSION_FAILED.lobbyId()).isEqualTo("s-8");
        assertThat(SESSION_REPORTED.lobbyId()).isEqualTo("s-9");
    }

    @Test
    void aSettledReservationNamesTheLobbyFoundElseTheReservedName() {
        assertThat(settled("lobby-found").lobbyId()).isEqualTo("lobby-found");
        assertThat(settled(null).lobbyId()).isEqualTo("reserved-name");
    }

    @Test
    void missingTextsReadAsEmpty() {
        assertThat(FAILED.detail()).isEmpty();
        assertThat(SESSION_FAILED.detail()).isEmpty();
        assertThat(SESSION_STOPPED.appId()).isEmpty();
        assertThat(SESSION_REPORTED.appId()).isEmpty();
        assertThat(WOULD_ACT.why()).isEmpty();
    }

    @Test
    void aReportCountsAndFiltersItsOutcomesByKind() {
        CycleReport report = new CycleReport(T, CycleReport.Status.COMPLETED,
                List.of(STOPPED, SESSION_GONE, STOPPED, FAILED), List.of("h2"));
        assertThat(report.count(Kind.STOPPED)).isEqualTo(2);
        assertThat(report.count(Kind.SESSION_ALREADY_GONE)).isEqualTo(1);
        assertThat(report.count(Kind.WOULD_ACT)).isZero();
        assertThat(report.outcomes(Kind.STOPPED)).containsExactly(STOPPED, STOPPED);
        assertThat(report.outcomes(Kind.FAILED)).containsExactly(FAILED);
        assertThat(report.outcomes(Kind.ORPHAN_STOPPED)).isEmpty();
    }

    @Test
    void anEmptyReportHasItsTimeAndStatusAndNothingElse() {
        CycleReport empty = CycleReport.empty(T, CycleReport.Status.STORE_UNAVAILABLE);
        assertThat(empty).isEqualTo(new CycleReport(T, CycleReport.Status.STORE_UNAVAILABLE, List.of(), List.of()));
        assertThat(empty.outcomes()).isEmpty();
        assertThat(empty.unreachableHosts()).isEmpty();
    }

    private static ReservationSettled settled(String found) {
        return new ReservationSettled("h", "r-1", "s-1", "reserved-name", found,
                ReservationSettled.Resolution.ABSENT);
    }
}
