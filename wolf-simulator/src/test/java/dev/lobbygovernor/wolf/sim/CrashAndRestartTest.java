package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU stack failing at M lobbies crashes the simulated Wolf; restart loses every lobby. */
class CrashAndRestartTest {

    @TempDir
    Path dir;

    private static String create(WolfSimulator sim, String name) throws IOException {
        return RawWolf.post(sim.socketPath(), "/api/v1/lobbies/create", RawWolf.createBody(name, null));
    }

    @Test
    void failsTheCreateThatReachesTheGpuStackLimitWithA500() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().nvmlBreaksAt(6).gpuStackFailsAt(7).start(dir)) {
            for (int i = 1; i <= 6; i++) {
                assertThat(RawWolf.body(create(sim, "lobby-" + i))).contains("\"success\":true");
            }

            String seventh = create(sim, "lobby-7");

            assertThat(RawWolf.statusLine(seventh)).isEqualTo("HTTP/1.0 500 OK");
            assertThat(RawWolf.body(seventh)).contains("\"success\":false")
                    .contains("CUDA_ERROR_NOT_PERMITTED");
        }
    }

    @Test
    void goesDownAfterTheGpuStackFailsLosingEveryLobby() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().gpuStackFailsAt(2).start(dir)) {
            create(sim, "survivor");

            create(sim, "fatal");

            assertThat(sim.isUp()).isFalse();
            assertThat(sim.lobbies()).isEmpty();
            assertThat(sim.socketPath()).doesNotExist();
            assertThatThrownBy(() -> RawWolf.get(sim.socketPath(), "/api/v1/lobbies"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void servesAgainAfterRestartWithNoLobbies() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().gpuStackFailsAt(2).start(dir)) {
            create(sim, "survivor");
            create(sim, "fatal");

            sim.restart();

            assertThat(sim.isUp()).isTrue();
            assertThat(RawWolf.body(RawWolf.get(sim.socketPath(), "/api/v1/lobbies")))
                    .isEqualTo("{\"success\":true,\"lobbies\":[]}");
        }
    }

    @Test
    void restartLosesEveryLobbyAndKeepsTheSocketPath() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            sim.createLeakedLobby("a", Optional.empty());
            sim.createLeakedLobby("b", Optional.empty());

            sim.restart();

            assertThat(sim.lobbies()).isEmpty();
            assertThat(sim.restarts()).isEqualTo(1);
            assertThat(sim.socketPath()).isEqualTo(dir.resolve("wolf.sock")).exists();
            assertThat(RawWolf.statusLine(RawWolf.get(sim.socketPath(), "/api/v1/lobbies")))
                    .isEqualTo("HTTP/1.0 200 OK");
        }
    }

    @Test
    void restartKeepsTheTcpPort() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().tcp().start(dir)) {
            int before = sim.tcpAddress().orElseThrow().getPort();

            sim.restart();

            assertThat(sim.tcpAddress().orElseThrow().getPort()).isEqualTo(before);
        }
    }

    @Test
    void leakedLobbiesNeverCrashTheServer() {
        try (WolfSimulator sim = WolfSimulator.builder().gpuStackFailsAt(1).start(dir)) {
            sim.createLeakedLobby("planted", Optional.empty());

            assertThat(sim.isUp()).isTrue();
            assertThat(sim.lobbies()).hasSize(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
