package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyCredentials;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled.Resolution;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.StoreException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lobby whose create failed, timed out or could not be committed keeps its slot until cleanup
 * settles its reservation: found by its unique name and stopped with the stored PIN (verified),
 * or proven absent after the longest create time. Never over the cap, never an orphan left.
 */
class UnfinishedReservationTest {

    private static final String HOST = ReaperRig.HOST;
    private final ReaperRig rig = new ReaperRig();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(rig.store).clock(rig.clock)
            .host(Host.of(HOST, rig.runtime, HostLimits.builder().staticCap(2).build())).build();

    private Permit fillOneSlot() {
        Permit p = governor.acquire(AdmissionRequest.forSession("kept"));
        p.create(c -> rig.runtime.create("kept-lobby", c));
        rig.memory.putSession("kept");
        return p;
    }

    private List<ReservationSettled> settled(CycleReport report) {
        return report.outcomes().stream().filter(o -> o instanceof ReservationSettled)
                .map(o -> (ReservationSettled) o).toList();
    }

    private void assertFull() {
        rig.advance(Duration.ofSeconds(2)); // a fresh listing, so nothing is served from a cache
        assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("one-more")))
                .isInstanceOf(AdmissionDeniedException.class);
    }

    @Test
    void createThatTimesOutButLeavesTheLobbyIsStoppedWithTheStoredPinAndItsSlotFreed() {
        fillOneSlot();
        Permit p = governor.acquire(AdmissionRequest.forSession("s").withPin(LobbyPin.of("0815")));
        assertThatThrownBy(() -> p.create(c -> {
            rig.runtime.create("timed-out", c); // Wolf keeps the lobby...
            throw new IOException("Lobby setup timed out"); // ...and answers an error
        })).isInstanceOf(IOException.class);
        p.close();

        assertFull(); // the lobby runs and counts once, through the listing
        List<ReservationSettled> done = settled(rig.cycle());

        assertThat(done).singleElement().satisfies(s -> {
            assertThat(s.resolution()).isEqualTo(Resolution.STOPPED);
            assertThat(s.foundLobbyId()).isEqualTo("timed-out");
        });
        assertThat(rig.runtime.isRunning("timed-out")).as("stopped with the stored PIN").isFalse();
        assertThat(rig.memory.allReservations()).isEmpty();
        assertThat(governor.acquire(AdmissionRequest.forSession("next")).activeAfter()).isEqualTo(2);
    }

    @Test
    void commitThatCannotBeStoredLeavesNoOverAdmissionAndNoOrphan() {
        fillOneSlot();
        Permit p = governor.acquire(AdmissionRequest.forSession("s"));
        LobbyCredentials c = p.beginCreate();
        rig.runtime.create("uncommitted", c);
        rig.store.failCommits = true;
        assertThatThrownBy(() -> p.commit("uncommitted")).isInstanceOf(StoreException.class);
        p.close();
        rig.store.failCommits = false;

        assertFull();
        List<ReservationSettled> done = settled(rig.cycle());

        assertThat(done).extracting(ReservationSettled::resolution).containsExactly(Resolution.STOPPED);
        assertThat(rig.runtime.isRunning("uncommitted")).isFalse();
        assertThat(rig.reaper.orphans()).isEmpty();
        assertThat(rig.memory.allReservations()).isEmpty();
    }

    @Test
    void lobbyThatNeverAppearsIsSettledAbsentOnlyAfterTheLongestCreateTime() {
        fillOneSlot();
        Permit p = governor.acquire(AdmissionRequest.forSession("s"));
        assertThatThrownBy(() -> p.create(c -> {
            throw new IOException("connection reset");
        })).isInstanceOf(IOException.class);
        p.close();

        assertThat(settled(rig.cycle())).as("it may still appear").isEmpty();
        assertFull();
        rig.advance(ReaperConfig.DEFAULT_MAX_CREATE_TIME);
        assertThat(settled(rig.cycle())).extracting(ReservationSettled::resolution).containsExactly(Resolution.ABSENT);

        assertThat(rig.memory.allReservations()).isEmpty();
        assertThat(governor.acquire(AdmissionRequest.forSession("next")).activeAfter()).isEqualTo(2);
    }

    @Test
    void aCreateStillUnderWayIsLeftAloneAndItsLobbyIsNoOrphan() {
        fillOneSlot();
        Permit p = governor.acquire(AdmissionRequest.forSession("s").openLobby());
        LobbyCredentials c = p.beginCreate();
        rig.runtime.create("in-progress", c);

        for (int i = 0; i < 3; i++) { // 90 s, within the permit's time to live
            CycleReport report = rig.cycle();
            assertThat(report.outcomes()).as("cycle %d", i).isEmpty();
        }

        p.commit("in-progress");
        assertThat(rig.runtime.isRunning("in-progress")).isTrue();
        assertThat(rig.memory.findLobby("in-progress")).isPresent();
    }

    @Test
    void anUnusedReservationPastItsExpiryIsRemoved() {
        governor.acquire(AdmissionRequest.forSession("s")); // never created, never closed
        rig.advance(Duration.ofMinutes(3));

        assertThat(settled(rig.cycle())).extracting(ReservationSettled::resolution)
                .containsExactly(Resolution.EXPIRED);
        assertThat(rig.memory.allReservations()).isEmpty();
    }

    @Test
    void aStopThatCannotBeVerifiedKeepsTheReservationAndItsSlot() {
        fillOneSlot();
        Permit p = governor.acquire(AdmissionRequest.forSession("s"));
        assertThatThrownBy(() -> p.create(c -> {
            rig.runtime.create("stubborn", c);
            throw new IOException("Lobby setup timed out");
        })).isInstanceOf(IOException.class);
        p.close();
        rig.runtime.setIgnoreStops(true);

        CycleReport report = rig.cycle();

        assertThat(settled(report)).isEmpty();
        assertThat(report.outcomes()).singleElement().isInstanceOf(CleanupOutcome.Failed.class);
        assertThat(rig.memory.allReservations()).hasSize(1);
        assertFull();
        rig.advance(ReaperConfig.DEFAULT_ORPHAN_GRACE);
        assertThat(rig.cycle().outcomes()).as("a reservation's lobby is never an orphan")
                .noneMatch(o -> o instanceof CleanupOutcome.OrphanReported || o instanceof CleanupOutcome.OrphanStopped);
        assertThat(rig.reaper.orphans()).isEmpty();
    }
}
