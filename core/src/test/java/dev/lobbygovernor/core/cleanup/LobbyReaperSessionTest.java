package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionStopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.FakeSessionRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Leaked streaming sessions across cycles: a session seen loose in two listings in a row, the
 * first at least the session grace ago, is stopped (or reported); a failed listing, an attached
 * listing or a verified stop starts its count again.
 */
class LobbyReaperSessionTest {

    private static final String HOST = "wolf-1";
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final ReaperConfig STOP = ReaperConfig.builder().sessionCleanup(SessionCleanup.STOP)
            .sessionGrace(GRACE).interval(Duration.ofMinutes(3)).build();

    private final MutableClock clock = MutableClock.at("2025-03-01T12:00:00Z");
    private final FakeSessionRuntime server = new FakeSessionRuntime();
    private final RecordingListener events = new RecordingListener();

    private LobbyReaper reaper(ReaperConfig config) {
        return LobbyReaper.builder(new InMemorySessionStore(), Map.of(HOST, server)).config(config).clock(clock)
                .listener(events).build();
    }

    private CycleReport cycleAfter(LobbyReaper reaper, Duration wait) {
        clock.advance(wait);
        return reaper.runOnce();
    }

    private static List<CleanupOutcome> sessionOutcomes(CycleReport report) {
        return report.outcomes().stream().filter(o -> o.kind().name().startsWith("SESSION")
                || o instanceof WouldAct).toList();
    }

    @Test
    void aSessionLooseInTwoListingsAtLeastTheGraceApartIsStoppedAndVerified() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP);
        Instant first = clock.instant();
        assertThat(sessionOutcomes(reaper.runOnce())).isEmpty();
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE.minusMillis(1)))).as("one millisecond short of the grace")
                .isEmpty();
        assertThat(server.stopsSent).isEmpty();

        CycleReport due = cycleAfter(reaper, Duration.ofMillis(1));

        assertThat(sessionOutcomes(due)).containsExactly(new SessionStopped(HOST, "s1", "desktop", first, GRACE));
        assertThat(events.outcomes).containsExactly(new SessionStopped(HOST, "s1", "desktop", first, GRACE));
        assertThat(server.isRunning("s1")).isFalse();
    }

    @Test
    void sessionCleanupOffNeverListsSessions() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP.toBuilder().sessionCleanup(SessionCleanup.OFF).build());
        reaper.runOnce();
        cycleAfter(reaper, GRACE);
        assertThat(server.listCalls()).isZero();
        assertThat(server.isRunning("s1")).isTrue();
    }

    @Test
    void aSessionSeenAgainAfterItWasStoppedStartsANewRun() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP);
        reaper.runOnce();
        cycleAfter(reaper, GRACE);
        assertThat(server.isRunning("s1")).isFalse();

        server.run("s1", "desktop"); // the same id comes back, loose
        Instant back = clock.instant().plus(GRACE);
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).as("a first sighting, whatever came before").isEmpty();
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE)))
                .containsExactly(new SessionStopped(HOST, "s1", "desktop", back, GRACE));
    }

    @Test
    void aFailedListingStartsEveryRunAgain() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP);
        reaper.runOnce();
        server.listFailures.add(new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "down"));
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).isEmpty();
        Instant again = clock.instant().plus(GRACE);
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).as("seen loose once since the failure").isEmpty();
        assertThat(server.stopsSent).isEmpty();

        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE)))
                .containsExactly(new SessionStopped(HOST, "s1", "desktop", again, GRACE));
    }

    @Test
    void aNullListingCountsAsAFailedOne() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP);
        reaper.runOnce();
        server.nullListings = 1;
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).isEmpty();
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).as("seen loose once since the null listing").isEmpty();
        assertThat(server.stopsSent).isEmpty();
    }

    @Test
    void aSessionAttachedInOneListingStartsItsRunAgain() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP);
        reaper.runOnce();
        server.streaming.add("s1");
        cycleAfter(reaper, GRACE);
        server.streaming.remove("s1");
        Instant loose = clock.instant().plus(GRACE);
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).isEmpty();
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE)))
                .containsExactly(new SessionStopped(HOST, "s1", "desktop", loose, GRACE));
    }

    @Test
    void aSessionAttachedBetweenPlanningAndStoppingIsLeftAloneAndStartsAgain() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP);
        reaper.runOnce();
        // planning lists it loose, the listing just before the stop finds a client on it
        server.afterList = () -> {
            server.streaming.add("s1");
            server.afterList = () -> { };
        };
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).isEmpty();
        assertThat(server.stopsSent).isEmpty();
        server.streaming.remove("s1");

        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).as("its run started again").isEmpty();
        assertThat(server.stopsSent).isEmpty();
    }

    @Test
    void aFailedStopIsRetriedOnlyAfterItsBackoffAndForgottenOnceTheSessionIsGone() {
        ReaperConfig config = STOP.toBuilder().retryBackoff(Duration.ofMinutes(4), Duration.ofMinutes(8)).build();
        server.run("s1", "desktop");
        server.stopFailures.put("s1", new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "busy"));
        LobbyReaper reaper = reaper(config);
        reaper.runOnce();
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).extracting(CleanupOutcome::kind)
                .containsExactly(CleanupOutcome.Kind.SESSION_FAILED);
        assertThat(sessionOutcomes(cycleAfter(reaper, Duration.ofMinutes(4).minusMillis(1))))
                .as("still in backoff").isEmpty();
        assertThat(sessionOutcomes(cycleAfter(reaper, Duration.ofMillis(1)))).extracting(o ->
                ((CleanupOutcome.SessionFailed) o).consecutiveFailures()).containsExactly(2);

        server.sessions.clear(); // it ends on its own: its backoff (8 minutes now) is forgotten
        cycleAfter(reaper, Duration.ofMinutes(1));
        server.run("s1", "desktop");
        server.stopFailures.clear();
        reaper.runOnce();
        Instant back = clock.instant();
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).as("no backoff held over from its earlier run")
                .containsExactly(new SessionStopped(HOST, "s1", "desktop", back, GRACE));
    }

    @Test
    void reportModeReportsALeakOnceAndLeavesItRunning() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP.toBuilder().sessionCleanup(SessionCleanup.REPORT).build());
        Instant first = clock.instant();
        reaper.runOnce();
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE)))
                .containsExactly(new SessionReported(HOST, "s1", "desktop", first, GRACE));
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).isEmpty();
        assertThat(server.stopsSent).isEmpty();
        assertThat(server.isRunning("s1")).isTrue();
    }

    @Test
    void aDryRunSaysWhichSessionItWouldStopEveryCycleAndStopsNone() {
        server.run("s1", "desktop");
        LobbyReaper reaper = reaper(STOP.toBuilder().dryRun(true).build());
        reaper.runOnce();
        WouldAct would = new WouldAct(HOST, "s1", WouldAct.Action.STOP_SESSION, "LEAKED_SESSION");
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).containsExactly(would);
        assertThat(sessionOutcomes(cycleAfter(reaper, GRACE))).containsExactly(would);
        assertThat(server.stopsSent).isEmpty();
    }

    @Test
    void aServerWithoutAClientListIsWarnedAboutOnceUntilItGivesOneAgain() {
        server.run("s1", "desktop");
        server.clientsKnown = false;
        String warning = "does not say which clients stream";
        try (LogCapture log = LogCapture.of("dev.lobbygovernor.core.cleanup")) {
            LobbyReaper reaper = reaper(STOP);
            reaper.runOnce();
            cycleAfter(reaper, GRACE);
            cycleAfter(reaper, GRACE);
            assertThat(log.at(Level.WARN)).filteredOn(e -> e.getFormattedMessage().contains(warning)).hasSize(1);
            assertThat(server.stopsSent).as("no session is judged without a client list").isEmpty();

            server.clientsKnown = true;
            cycleAfter(reaper, GRACE);
            server.clientsKnown = false;
            cycleAfter(reaper, GRACE);
            assertThat(log.at(Level.WARN)).filteredOn(e -> e.getFormattedMessage().contains(warning)).hasSize(2);
        }
    }
}
