package dev.lobbygovernor.core.cleanup;

import static dev.lobbygovernor.core.cleanup.ReaperRig.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.AlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Failed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.testing.LogCapture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every failure keeps the record, is named, and is retried; nothing is called stopped unless verified. */
class LobbyReaperFailureTest {

    private final ReaperRig rig = new ReaperRig();

    private Failed onlyFailure(CycleReport report) {
        assertThat(report.outcomes()).hasSize(1).first().isInstanceOf(Failed.class);
        return (Failed) report.outcomes().get(0);
    }

    @Test
    void aStopTheRuntimeAcknowledgesButDoesNotPerformFailsKeepsTheRecordAndIsRetriedNextCycle() {
        rig.commit("lobby-a", "session-a", "4821");
        rig.memory.hardDeleteSession("session-a");
        rig.runtime.setIgnoreStops(true);

        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.cleanup")) {
            Failed failed = onlyFailure(rig.cycle());
            assertThat(failed.reason()).isEqualTo(FailureReason.STILL_RUNNING);
            assertThat(failed.consecutiveFailures()).isEqualTo(1);
            assertThat(logs.renderedLines()).noneSatisfy(l -> assertThat(l).containsIgnoringCase("verified gone"));
            assertThat(logs.at(ch.qos.logback.classic.Level.WARN)).isNotEmpty();
        }
        assertThat(rig.memory.findLobby("lobby-a")).isPresent();

        rig.runtime.setIgnoreStops(false);
        assertThat(rig.cycle().outcomes()).containsExactly(
                new Stopped(HOST, "lobby-a", "session-a", StopReason.SESSION_GONE, true));
        assertThat(rig.memory.findLobby("lobby-a")).isEmpty();
    }

    @Test
    void aStoreThatCannotRemoveLeavesTheLobbyStoppedAndTheRecordForTheNextCycle() {
        rig.commit("lobby-a", "session-a", "4821");
        rig.memory.hardDeleteSession("session-a");
        rig.store.failRemovals = true;

        assertThat(rig.cycle().outcomes()).containsExactly(
                new Stopped(HOST, "lobby-a", "session-a", StopReason.SESSION_GONE, false));
        assertThat(rig.runtime.isRunning("lobby-a")).isFalse();
        assertThat(rig.memory.findLobby("lobby-a")).isPresent();

        rig.store.failRemovals = false;
        assertThat(rig.cycle().outcomes()).containsExactly(new AlreadyGone(HOST, "lobby-a", "session-a", true));
        assertThat(rig.memory.findLobby("lobby-a")).isEmpty();
    }

    @Test
    void anUnreachableRuntimeRemovesNothingAndStopsNothing() {
        rig.commit("due", "s1", "1234");
        rig.commit("live", "s2", "5678");
        rig.memory.hardDeleteSession("s1");
        rig.runtime.setUnreachable(true);

        CycleReport report = rig.cycle();

        assertThat(report.unreachableHosts()).containsExactly(HOST);
        assertThat(onlyFailure(report).reason()).isEqualTo(FailureReason.RUNTIME_UNAVAILABLE);
        assertThat(rig.memory.allLobbies()).extracting(LobbyRecord::lobbyId).containsExactlyInAnyOrder("due", "live");
        assertThat(rig.runtime.stopCalls()).isZero();
    }

    @Test
    void anUnreachableRuntimeIsLoggedOnceNotEveryCycleAndItsRecoveryOnce() {
        rig.commit("due", "s1", "1234");
        rig.memory.hardDeleteSession("s1");
        rig.runtime.setUnreachable(true);
        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.cleanup")) {
            rig.cycle();
            rig.cycle();
            rig.cycle();
            assertThat(logs.renderedLines()).filteredOn(l -> l.contains("cannot be listed")).hasSize(1);
            rig.runtime.setUnreachable(false);
            rig.cycle();
            assertThat(logs.renderedLines()).filteredOn(l -> l.contains("answers again")).hasSize(1);
        }
        assertThat(rig.runtime.isRunning("due")).isFalse();
    }

    @Test
    void aStopThatCannotBeVerifiedIsAFailureNotASuccess() {
        AtomicInteger lists = new AtomicInteger();
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                if (lists.incrementAndGet() == 2) {
                    throw new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "socket closed");
                }
                return rig.runtime.listLobbies();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                rig.runtime.stopLobby(lobbyId, pin);
            }
        };
        rig.reaper = rig.newReaper();
        rig.commit("lobby-a", "session-a", "4821");
        rig.memory.hardDeleteSession("session-a");

        Failed failed = onlyFailure(rig.cycle());

        assertThat(failed.reason()).isEqualTo(FailureReason.UNVERIFIED);
        assertThat(rig.memory.findLobby("lobby-a")).as("kept until verified").isPresent();
        assertThat(rig.cycle().outcomes()).containsExactly(new AlreadyGone(HOST, "lobby-a", "session-a", true));
    }

    @Test
    void aRejectedStopIsNamedAndItsRetriesBackOff() {
        rig.commit("lobby-a", "session-a", "4821");
        // the record's PIN no longer matches the server's: Wolf answers "Invalid PIN"
        LobbyRecord r = rig.memory.findLobby("lobby-a").orElseThrow();
        rig.memory.saveLobby(new LobbyRecord(r.lobbyId(), r.hostId(), r.sessionId(), LobbyPin.of("0000"),
                r.createdAt(), r.lastActivityAt()));
        rig.memory.hardDeleteSession("session-a");

        Failed first = onlyFailure(rig.cycle());
        assertThat(first.reason()).isEqualTo(FailureReason.STOP_REJECTED);
        assertThat(first.detail()).contains("Invalid PIN");
        assertThat(first.retryNotBefore()).isEqualTo(rig.clock.instant().plus(ReaperConfig.DEFAULT_RETRY_BACKOFF));

        Failed second = onlyFailure(rig.cycle());
        assertThat(second.consecutiveFailures()).isEqualTo(2);
        assertThat(second.retryNotBefore()).isEqualTo(rig.clock.instant().plus(ReaperConfig.DEFAULT_MAX_RETRY_BACKOFF));

        int stops = rig.runtime.stopCalls();
        assertThat(rig.cycle().outcomes()).as("held back by the backoff").isEmpty();
        assertThat(rig.runtime.stopCalls()).isEqualTo(stops);
        assertThat(onlyFailure(rig.cycle()).consecutiveFailures()).isEqualTo(3);
    }

    @Test
    void aStoreThatCannotListRecordsSkipsTheCycleAndTouchesNoLobby() {
        rig.runtime.start("unrecorded", null);
        rig.store.failListing = true;

        CycleReport report = rig.cycle();
        rig.advance(ReaperConfig.DEFAULT_ORPHAN_GRACE);
        rig.cycle();

        assertThat(report.status()).isEqualTo(CycleReport.Status.STORE_UNAVAILABLE);
        assertThat(rig.runtime.isRunning("unrecorded")).as("without records every lobby would look orphaned").isTrue();
        assertThat(rig.runtime.listCalls()).isZero();
    }

    @Test
    void aSessionStoreFailureJudgesLobbiesOnIdleTimeAlone() {
        rig.commit("fresh", "s1", null);
        rig.memory.hardDeleteSession("s1");
        rig.store.failSessions = true;

        assertThat(rig.cycle().outcomes()).as("session state unknown: not stopped").isEmpty();

        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT);
        assertThat(rig.cycle().outcomes()).containsExactly(
                new Stopped(HOST, "fresh", "s1", StopReason.IDLE_TIMEOUT, true));
    }

    @Test
    void anIdleLobbyTouchedSinceTheRecordsWereReadIsNotStopped() {
        rig.commit("lobby-a", "s1", null);
        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT);
        // the touch lands between the cycle's read of the records and its stop
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                rig.memory.touchLobby("lobby-a", rig.clock.instant());
                return rig.runtime.listLobbies();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                rig.runtime.stopLobby(lobbyId, pin);
            }
        };
        rig.reaper = rig.newReaper();

        assertThat(rig.cycle().outcomes()).isEmpty();
        assertThat(rig.runtime.isRunning("lobby-a")).isTrue();
    }

    @Test
    void aLobbyThatVanishesUnderAFailedStopIsAlreadyGoneNotStopped() {
        rig.runtime.setFailAfterStopping(new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "read timed out"));
        rig.commit("lobby-a", "session-a", "4821");
        rig.memory.hardDeleteSession("session-a");

        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.cleanup")) {
            assertThat(rig.cycle().outcomes()).containsExactly(new AlreadyGone(HOST, "lobby-a", "session-a", true));
            assertThat(logs.renderedLines()).noneSatisfy(l -> assertThat(l).contains("verified gone"));
        }
        assertThat(rig.memory.findLobby("lobby-a")).isEmpty();
    }
}
