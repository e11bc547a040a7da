package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Kind;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.SessionCleanup;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.StreamSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reaper's streaming-session cleanup and its dry run, against the simulated Wolf. */
class SessionCleanupIntegrationTest {

    private static final Duration GRACE = ReaperConfig.DEFAULT_SESSION_GRACE;
    private static final ReaperConfig STOPPING = ReaperConfig.builder().sessionCleanup(SessionCleanup.STOP).build();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2025-11-05T12:00:00Z");
    private final InMemorySessionStore store = new InMemorySessionStore();

    private LobbyReaper reaper(WolfClient client, ReaperConfig config) {
        return LobbyReaper.builder(store, Map.of("wolf-1", new WolfLobbyRuntime(client))).config(config).clock(clock)
                .build();
    }

    @Test
    void sessionCleanupIsOffByDefaultSoALeakedSessionKeepsRunning() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim);
                LobbyReaper reaper = reaper(client, ReaperConfig.defaults())) {
            String leaked = sim.createSession("10.0.0.1");
            sim.abandonSession(leaked);

            reaper.runOnce();
            clock.advance(GRACE.multipliedBy(3));
            CycleReport later = reaper.runOnce();

            assertThat(later.outcomes()).isEmpty();
            assertThat(sim.requestCount("GET", "/api/v1/sessions")).isZero();
            assertThat(client.listSessions()).extracting(StreamSession::id).containsExactly(leaked);
        }
    }

    @Test
    void stopsASessionSeenLooseInTwoListingsPastTheGraceAndVerifiesItGone() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim);
                LobbyReaper reaper = reaper(client, STOPPING)) {
            String leaked = sim.createSession("10.0.0.1");
            sim.abandonSession(leaked);

            CycleReport first = reaper.runOnce();
            clock.advance(GRACE);
            CycleReport second = reaper.runOnce();

            assertThat(first.outcomes()).isEmpty();
            assertThat(second.outcomes()).singleElement().isInstanceOfSatisfying(CleanupOutcome.SessionStopped.class,
                    s -> {
                        assertThat(s.sessionId()).isEqualTo(leaked);
                        assertThat(s.age()).isEqualTo(GRACE);
                    });
            assertThat(client.listSessions()).isEmpty();
        }
    }

    @Test
    void oneListingIsNotEnoughHoweverLongAfterTheGrace() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim);
                LobbyReaper reaper = reaper(client, STOPPING)) {
            clock.advance(GRACE.multipliedBy(10));
            String leaked = sim.createSession("10.0.0.1");
            sim.abandonSession(leaked);

            CycleReport only = reaper.runOnce();

            assertThat(only.outcomes()).isEmpty();
            assertThat(client.listSessions()).hasSize(1);
        }
    }

    @Test
    void twoListingsWithinTheGraceAreNotEnough() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim);
                LobbyReaper reaper = reaper(client, STOPPING)) {
            String leaked = sim.createSession("10.0.0.1");
            sim.abandonSession(leaked);

            reaper.runOnce();
            clock.advance(GRACE.minusSeconds(1));
            CycleReport second = reaper.runOnce();

            assertThat(second.outcomes()).isEmpty();
            assertThat(client.listSessions()).hasSize(1);
        }
    }

    @Test
    void neverTouchesASessionInALobbyOrOneWhoseClientStreams() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim);
                LobbyReaper reaper = reaper(client, STOPPING.toBuilder().stopOrphans(false).build())) {
            String lobby = client.createLobby(Clients.lobby("shared"));
            String inLobby = sim.createSession("10.0.0.1");
            client.joinLobby(new JoinLobbyRequest(lobby, inLobby, null));
            String streaming = sim.createSession("10.0.0.2");

            for (int i = 0; i < 5; i++) {
                reaper.runOnce().outcomes().forEach(o -> assertThat(o.kind()).isNotIn(Kind.SESSION_STOPPED,
                        Kind.SESSION_FAILED, Kind.SESSION_REPORTED, Kind.SESSION_ALREADY_GONE));
                clock.advance(GRACE);
            }

            assertThat(client.listSessions()).extracting(StreamSession::id).containsExactly(inLobby, streaming);
            assertThat(sim.requestCount("POST", "/api/v1/sessions/stop")).isZero();
        }
    }

    @Test
    void reportOnlyModeReportsALeakOnceAndLeavesItRunning() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim);
                LobbyReaper reaper = reaper(client, STOPPING.toBuilder().sessionCleanup(SessionCleanup.REPORT).build())) {
            String leaked = sim.createSession("10.0.0.1");
            sim.abandonSession(leaked);

            reaper.runOnce();
            clock.advance(GRACE);
            CycleReport reported = reaper.runOnce();
            clock.advance(GRACE);
            CycleReport after = reaper.runOnce();

            assertThat(reported.outcomes()).singleElement().isInstanceOfSatisfying(
                    CleanupOutcome.SessionReported.class, r -> assertThat(r.sessionId()).isEqualTo(leaked));
            assertThat(after.outcomes()).isEmpty();
            assertThat(client.listSessions()).hasSize(1);
            assertThat(sim.requestCount("POST", "/api/v1/sessions/stop")).isZero();
        }
    }

    @Test
    void stopsNothingOnAWolfWithoutAClientList() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().withoutForkEndpoints().start(dir);
                WolfClient client = Clients.of(sim); LobbyReaper reaper = reaper(client, STOPPING)) {
            String leaked = sim.createSession("10.0.0.1");
            sim.abandonSession(leaked);

            reaper.runOnce();
            clock.advance(GRACE.multipliedBy(2));
            CycleReport later = reaper.runOnce();

            assertThat(later.outcomes()).isEmpty();
            assertThat(client.listSessions()).hasSize(1);
        }
    }

    @Test
    void aDryRunSaysWhatItWouldStopAndChangesNothing() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim);
                LobbyReaper reaper = reaper(client, STOPPING.toBuilder().dryRun(true).build())) {
            String orphan = sim.createLeakedLobby("leaked", Optional.empty());
            String leaked = sim.createSession("10.0.0.1");
            sim.abandonSession(leaked);

            reaper.runOnce();
            clock.advance(ReaperConfig.DEFAULT_ORPHAN_GRACE);
            CycleReport plan = reaper.runOnce();

            assertThat(plan.outcomes()).allSatisfy(o -> assertThat(o).isInstanceOf(WouldAct.class))
                    .extracting(o -> ((WouldAct) o).action(), CleanupOutcome::lobbyId)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(WouldAct.Action.STOP_ORPHAN, orphan),
                            org.assertj.core.groups.Tuple.tuple(WouldAct.Action.STOP_SESSION, leaked));
            assertThat(sim.lobbies()).hasSize(1);
            assertThat(client.listSessions()).hasSize(1);
            assertThat(sim.requestCount("POST", "/api/v1/sessions/stop")).isZero();
            assertThat(sim.requestCount("POST", "/api/v1/lobbies/stop")).isZero();
        }
    }
}
