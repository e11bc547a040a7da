package dev.lobbygovernor.core.cleanup;

import static dev.lobbygovernor.core.cleanup.ReaperRig.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.Failed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A failed stop holds its lobby back for the backoff while the cycle still knows the lobby (by a
 * record, or as an orphan), and is forgotten once it knows it no more.
 */
class LobbyReaperBackoffTest {

    private final ReaperRig rig = new ReaperRig(ReaperConfig.builder()
            .retryBackoff(Duration.ofMinutes(5), Duration.ofMinutes(10)).build());

    @Test
    void theBackoffOfALobbyNoLongerRecordedOrListedIsForgotten() {
        rig.commit("a", "s1", "4821");
        LobbyRecord r = rig.memory.findLobby("a").orElseThrow();
        rig.memory.saveLobby(new LobbyRecord("a", HOST, "s1", LobbyPin.of("0000"), r.createdAt(), r.lastActivityAt()));
        rig.memory.hardDeleteSession("s1");
        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).isEqualTo(FailureReason.STOP_REJECTED));
        assertThat(rig.cycle().outcomes()).as("held back while recorded").isEmpty();

        rig.memory.removeLobby("a");
        rig.runtime.vanish("a");
        rig.cycle(); // a cycle that knows nothing of "a"

        rig.commit("a", "s2", "4821"); // a new lobby under the same id, due at once
        rig.memory.hardDeleteSession("s2");
        assertThat(rig.cycle().outcomes()).as("no backoff carried over from the lobby that went")
                .containsExactly(new Stopped(HOST, "a", "s2", StopReason.SESSION_GONE, true));
    }

    @Test
    void anOrphanWhoseStopFailedIsHeldBackForItsBackoffWhileItIsStillSeen() {
        rig.runtime.start("orphan", null);
        rig.cycle();
        rig.advance(ReaperConfig.DEFAULT_ORPHAN_GRACE);
        rig.runtime.setIgnoreStops(true);
        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).isEqualTo(FailureReason.STILL_RUNNING));
        rig.runtime.setIgnoreStops(false);

        assertThat(rig.cycle().outcomes()).as("30 seconds into a 5 minute backoff").isEmpty();
        assertThat(rig.runtime.isRunning("orphan")).isTrue();

        rig.advance(Duration.ofMinutes(5));
        assertThat(rig.cycle().outcomes()).extracting(CleanupOutcome::kind)
                .containsExactly(CleanupOutcome.Kind.ORPHAN_STOPPED);
    }

    /** A rig with the default backoff (one cycle), where a lobby of a gone session failed to stop once. */
    private static ReaperRig failedOnce() {
        ReaperRig rig = new ReaperRig();
        rig.commit("a", "s1", null);
        rig.memory.hardDeleteSession("s1");
        rig.runtime.setIgnoreStops(true);
        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.consecutiveFailures()).isEqualTo(1));
        rig.runtime.setIgnoreStops(false);
        return rig;
    }

    private static int failuresReportedWhileUnreachable(ReaperRig rig) {
        rig.runtime.setUnreachable(true);
        CleanupOutcome o = rig.cycle().outcomes().get(0);
        return ((Failed) o).consecutiveFailures();
    }

    @Test
    void aVerifiedStopEndsTheRunOfFailuresEvenWhenTheRecordCannotBeRemoved() {
        ReaperRig rig = failedOnce();
        rig.store.failRemovals = true;
        assertThat(rig.cycle().outcomes()).containsExactly(new Stopped(HOST, "a", "s1", StopReason.SESSION_GONE, false));

        assertThat(failuresReportedWhileUnreachable(rig)).isZero();
    }

    @Test
    void aRecordForgottenForItsVanishedLobbyEndsTheRunOfFailuresEvenWhenItCannotBeRemoved() {
        ReaperRig rig = failedOnce();
        rig.runtime.vanish("a");
        rig.store.failRemovals = true;
        assertThat(rig.cycle().outcomes()).containsExactly(new CleanupOutcome.AlreadyGone(HOST, "a", "s1", false));

        assertThat(failuresReportedWhileUnreachable(rig)).isZero();
    }

    @Test
    void theLobbyOfALeftoverReservationWhoseStopFailedIsHeldBackForItsBackoff() {
        java.time.Instant t = rig.clock.instant();
        rig.memory.saveReservation(dev.lobbygovernor.store.ReservationRecord.reserved("r1", HOST, "s1", null,
                "lobby x1", t, t.plusSeconds(120)).creating(t).abandoned());
        rig.runtime.start("x1", null); // the fake names lobby "x1" "lobby x1", the reserved name
        rig.runtime.setIgnoreStops(true);
        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).isEqualTo(FailureReason.STILL_RUNNING));
        rig.runtime.setIgnoreStops(false);

        assertThat(rig.cycle().outcomes()).as("30 seconds into a 5 minute backoff").isEmpty();
        assertThat(rig.runtime.isRunning("x1")).isTrue();
    }
}
