package dev.lobbygovernor.core.cleanup;

import static dev.lobbygovernor.core.cleanup.ReaperRig.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.AlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.testing.LogCapture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reaper's main job: stop the lobbies whose session is gone, soft-deleted or idle, truthfully. */
class LobbyReaperTest {

    private final ReaperRig rig = new ReaperRig();

    @Test
    void stopsTheLobbyOfAHardDeletedSessionWithTheStoredCredentialsVerifiesAndRemovesTheRecord() {
        // the incident: deleting a project hard-deleted its sessions; the lobby must still stop
        rig.commit("lobby-a", "session-a", "4821");
        rig.memory.hardDeleteSession("session-a");
        int listsBefore = rig.runtime.listCalls();

        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.cleanup")) {
            CycleReport report = rig.cycle();

            // the fake runtime refuses any PIN but the exact one, so a stop proves the stored PIN was sent
            assertThat(report.outcomes()).containsExactly(
                    new Stopped(HOST, "lobby-a", "session-a", StopReason.SESSION_GONE, true));
            assertThat(rig.runtime.isRunning("lobby-a")).isFalse();
            assertThat(rig.runtime.listCalls() - listsBefore).as("one listing to plan, one to verify").isEqualTo(2);
            assertThat(rig.memory.findLobby("lobby-a")).isEmpty();
            assertThat(logs.renderedLines()).anySatisfy(line -> assertThat(line)
                    .contains("verified gone").contains("lobby=lobby-a").contains("reason=SESSION_GONE"));
            assertThat(logs.at(ch.qos.logback.classic.Level.WARN)).isEmpty();
        }
    }

    @Test
    void stopsTheLobbyOfASoftDeletedSession() {
        rig.commit("lobby-a", "session-a", "1111");
        rig.memory.softDeleteSession("session-a", rig.clock.instant());

        assertThat(rig.cycle().outcomes()).containsExactly(
                new Stopped(HOST, "lobby-a", "session-a", StopReason.SESSION_SOFT_DELETED, true));
        assertThat(rig.runtime.isRunning("lobby-a")).isFalse();
    }

    @Test
    void stopsALobbyIdlePastTheTimeoutAndSparesOneTouchedInTime() {
        rig.commit("idle", "s1", null);
        rig.commit("busy", "s2", "2222");
        rig.advance(Duration.ofMinutes(29));
        rig.memory.touchLobby("busy", rig.clock.instant());
        rig.advance(Duration.ofMinutes(1));

        assertThat(rig.cycle().outcomes()).containsExactly(
                new Stopped(HOST, "idle", "s1", StopReason.IDLE_TIMEOUT, true));
        assertThat(rig.runtime.isRunning("busy")).isTrue();
        assertThat(rig.memory.findLobby("busy")).isPresent();
    }

    @Test
    void leavesLiveActiveLobbiesAloneAndSaysNothing() {
        rig.commit("lobby-a", "session-a", "1234");
        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.cleanup")) {
            CycleReport report = rig.cycle();
            assertThat(report.outcomes()).isEmpty();
            assertThat(logs.events()).as("no summary for a cycle that did nothing").isEmpty();
        }
        assertThat(rig.runtime.stopCalls()).isZero();
        assertThat(rig.memory.findLobby("lobby-a")).isPresent();
    }

    @Test
    void forgetsTheRecordOfALobbyTheRuntimeNoLongerRuns() {
        rig.commit("lobby-a", "session-a", "1234");
        rig.runtime.restart();
        rig.advance(ReaperConfig.DEFAULT_MAX_CREATE_TIME);

        assertThat(rig.cycle().outcomes()).containsExactly(new AlreadyGone(HOST, "lobby-a", "session-a", true));
        assertThat(rig.memory.findLobby("lobby-a")).isEmpty();
        assertThat(rig.runtime.stopCalls()).isZero();
    }

    @Test
    void keepsAFreshRecordWhoseLobbyTheRuntimeDoesNotListYet() {
        rig.commit("lobby-a", "session-a", "1234");
        rig.runtime.vanish("lobby-a"); // not listed yet: a runtime may list a new lobby late

        assertThat(rig.cycle().outcomes()).isEmpty();
        assertThat(rig.memory.findLobby("lobby-a")).isPresent();
        rig.advance(ReaperConfig.DEFAULT_MAX_CREATE_TIME);
        assertThat(rig.cycle().outcomes()).containsExactly(new AlreadyGone(HOST, "lobby-a", "session-a", true));
    }

    @Test
    void logsOneSummaryLineWithCountsPerOutcome() {
        rig.commit("a", "s1", null);
        rig.commit("b", "s2", null);
        rig.memory.hardDeleteSession("s1");
        rig.runtime.vanish("b");
        rig.advance(ReaperConfig.DEFAULT_MAX_CREATE_TIME);
        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.cleanup")) {
            rig.cycle();
            assertThat(logs.renderedLines()).filteredOn(l -> l.contains("cycle finished")).singleElement()
                    .satisfies(l -> assertThat(l).contains("stopped=1").contains("alreadyGone=1").contains("failed=0"));
            assertThat(logs.events()).hasSize(3);
        }
    }

    @Test
    void tellsTheListenerEachOutcomeThenTheCycle() {
        rig.commit("a", "s1", "0001");
        rig.memory.hardDeleteSession("s1");

        CycleReport report = rig.cycle();

        assertThat(rig.events.outcomes).containsExactlyElementsOf(report.outcomes());
        assertThat(rig.events.cycles).containsExactly(report);
    }

    @Test
    void isIdempotentAcrossARestartBecauseItsStateLivesInTheStore() {
        rig.commit("a", "s1", "0001");
        rig.memory.hardDeleteSession("s1");
        rig.cycle();
        rig.reaper = rig.newReaper();
        int stops = rig.runtime.stopCalls();

        assertThat(rig.cycle().outcomes()).isEmpty();
        assertThat(rig.runtime.stopCalls()).isEqualTo(stops);
    }

    @Test
    void keepsRecordsOfAHostWithNoRuntimeAndReportsThem() {
        rig.memory.saveLobby(new dev.lobbygovernor.store.LobbyRecord("far", "wolf-9", "gone-session", null,
                rig.clock.instant(), rig.clock.instant()));

        CycleReport report = rig.cycle();

        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(CleanupOutcome.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(FailureReason.NO_RUNTIME));
        assertThat(report.unreachableHosts()).containsExactly("wolf-9");
        assertThat(rig.memory.findLobby("far")).isPresent();
    }

    @Test
    void cleansEveryHostItIsGiven() {
        var second = new dev.lobbygovernor.testing.FakeLobbyRuntime();
        LobbyReaper reaper = LobbyReaper.builder(rig.store, Map.of(HOST, rig.runtime, "wolf-2", second))
                .clock(rig.clock).build();
        rig.commit("a", "s1", null);
        second.start("b", null);
        rig.memory.saveLobby(new dev.lobbygovernor.store.LobbyRecord("b", "wolf-2", "s1", null,
                rig.clock.instant(), rig.clock.instant()));
        rig.memory.hardDeleteSession("s1");

        assertThat(reaper.runOnce().count(CleanupOutcome.Kind.STOPPED)).isEqualTo(2);
        assertThat(rig.runtime.size() + second.size()).isZero();
    }
}
