package dev.lobbygovernor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lobbies} and {@code status} against a Wolf simulator on a real UNIX socket. No local
 * GPU probe is given, so the GPU reading is the simulator's own report (as on a machine where
 * only Wolf sees the GPU); tests of this machine's GPU are {@link DoctorLocalGpuTest}'s.
 */
class WolfCommandsTest {

    private static final String PIN_DIGITS = "482913";

    @TempDir
    Path temp;
    WolfSimulator sim;
    WolfClient client;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startSimulator() throws Exception {
        sim = WolfSimulator.builder().start(temp);
        client = WolfCommands.client(sim.socketPath());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(), List::of)
                .run(args);
    }

    private JsonNode json() throws Exception {
        return GpuJson.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private String lobbies(int n) throws Exception {
        String last = null;
        for (int i = 0; i < n; i++) {
            last = client.createLobby(LobbyRequests.desktopFor("s-" + i));
        }
        return last;
    }

    @Test
    void listsLobbiesWithPinFlagAndConnectedSessionsAsJson() throws Exception {
        String open = client.createLobby(LobbyRequests.desktopFor("open"));
        String locked = client.createLobby(LobbyRequests.desktopFor("locked").withPin(LobbyPin.of(PIN_DIGITS)));
        String session = sim.createSession("10.0.0.7");
        client.joinLobby(new JoinLobbyRequest(open, session, null));

        int code = run("lobbies", "--wolf-socket", sim.socketPath().toString(), "--json");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode root = json();
        assertThat(root.get("endpoint").asText()).contains(sim.socketPath().toString());
        assertThat(root.get("lobbies")).hasSize(2);
        for (JsonNode l : root.get("lobbies")) {
            boolean isOpen = l.get("id").asText().equals(open);
            assertThat(l.get("id").asText()).isIn(open, locked);
            assertThat(l.get("name").asText()).isEqualTo(isOpen ? "agent open" : "agent locked");
            assertThat(l.get("pinRequired").asBoolean()).isEqualTo(!isOpen);
            assertThat(l.get("connectedSessions").asInt()).isEqualTo(isOpen ? 1 : 0);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(PIN_DIGITS);
    }

    @Test
    void listsLobbiesAsATable() throws Exception {
        String id = lobbies(1);

        int code = run("lobbies", "--wolf-socket", sim.socketPath().toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 lobbies").contains(id).contains("agent s-0");
    }

    @Test
    void findsTheSocketThroughWolfsEnvironmentVariable() throws Exception {
        lobbies(2);
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("WOLF_SOCKET_PATH", sim.socketPath().toString()), Clock.systemUTC(), List::of)
                .run("lobbies", "--json");

        assertThat(code).isZero();
        assertThat(json().get("lobbies")).hasSize(2);
    }

    @Test
    void unreachableWolfFailsWithTheSocketNamed() {
        Path missing = temp.resolve("no-such-wolf.sock");

        int code = run("lobbies", "--wolf-socket", missing.toString());

        assertThat(code).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(missing.toString()).contains("UNAVAILABLE");
    }

    @Test
    void statusOfAHealthyHostIsZero() throws Exception {
        lobbies(2);

        int code = run("status", "--wolf-socket", sim.socketPath().toString(), "--json");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode root = json();
        assertThat(root.at("/lobbies/active").asInt()).isEqualTo(2);
        assertThat(root.at("/lobbies/cap").asInt()).isEqualTo(5);
        assertThat(root.at("/lobbies/warningThreshold").asInt()).isEqualTo(4);
        assertThat(root.get("warning").asBoolean()).isFalse();
        assertThat(root.get("full").asBoolean()).isFalse();
        assertThat(root.get("source").asText()).isEqualTo("wolf");
        assertThat(root.at("/health/status").asText()).isEqualTo("HEALTHY");
        assertThat(root.at("/gpus/0/name").asText()).isEqualTo("NVIDIA RTX 2000 Ada Generation");
        assertThat(root.at("/gpus/0/encoderSessions").asInt()).isEqualTo(2);
    }

    @Test
    void statusWarnsAtFourOfFive() throws Exception {
        lobbies(4);

        int code = run("status", "--wolf-socket", sim.socketPath().toString(), "--json");

        assertThat(code).isZero();
        assertThat(json().get("warning").asBoolean()).isTrue();
        assertThat(json().at("/health/status").asText()).isEqualTo("WARNING");
    }

    @Test
    void statusOfAFullHostIsExhaustedWithExitCodeThree() throws Exception {
        lobbies(5);

        int code = run("status", "--wolf-socket", sim.socketPath().toString());

        assertThat(code).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("5/5 lobbies").contains("FULL").contains("EXHAUSTED");
    }

    @Test
    void statusWithBrokenNvmlIsMonitoringLostWithExitCodeTwo() throws Exception {
        lobbies(1);
        sim.breakNvml();

        int code = run("status", "--wolf-socket", sim.socketPath().toString(), "--json");

        assertThat(code).isEqualTo(2);
        JsonNode root = json();
        assertThat(root.at("/health/status").asText()).isEqualTo("MONITORING_LOST");
        assertThat(root.at("/health/monitoringWorking").asBoolean()).isFalse();
        assertThat(root.get("gpus")).isEmpty();
        assertThat(root.at("/health/reasons/0").asText()).contains("nvidia-smi exited with code 255");
    }

    @Test
    void statusOfAnUnreachableWolfFails() {
        int code = run("status", "--wolf-socket", temp.resolve("gone.sock").toString());

        assertThat(code).isEqualTo(4);
    }
}
