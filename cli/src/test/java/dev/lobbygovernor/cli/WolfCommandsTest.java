package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.nvml.NvmlGpuProbe;
import dev.lobbygovernor.smi.NvidiaSmiGpuProbe;
import dev.lobbygovernor.smi.SmiProbeConfig;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.LogCapture;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lobbies} and {@code status} against a Wolf simulator on a real UNIX socket. No local
 * GPU probe is given, so the GPU reading is the simulator's own report (as on a machine where
 * only Wolf sees the GPU), unless a test gives the real local probe types pointed at files that
 * do not exist; tests of this machine's GPU are {@link DoctorLocalGpuTest}'s.
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
        client = WolfSocketOption.client(sim.socketPath());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    /** The real probe types, pointed at files that do not exist: this process sees no GPU library. */
    private static final Supplier<List<GpuProbe>> NO_LOCAL_GPU_LIBRARY = () -> List.of(
            NvmlGpuProbe.builder().libraryPath(Path.of("/nonexistent/libnvidia-ml.so.1")).build(),
            new NvidiaSmiGpuProbe(SmiProbeConfig.builder().executable("/nonexistent/nvidia-smi").build(),
                    Clock.systemUTC()));

    private int run(String... args) {
        return run(List::of, args);
    }

    private int run(Supplier<List<GpuProbe>> localProbes, String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(), localProbes)
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

        int code = run("lobbies", "--wolf-socket=" + sim.socketPath()); // the --name=VALUE form

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

    @Test
    void unreachableWolfUnderJsonIsAJsonErrorOnStdout() throws Exception {
        Path missing = temp.resolve("no-such-wolf.sock");

        int code = run("lobbies", "--json", "--wolf-socket", missing.toString());

        assertThat(code).isEqualTo(4);
        JsonNode error = json();
        assertThat(error.get("exitCode").asInt()).isEqualTo(4);
        assertThat(error.get("error").asText()).contains(missing.toString()).contains("UNAVAILABLE");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void statusOfAnUnreachableWolfUnderJsonIsAJsonError() throws Exception {
        int code = run("status", "--wolf-socket", temp.resolve("gone.sock").toString(), "--json");

        assertThat(code).isEqualTo(4);
        assertThat(json().get("exitCode").asInt()).isEqualTo(4);
        assertThat(json().get("error").asText()).startsWith("cannot list Wolf's lobbies at ");
    }

    @Test
    void statusBlamesWolfsFailingGpuStatsNotAnAbsentLocalLibrary() throws Exception {
        lobbies(1);
        sim.breakNvml(); // Wolf's own nvidia-smi fails; this process has no NVML or nvidia-smi at all

        int code;
        List<String> errors;
        try (LogCapture logs = LogCapture.library()) {
            code = run(NO_LOCAL_GPU_LIBRARY, "status", "--wolf-socket", sim.socketPath().toString(), "--json");
            errors = logs.at(Level.ERROR).stream().map(e -> e.getFormattedMessage()).toList();
        }

        assertThat(code).isEqualTo(2);
        JsonNode root = json();
        assertThat(root.at("/health/status").asText()).isEqualTo("MONITORING_LOST");
        assertThat(root.get("source").asText()).isEqualTo("wolf");
        // the fork's Wolf also says it cannot create pipelines once NVML fails: its own report comes second
        assertThat(root.at("/health/reasons")).hasSize(2);
        assertThat(root.at("/health/reasons/1").asText()).startsWith("Wolf's own health report: it cannot create");
        assertThat(root.at("/health/reasons/0").asText())
                .startsWith("GPU probe wolf failed (UNKNOWN): ")
                .contains("nvidia-smi exited with code 255")
                .doesNotContain("LIBRARY_MISSING")
                .doesNotContain("Install the NVIDIA driver");
        assertThat(errors).singleElement().asString()
                .startsWith("GPU monitoring lost on host wolf: GPU probe wolf failed")
                .doesNotContainIgnoringCase("install the NVIDIA driver");
    }

    @Test
    void statusReadsThroughWolfWhenThisMachineHasNoGpuLibrary() throws Exception {
        lobbies(2);

        int code = run(NO_LOCAL_GPU_LIBRARY, "status", "--wolf-socket", sim.socketPath().toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("2/5 lobbies")
                .contains("health: HEALTHY (monitoring working, via wolf)")
                .doesNotContain("LIBRARY_MISSING");
    }
}
