package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Threads come from start(), are daemon and named, and close() ends them and the socket. */
class LifecycleTest {

    @TempDir
    Path dir;

    private static List<Thread> simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lobby-governor-wolfsim-") && t.isAlive())
                .collect(Collectors.toList());
    }

    @Test
    void runsOnlyNamedDaemonThreadsStartedByStart() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().tcp().start(dir)) {
            RawWolf.get(sim.socketPath(), "/api/v1/lobbies");

            assertThat(simulatorThreads()).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
            assertThat(simulatorThreads()).extracting(Thread::getName)
                    .contains("lobby-governor-wolfsim-accept-unix", "lobby-governor-wolfsim-accept-tcp");
        }
    }

    @Test
    void closeStopsEveryThreadAndRemovesTheSocket() throws IOException, InterruptedException {
        WolfSimulator sim = WolfSimulator.builder().start(dir);
        RawWolf.get(sim.socketPath(), "/api/v1/lobbies");

        sim.close();

        for (Thread t : simulatorThreads()) {
            t.join(2_000);
        }
        assertThat(simulatorThreads()).isEmpty();
        assertThat(sim.socketPath()).doesNotExist();
    }

    @Test
    void refusesRestartAfterClose() throws IOException {
        WolfSimulator sim = WolfSimulator.builder().start(dir);
        sim.close();

        assertThatThrownBy(sim::restart).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replacesAStaleSocketFile() throws IOException {
        try (WolfSimulator first = WolfSimulator.builder().start(dir)) {
            assertThat(first.socketPath()).exists();
        }
        java.nio.file.Files.createFile(dir.resolve("wolf.sock"));

        try (WolfSimulator second = WolfSimulator.builder().start(dir)) {
            assertThat(RawWolf.statusLine(RawWolf.get(second.socketPath(), "/api/v1/apps")))
                    .isEqualTo("HTTP/1.0 200 OK");
        }
    }

    @Test
    void validatesItsSettingsWhenBuilt() {
        assertThatThrownBy(() -> WolfSimulator.builder().nvmlBreaksAt(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WolfSimulator.builder().gpuStackFailsAt(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WolfSimulator.builder().keepaliveInterval(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WolfSimulator.builder().maxBodyBytes(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
