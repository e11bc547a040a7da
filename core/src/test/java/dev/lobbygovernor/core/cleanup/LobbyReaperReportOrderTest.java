package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.LobbyRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A cycle's report and the orphan view list things in an order a reader can rely on. */
class LobbyReaperReportOrderTest {

    private final ReaperRig rig = new ReaperRig();

    private void recordOn(String hostId, String lobbyId) {
        Instant t = rig.clock.instant();
        rig.memory.saveLobby(new LobbyRecord(lobbyId, hostId, "s-" + lobbyId, null, t, t));
    }

    @Test
    void unreachableHostsAreListedInIdOrder() {
        recordOn("wolf-9", "a");
        recordOn("wolf-3", "b");
        recordOn("wolf-5", "c");
        rig.runtime.setUnreachable(true);

        assertThat(rig.cycle().unreachableHosts()).containsExactly(ReaperRig.HOST, "wolf-3", "wolf-5", "wolf-9");
    }

    @Test
    void orphansAreListedOldestFirstThenById() {
        rig.runtime.start("orphan-z", null);
        rig.cycle();
        Instant first = rig.clock.instant();
        rig.runtime.start("orphan-b", null);
        rig.runtime.start("orphan-a", null);
        rig.cycle();
        Instant second = rig.clock.instant();

        assertThat(rig.reaper.orphans()).containsExactly(
                new OrphanLobby(ReaperRig.HOST, "orphan-z", first, false),
                new OrphanLobby(ReaperRig.HOST, "orphan-a", second, false),
                new OrphanLobby(ReaperRig.HOST, "orphan-b", second, false));
        assertThat(rig.reaper.orphans().get(0).age(second.plus(Duration.ofSeconds(5))))
                .isEqualTo(Duration.ofSeconds(35));
    }
}
