package dev.lobbygovernor.core.cleanup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionAlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionFailed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionStopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.runtime.LiveSession;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.testing.FakeSessionRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Carrying out a host's session plan: a fresh listing just before stopping, the stop, and a
 * verifying listing; only a session that listing no longer shows counts as stopped.
 */
class SessionCleanupRunTest {

    private static final String HOST = "wolf-1";
    private static final Instant LOOSE_SINCE = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant NOW = LOOSE_SINCE.plus(Duration.ofMinutes(7));
    private static final Duration AGE = Duration.ofMinutes(7);
    private static final ReaperConfig CONFIG = ReaperConfig.builder()
            .retryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(40)).build();

    private final FakeSessionRuntime server = new FakeSessionRuntime();
    private final RetryBook retries = new RetryBook(CONFIG);
    private final List<CleanupOutcome> heard = new ArrayList<>();
    private final OutcomeReporter reporter = new OutcomeReporter(List.of(new CleanupListener() {
        @Override
        public void onSessionStopped(SessionStopped outcome) {
            heard.add(outcome);
        }

        @Override
        public void onSessionAlreadyGone(SessionAlreadyGone outcome) {
            heard.add(outcome);
        }

        @Override
        public void onSessionFailed(SessionFailed outcome) {
            heard.add(outcome);
        }

        @Override
        public void onSessionReported(SessionReported outcome) {
            heard.add(outcome);
        }

        @Override
        public void onWouldAct(WouldAct outcome) {
            heard.add(outcome);
        }
    }));
    private final SessionCleanupRun run = new SessionCleanupRun(HOST, server, retries, reporter, NOW);

    private static SessionPlanner.Leak stop(String id) {
        return new SessionPlanner.Leak(new LiveSession(id, "app-" + id), LOOSE_SINCE, true);
    }

    private static SessionPlanner.Plan plan(SessionPlanner.Leak... leaks) {
        return new SessionPlanner.Plan(List.of(leaks), Map.of());
    }

    private List<CleanupOutcome> execute(SessionPlanner.Plan plan) {
        List<CleanupOutcome> out = run.execute(plan, false);
        assertThat(heard).as("the listener hears every outcome, in order").isEqualTo(out);
        return out;
    }

    @Test
    void aStoppedSessionThatTheVerifyingListingNoLongerShowsIsReportedStoppedWithItsAge() {
        server.run("s1", "app-s1");
        retries.failed("s1", NOW.minusSeconds(60));

        assertThat(execute(plan(stop("s1"))))
                .containsExactly(new SessionStopped(HOST, "s1", "app-s1", LOOSE_SINCE, AGE));
        assertThat(server.stopsSent).containsExactly("s1");
        assertThat(server.listCalls()).as("one listing before the stop, one to verify it").isEqualTo(2);
        assertThat(retries.failures("s1")).as("a verified stop ends the backoff").isZero();
        assertThat(run.noLongerLoose()).containsExactly("s1");
    }

    @Test
    void aReportOnlyLeakIsReportedWithItsAgeAndNothingIsListedOrStopped() {
        server.run("s1", "app-s1");
        SessionPlanner.Leak report = new SessionPlanner.Leak(new LiveSession("s1", "app-s1"), LOOSE_SINCE, false);

        assertThat(execute(plan(report))).containsExactly(new SessionReported(HOST, "s1", "app-s1", LOOSE_SINCE, AGE));
        assertThat(server.listCalls()).isZero();
        assertThat(server.stopsSent).isEmpty();
        assertThat(run.noLongerLoose()).isEmpty();
    }

    @Test
    void aDryRunSaysItWouldStopTheSessionAndTouchesNothing() {
        server.run("s1", "app-s1");

        assertThat(run.execute(plan(stop("s1")), true)).containsExactly(
                new WouldAct(HOST, "s1", WouldAct.Action.STOP_SESSION, "LEAKED_SESSION"));
        assertThat(heard).hasSize(1);
        assertThat(server.listCalls()).isZero();
        assertThat(server.stopsSent).isEmpty();
        assertThat(server.isRunning("s1")).isTrue();
    }

    @Test
    void anEmptyPlanListsNothing() {
        assertThat(execute(plan())).isEmpty();
        assertThat(server.listCalls()).isZero();
    }

    @Test
    void aSessionGoneBeforeTheStopIsAlreadyGoneAndNoStopIsSent() {
        retries.failed("s1", NOW.minusSeconds(60));

        assertThat(execute(plan(stop("s1")))).containsExactly(new SessionAlreadyGone(HOST, "s1"));
        assertThat(server.stopsSent).isEmpty();
        assertThat(server.listCalls()).as("no verifying listing when nothing was sent").isEqualTo(1);
        assertThat(retries.failures("s1")).isZero();
        assertThat(run.noLongerLoose()).containsExactly("s1");
    }

    @Test
    void aSessionAttachedSincePlanningIsLeftAloneWithoutAnOutcomeAndItsRunEnds() {
        server.run("s1", "app-s1").run("s2", "app-s2");
        server.streaming.add("s1");

        assertThat(execute(plan(stop("s1"), stop("s2"))))
                .containsExactly(new SessionStopped(HOST, "s2", "app-s2", LOOSE_SINCE, AGE));
        assertThat(server.stopsSent).containsExactly("s2");
        assertThat(server.isRunning("s1")).isTrue();
        assertThat(run.noLongerLoose()).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void aSessionListedTwiceUnderOneIdIsStoppedOnceAndVerifiedOnce() {
        server.run("s1", "app-s1").run("s1", "app-s1");

        assertThat(execute(plan(stop("s1"))))
                .containsExactly(new SessionStopped(HOST, "s1", "app-s1", LOOSE_SINCE, AGE));
        assertThat(server.stopsSent).containsExactly("s1");
    }

    @Test
    void aFailedListingBeforeStoppingSendsNothingAndGrowsNoBackoff() {
        server.run("s1", "app-s1").run("s2", "app-s2");
        retries.failed("s2", NOW.minusSeconds(60));
        server.listFailures.add(new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "connect refused"));

        String detail = "not stopped: the sessions could not be listed again before stopping: connect refused";
        assertThat(execute(plan(stop("s1"), stop("s2")))).containsExactly(
                new SessionFailed(HOST, "s1", FailureReason.RUNTIME_UNAVAILABLE, detail, 0, NOW),
                new SessionFailed(HOST, "s2", FailureReason.RUNTIME_UNAVAILABLE, detail, 1, NOW));
        assertThat(server.stopsSent).isEmpty();
        assertThat(retries.failures("s1")).isZero();
        assertThat(retries.failures("s2")).isEqualTo(1);
        assertThat(run.noLongerLoose()).isEmpty();
    }

    @Test
    void aListingThatThrowsSomethingUnexpectedBeforeStoppingIsAProtocolFailure() {
        server.run("s1", "app-s1");
        server.listFailures.add(new IllegalStateException("bad json"));

        assertThat(execute(plan(stop("s1")))).containsExactly(new SessionFailed(HOST, "s1",
                FailureReason.RUNTIME_PROTOCOL,
                "not stopped: the sessions could not be listed again before stopping: bad json", 0, NOW));
        assertThat(server.stopsSent).isEmpty();
    }

    @Test
    void aRefusedListingBeforeStoppingKeepsTheRuntimesKindOfFailure() {
        server.run("s1", "app-s1");
        server.listFailures.add(new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "500"));

        assertThat(execute(plan(stop("s1")))).extracting(o -> ((SessionFailed) o).reason())
                .containsExactly(FailureReason.STOP_REJECTED);
    }

    @Test
    void anAcknowledgedStopOfASessionStillListedFailsAsStillRunningAndBacksOff() {
        server.run("s1", "app-s1");
        server.ignoreStops.add("s1");

        assertThat(execute(plan(stop("s1")))).containsExactly(new SessionFailed(HOST, "s1",
                FailureReason.STILL_RUNNING, "the server acknowledged the stop but still lists the session", 1,
                NOW.plusSeconds(10)));
        assertThat(retries.failures("s1")).isEqualTo(1);
        assertThat(run.noLongerLoose()).isEmpty();
    }

    @Test
    void eachFurtherFailureInARowDoublesTheWaitBeforeTheNextTry() {
        server.run("s1", "app-s1");
        server.ignoreStops.add("s1");
        retries.failed("s1", NOW.minusSeconds(60));

        assertThat(execute(plan(stop("s1")))).extracting(o -> (SessionFailed) o)
                .extracting(SessionFailed::consecutiveFailures, SessionFailed::retryNotBefore)
                .containsExactly(tuple(2, NOW.plusSeconds(20)));
    }

    @Test
    void aRefusedStopOfASessionStillListedFailsWithTheRuntimesReasonAndMessage() {
        server.run("s1", "app-s1").run("s2", "app-s2");
        server.stopFailures.put("s1", new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "unknown session"));
        server.stopFailures.put("s2", new IllegalArgumentException("no body"));

        assertThat(execute(plan(stop("s1"), stop("s2")))).containsExactly(
                new SessionFailed(HOST, "s1", FailureReason.STOP_REJECTED, "unknown session", 1, NOW.plusSeconds(10)),
                new SessionFailed(HOST, "s2", FailureReason.RUNTIME_PROTOCOL, "IllegalArgumentException: no body", 1,
                        NOW.plusSeconds(10)));
        assertThat(server.stopsSent).containsExactly("s1", "s2");
    }

    @Test
    void aStopThatFailedButWhoseSessionIsGoneIsAlreadyGoneNotStopped() {
        server.run("s1", "app-s1");
        server.stopFailures.put("s1", new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "timeout"));
        server.beforeStop = () -> server.sessions.clear(); // the server acted, its reply was lost
        retries.failed("s1", NOW.minusSeconds(60));

        assertThat(execute(plan(stop("s1")))).containsExactly(new SessionAlreadyGone(HOST, "s1"));
        assertThat(retries.failures("s1")).isZero();
        assertThat(run.noLongerLoose()).containsExactly("s1");
    }

    @Test
    void aStopThatCannotBeVerifiedIsAFailureThatBacksOff() {
        server.run("s1", "app-s1");
        server.afterList = () -> server.listFailures.add(
                new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "gone away"));

        assertThat(execute(plan(stop("s1")))).containsExactly(new SessionFailed(HOST, "s1",
                FailureReason.UNVERIFIED, "the stop was sent but the sessions could not be listed again: gone away", 1,
                NOW.plusSeconds(10)));
        assertThat(server.stopsSent).containsExactly("s1");
        assertThat(retries.failures("s1")).isEqualTo(1);
        assertThat(run.noLongerLoose()).isEmpty();
    }

    @Test
    void aVerifyingListingThatThrowsSomethingUnexpectedIsAlsoUnverified() {
        server.run("s1", "app-s1");
        server.afterList = () -> server.listFailures.add(new IllegalStateException("truncated"));

        assertThat(execute(plan(stop("s1")))).extracting(o -> ((SessionFailed) o).detail())
                .containsExactly("the stop was sent but the sessions could not be listed again: truncated");
    }
}
