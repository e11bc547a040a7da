package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.wolf.sim.GpuModel;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dashboard --wolf-socket}: a read-only view that shows Wolf's lobbies and GPU, and stops nothing. */
class WolfDashboardTest {

    @TempDir
    Path dir;

    @Test
    void showsALobbyNobodyRecordedAsAnOrphanWithTheGpuReadingAndLeavesItRunning() throws Exception {
        try (WolfSimulator wolf = WolfSimulator.builder().gpu(GpuModel.rtx2000Ada()).start(dir)) {
            String lobby = wolf.createLeakedLobby("started-by-hand", Optional.empty());
            try (WolfDashboard view = new WolfDashboard(wolf.socketPath(), Clock.systemUTC())) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                String status = view.feed.statusJson();
                // the monitor's first poll runs on its own thread; the GPU reading can show before
                // that poll has judged it and read Wolf's own report
                while (Instant.now().isBefore(deadline)
                        && !(status.contains("\"memoryTotalMiB\"") && status.contains("\"server\":{"))) {
                    Thread.sleep(100);
                    status = view.feed.statusJson();
                }

                assertThat(status).contains("\"active\":1", "\"id\":\"" + lobby + "\"", "\"orphan\":true",
                        "\"memoryTotalMiB\":16380", "\"server\":{\"source\":\"Wolf\",\"answered\":true,\"supported\":true",
                        "\"lobbies\":1");
            }
            assertThat(wolf.lobbies()).as("watching stops nothing").hasSize(1);
        }
    }
}
