package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct.Action;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dry-run cycle plans what a real cycle would do and reports each action as
 * {@link WouldAct}, and changes nothing: no lobby is stopped, no record or reservation is
 * removed or touched. What only reports (a PIN-protected orphan, a host that cannot be listed)
 * is reported as in a real cycle.
 */
class LobbyReaperDryRunTest {

    private final ReaperRig rig = new ReaperRig(ReaperConfig.builder().dryRun(true).build());

    private List<WouldAct> wouldAct(CycleReport report) {
        return report.outcomes().stream().filter(o -> o instanceof WouldAct).map(o -> (WouldAct) o).toList();
    }

    @Test
    void reportsEachLobbyActionItWouldTakeAndTakesNone() {
        LobbyRecord idle = rig.commit("idle", "s-idle", "4821");
        LobbyRecord gone = rig.commit("session-gone", "s-gone", null);
        rig.memory.hardDeleteSession("s-gone");
        rig.commit("vanished", "s-vanished", null);
        rig.runtime.vanish("vanished");
        rig.runtime.start("open-orphan", null);
        rig.cycle(); // the orphan is first seen; the records are young
        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT); // past the orphan grace too

        List<WouldAct> planned = wouldAct(rig.cycle());

        assertThat(planned).containsExactlyInAnyOrder(
                new WouldAct(ReaperRig.HOST, "idle", Action.STOP_LOBBY, StopReason.IDLE_TIMEOUT.name()),
                new WouldAct(ReaperRig.HOST, "session-gone", Action.STOP_LOBBY, StopReason.SESSION_GONE.name()),
                new WouldAct(ReaperRig.HOST, "vanished", Action.FORGET_RECORD, "LOBBY_NOT_LISTED"),
                new WouldAct(ReaperRig.HOST, "open-orphan", Action.STOP_ORPHAN, "ORPHAN_PAST_GRACE"));
        assertThat(rig.runtime.isRunning("idle")).isTrue();
        assertThat(rig.runtime.isRunning("session-gone")).isTrue();
        assertThat(rig.runtime.isRunning("open-orphan")).isTrue();
        assertThat(rig.runtime.stopCalls()).isZero();
        assertThat(rig.memory.findLobby("idle")).contains(idle);
        assertThat(rig.memory.findLobby("session-gone")).contains(gone);
        assertThat(rig.memory.findLobby("vanished")).isPresent();
        assertThat(rig.events.outcomes).containsAll(planned);
    }

    @Test
    void plansTheSameAgainNextCycleSinceNothingChanged() {
        rig.commit("idle", "s-idle", null);
        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT);

        List<WouldAct> first = wouldAct(rig.cycle());
        List<WouldAct> second = wouldAct(rig.cycle());

        assertThat(first).hasSize(1).isEqualTo(second);
    }

    @Test
    void touchesNoRecordOfALobbyInUse() {
        LobbyRecord streaming = rig.commit("streaming", "s1", null);
        rig.runtime.setClients("streaming", 2);
        rig.advance(Duration.ofMinutes(10));

        rig.cycle();

        assertThat(rig.store.touchWrites).hasValue(0);
        assertThat(rig.memory.findLobby("streaming")).contains(streaming);
    }

    @Test
    void stillReportsAPinProtectedOrphanAndAHostItCannotList() {
        rig.runtime.start("pinned-orphan", LobbyPin.of("1234"));
        rig.cycle(); // first seen
        rig.advance(ReaperConfig.DEFAULT_ORPHAN_GRACE);
        CycleReport orphans = rig.cycle();
        assertThat(orphans.outcomes()).singleElement().isInstanceOfSatisfying(CleanupOutcome.OrphanReported.class,
                o -> assertThat(o.pinRequired()).isTrue());
        assertThat(rig.runtime.isRunning("pinned-orphan")).isTrue();

        rig.commit("idle", "s-idle", null);
        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT);
        rig.runtime.setUnreachable(true);
        CycleReport unreachable = rig.cycle();
        assertThat(unreachable.outcomes()).singleElement().isInstanceOfSatisfying(CleanupOutcome.Failed.class,
                f -> assertThat(f.lobbyId()).isEqualTo("idle"));
        assertThat(rig.memory.findLobby("idle")).isPresent();
    }

    @Test
    void reportsTheReservationItWouldSettleAndKeepsIt() {
        Instant created = rig.clock.instant();
        ReservationRecord abandoned = ReservationRecord.reserved("r1", ReaperRig.HOST, "s1", null, "lobby-of-r1",
                created, created.plusSeconds(120)).creating(created).abandoned();
        rig.memory.saveReservation(abandoned);
        rig.advance(ReaperConfig.DEFAULT_MAX_CREATE_TIME);

        List<WouldAct> planned = wouldAct(rig.cycle());

        assertThat(planned).singleElement().satisfies(w -> {
            assertThat(w.action()).isEqualTo(Action.SETTLE_RESERVATION);
            assertThat(w.lobbyId()).isEqualTo("lobby-of-r1");
        });
        assertThat(rig.memory.allReservations()).containsExactly(abandoned);
    }
}
