package dev.lobbygovernor.core.cleanup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.AlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Failed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanStopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled.Resolution;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionAlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionFailed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionStopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.StopReason;
import dev.lobbygovernor.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads for each outcome (the level and the sentence), and which listener
 * method hears it; a listener that throws is contained.
 */
class OutcomeReporterTest {

    private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration AGE = Duration.ofMinutes(3);

    /** An outcome, the level and sentence of its line, and the listener method that hears it. */
    private record Case(CleanupOutcome outcome, Level level, String line, String heardBy) {
    }

    private static ReservationSettled settled(Resolution resolution) {
        return new ReservationSettled("h", "r-1", "s-1", "lg-name", "lobby-9", resolution);
    }

    private static final List<Case> CASES = List.of(
            new Case(new Stopped("h", "l1", "s1", StopReason.IDLE_TIMEOUT, true), Level.INFO,
                    "Lobby stopped with its stored credentials and verified gone; record removed", "onStopped"),
            new Case(new Stopped("h", "l1", "s1", StopReason.SESSION_GONE, false), Level.WARN,
                    "Lobby stopped with its stored credentials and verified gone, but the store could not remove its "
                            + "record; the next cycle removes it", "onStopped"),
            new Case(new AlreadyGone("h", "l2", null, false), Level.INFO,
                    "Orphan lobby (no record) no longer listed by the runtime; the stop sent to it was not "
                            + "acknowledged, so it is not counted as stopped", "onAlreadyGone"),
            new Case(new AlreadyGone("h", "l2", "s2", true), Level.INFO,
                    "Lobby no longer listed by the runtime; record removed", "onAlreadyGone"),
            new Case(new AlreadyGone("h", "l2", "s2", false), Level.WARN,
                    "Lobby no longer listed by the runtime, but the store could not remove its record; the next cycle "
                            + "retries", "onAlreadyGone"),
            new Case(new Failed("h", "l3", "s3", FailureReason.STOP_REJECTED, "Invalid PIN", 2, T), Level.WARN,
                    "Lobby cleanup failed; the lobby may still run, its record is kept and the stop will be retried",
                    "onFailed"),
            new Case(new OrphanReported("h", "l4", T, AGE, true), Level.WARN,
                    "Lobby runs with no record past the orphan grace period and needs a PIN the library does not "
                            + "have; stop it on the streaming server", "onOrphanReported"),
            new Case(new OrphanReported("h", "l4", T, AGE, false), Level.WARN,
                    "Lobby runs with no record past the orphan grace period; orphan stopping is off",
                    "onOrphanReported"),
            new Case(new OrphanStopped("h", "l5", T, AGE), Level.INFO,
                    "Orphan lobby (no record) stopped after the grace period and verified gone", "onOrphanStopped"),
            new Case(settled(Resolution.STOPPED), Level.WARN,
                    "Lobby created under an unfinished reservation was stopped with its stored PIN and verified gone; "
                            + "its slot is free", "onReservationSettled"),
            new Case(settled(Resolution.ABSENT), Level.INFO,
                    "Unfinished reservation settled: its lobby never appeared; its slot is free",
                    "onReservationSettled"),
            new Case(settled(Resolution.COMMITTED), Level.INFO,
                    "Reservation settled: its lobby was already committed", "onReservationSettled"),
            new Case(settled(Resolution.EXPIRED), Level.INFO,
                    "Reservation expired without a create attempt; removed", "onReservationSettled"),
            new Case(new SessionStopped("h", "s6", "desktop", T, AGE), Level.INFO,
                    "Leaked streaming session (in no lobby, streamed by no client) stopped and verified gone",
                    "onSessionStopped"),
            new Case(new SessionAlreadyGone("h", "s7"), Level.INFO,
                    "Leaked streaming session no longer listed by the server; not counted as stopped",
                    "onSessionAlreadyGone"),
            new Case(new SessionFailed("h", "s8", FailureReason.UNVERIFIED, "gone away", 1, T), Level.WARN,
                    "Stopping a leaked streaming session failed; it may still run and the stop will be retried",
                    "onSessionFailed"),
            new Case(new SessionReported("h", "s9", "desktop", T, AGE), Level.WARN,
                    "Streaming session in no lobby and streamed by no client past the session grace; session cleanup "
                            + "only reports, so it is left running", "onSessionReported"),
            new Case(new WouldAct("h", "l10", WouldAct.Action.STOP_LOBBY, "IDLE_TIMEOUT"), Level.INFO,
                    "Dry run: the cycle would do this and did not", "onWouldAct"));

    /** Hears every event, noting which method heard it. */
    private static final class Heard implements CleanupListener {
        final List<Map.Entry<String, Object>> calls = new ArrayList<>();

        private void note(String method, Object event) {
            calls.add(Map.entry(method, event));
        }

        @Override
        public void onStopped(Stopped o) {
            note("onStopped", o);
        }

        @Override
        public void onAlreadyGone(AlreadyGone o) {
            note("onAlreadyGone", o);
        }

        @Override
        public void onFailed(Failed o) {
            note("onFailed", o);
        }

        @Override
        public void onOrphanReported(OrphanReported o) {
            note("onOrphanReported", o);
        }

        @Override
        public void onOrphanStopped(OrphanStopped o) {
            note("onOrphanStopped", o);
        }

        @Override
        public void onReservationSettled(ReservationSettled o) {
            note("onReservationSettled", o);
        }

        @Override
        public void onSessionStopped(SessionStopped o) {
            note("onSessionStopped", o);
        }

        @Override
        public void onSessionAlreadyGone(SessionAlreadyGone o) {
            note("onSessionAlreadyGone", o);
        }

        @Override
        public void onSessionFailed(SessionFailed o) {
            note("onSessionFailed", o);
        }

        @Override
        public void onSessionReported(SessionReported o) {
            note("onSessionReported", o);
        }

        @Override
        public void onWouldAct(WouldAct o) {
            note("onWouldAct", o);
        }

        @Override
        public void onCycleCompleted(CycleReport r) {
            note("onCycleCompleted", r);
        }
    }

    private static LogCapture capture() {
        return LogCapture.of(OutcomeReporter.class.getName());
    }

    @Test
    void eachOutcomeIsLoggedOnceAtItsLevelWithItsSentenceAndTheLobby() {
        for (Case c : CASES) {
            try (LogCapture log = capture()) {
                new OutcomeReporter(List.of()).report(c.outcome());
                List<ILoggingEvent> lines = log.events();
                assertThat(lines).as(c.outcome().toString()).hasSize(1);
                assertThat(lines.get(0).getLevel()).as(c.outcome().toString()).isEqualTo(c.level());
                assertThat(lines.get(0).getFormattedMessage()).as(c.outcome().toString()).isEqualTo(c.line());
                assertThat(log.renderedLines().get(0)).contains("host=h").contains(c.outcome().lobbyId());
            }
        }
    }

    @Test
    void eachOutcomeIsHeardByItsOwnListenerMethodOnly() {
        for (Case c : CASES) {
            Heard heard = new Heard();
            new OutcomeReporter(List.of(heard)).report(c.outcome());
            assertThat(heard.calls).as(c.outcome().toString()).containsExactly(Map.entry(c.heardBy(), c.outcome()));
        }
    }

    @Test
    void notifyingOnlyTellsTheListenerAndLogsNothing() {
        Heard heard = new Heard();
        Failed failed = new Failed("h", "l3", "s3", FailureReason.NO_RUNTIME, "", 0, T);
        try (LogCapture log = capture()) {
            new OutcomeReporter(List.of(heard)).notifyListener(failed);
            assertThat(log.events()).isEmpty();
        }
        assertThat(heard.calls).containsExactly(Map.entry("onFailed", failed));
    }

    @Test
    void aCycleThatDidSomethingIsSummedUpInOneLineAndOneThatDidNothingIsSilent() {
        List<CleanupOutcome> outcomes = new ArrayList<>();
        CASES.forEach(c -> outcomes.add(c.outcome()));
        CycleReport busy = new CycleReport(T, CycleReport.Status.COMPLETED, outcomes, List.of("h2", "h3"));
        CycleReport quiet = new CycleReport(T, CycleReport.Status.COMPLETED, List.of(), List.of("h2"));
        Heard heard = new Heard();
        OutcomeReporter reporter = new OutcomeReporter(List.of(heard));
        try (LogCapture log = capture()) {
            reporter.cycleCompleted(busy);
            assertThat(log.at(Level.INFO)).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("Lobby cleanup cycle finished");
            assertThat(log.renderedLines().get(0)).contains("stopped=2", "alreadyGone=3", "failed=1",
                    "orphansReported=2", "orphansStopped=1", "reservationsSettled=4", "sessionsStopped=1",
                    "sessionsFailed=1", "sessionsReported=1", "wouldAct=1", "unreachableHosts=2");
            log.clear();
            reporter.cycleCompleted(quiet);
            assertThat(log.events()).isEmpty();
        }
        assertThat(heard.calls).containsExactly(Map.entry("onCycleCompleted", busy),
                Map.entry("onCycleCompleted", quiet));
    }

    @Test
    void aThrowingListenerIsWarnedAboutOnceThenQuietlyAndTheOthersStillHear() {
        CleanupListener throwing = new CleanupListener() {
            @Override
            public void onSessionAlreadyGone(SessionAlreadyGone outcome) {
                throw new IllegalStateException("listener bug");
            }
        };
        Heard after = new Heard();
        OutcomeReporter reporter = new OutcomeReporter(List.of(throwing, after));
        SessionAlreadyGone gone = new SessionAlreadyGone("h", "s7");
        try (LogCapture log = capture()) {
            reporter.report(gone);
            reporter.report(gone);
            List<ILoggingEvent> aboutListener = log.events().stream()
                    .filter(e -> e.getFormattedMessage().contains(throwing.getClass().getName())).toList();
            assertThat(aboutListener).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.DEBUG);
            assertThat(aboutListener.get(0).getFormattedMessage()).isEqualTo("Cleanup listener "
                    + throwing.getClass().getName() + " threw; ignored, and later throws are logged at DEBUG");
            assertThat(aboutListener.get(0).getThrowableProxy().getMessage()).isEqualTo("listener bug");
            assertThat(aboutListener.get(1).getFormattedMessage())
                    .isEqualTo("Cleanup listener " + throwing.getClass().getName() + " threw again; ignored");
        }
        assertThat(after.calls).containsExactly(Map.entry("onSessionAlreadyGone", gone),
                Map.entry("onSessionAlreadyGone", gone));
    }
}
