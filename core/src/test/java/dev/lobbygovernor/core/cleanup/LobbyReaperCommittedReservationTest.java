package dev.lobbygovernor.core.cleanup;

import static dev.lobbygovernor.core.cleanup.ReaperRig.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled.Resolution;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.ReservationRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A reservation left unfinished whose lobby was nonetheless committed (its record exists) is
 * settled as committed: the lobby belongs to a live session and keeps running.
 */
class LobbyReaperCommittedReservationTest {

    private final ReaperRig rig = new ReaperRig();

    @Test
    void aLeftoverReservationWhoseLobbyHasARecordIsSettledCommittedAndTheLobbyKeepsRunning() {
        Instant t = rig.clock.instant();
        ReservationRecord leftover = ReservationRecord.reserved("r1", HOST, "s1", LobbyPin.of("0815"), "lobby x1", t,
                t.plusSeconds(120)).creating(t).abandoned();
        rig.memory.saveReservation(leftover);
        rig.commit("x1", "s1", "0815"); // the fake names lobby "x1" "lobby x1", the reserved name

        CycleReport report = rig.cycle();

        assertThat(report.outcomes()).containsExactly(
                new ReservationSettled(HOST, "r1", "s1", "lobby x1", "x1", Resolution.COMMITTED));
        assertThat(rig.runtime.isRunning("x1")).isTrue();
        assertThat(rig.runtime.stopCalls()).isZero();
        assertThat(rig.memory.allReservations()).isEmpty();
        assertThat(rig.memory.findLobby("x1")).isPresent();
    }
}
