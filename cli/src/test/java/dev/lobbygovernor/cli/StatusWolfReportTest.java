package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} with Wolf's own report beside the GPU: Wolf's health and counts, "not
 * supported" on an upstream Wolf, a critical Wolf as exhausted, and, while the GPU cannot be
 * read, Wolf's own count of what runs, so the host does not look idle.
 */
class StatusWolfReportTest {

    @TempDir
    Path temp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int status(WolfSimulator sim, String... more) {
        String[] args = new String[2 + more.length];
        args[0] = "status";
        args[1] = "--wolf-socket=" + sim.socketPath();
        System.arraycopy(more, 0, args, 2, more.length);
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(), List::of).run(args);
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonNode json() throws Exception {
        return GpuJson.MAPPER.readTree(text());
    }

    /** Two lobbies, one with a streaming client joined. */
    private static void twoLobbiesOneClient(WolfSimulator sim) throws Exception {
        try (WolfClient client = WolfSocketOption.client(sim.socketPath())) {
            String first = client.createLobby(LobbyRequests.desktopFor("a"));
            client.createLobby(LobbyRequests.desktopFor("b"));
            client.joinLobby(new JoinLobbyRequest(first, sim.createSession("10.0.0.7"), null));
        }
    }

    @Test
    void showsWolfsOwnHealthAndCounts() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(temp)) {
            twoLobbiesOneClient(sim);

            int code = status(sim);

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(text()).contains("Wolf's own health: healthy, can create new pipelines, 0 of 2 threads stuck")
                    .contains("Wolf's own count: 2 lobbies, 1 clients connected, process memory ")
                    .doesNotContain("GPU MONITORING LOST");
        }
    }

    @Test
    void jsonCarriesWolfsReportAndNoBlindCountWhileTheGpuReads() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(temp)) {
            twoLobbiesOneClient(sim);

            int code = status(sim, "--json");

            assertThat(code).isZero();
            JsonNode wolf = json().get("wolf");
            assertThat(wolf.get("supported").asBoolean()).isTrue();
            assertThat(wolf.get("health").get("canCreatePipelines").asBoolean()).isTrue();
            assertThat(wolf.get("usage").get("lobbies").asInt()).isEqualTo(2);
            assertThat(wolf.get("usage").get("clients").asInt()).isEqualTo(1);
            assertThat(wolf.get("usage").get("processMemoryBytes").asLong()).isPositive();
            assertThat(json().get("wolfCountWhileBlind").isNull()).isTrue();
        }
    }

    @Test
    void criticalWolfIsExhaustedInItsOwnWords() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(temp)) {
            sim.failPipelines();

            int code = status(sim);

            assertThat(code).isEqualTo(ExitCode.EXHAUSTED);
            assertThat(text()).contains("health: EXHAUSTED")
                    .contains("Wolf's own health report: it cannot create new pipelines")
                    .contains("CANNOT create new pipelines: no new lobby is admitted here");
        }
    }

    @Test
    void whileTheGpuIsDarkShowsWolfsOwnCountSoTheHostDoesNotLookIdle() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(temp)) {
            twoLobbiesOneClient(sim);
            sim.breakNvml(); // Wolf's GPU stats fail: the probe fails, monitoring is lost

            int code = status(sim);

            assertThat(code).isEqualTo(ExitCode.MONITORING_LOST);
            assertThat(text()).contains("health: MONITORING_LOST")
                    .contains("GPU MONITORING LOST, but Wolf's own count (system/memory) shows the host is not idle: "
                            + "2 lobbies, 1 clients connected, Wolf process memory ");
        }
    }

    @Test
    void whileTheGpuIsDarkTheJsonMarksWolfsCount() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(temp)) {
            twoLobbiesOneClient(sim);
            sim.breakNvml();

            int code = status(sim, "--json");

            assertThat(code).isEqualTo(ExitCode.MONITORING_LOST);
            JsonNode blind = json().get("wolfCountWhileBlind");
            assertThat(blind.get("note").asText()).isEqualTo("Wolf's own count while GPU monitoring is lost");
            assertThat(blind.get("from").asText()).isEqualTo("system/memory");
            assertThat(blind.get("lobbies").asInt()).isEqualTo(2);
            assertThat(blind.get("clients").asInt()).isEqualTo(1);
            assertThat(blind.get("processMemoryBytes").asLong()).isPositive();
        }
    }

    @Test
    void upstreamWolfSaysNotSupportedAndCountsFromItsLobbyListWhileBlind() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().withoutForkEndpoints().start(temp)) {
            twoLobbiesOneClient(sim);

            int code = status(sim);

            // no system/memory: Wolf's GPU stats are missing too, so the GPU is dark here
            assertThat(code).isEqualTo(ExitCode.MONITORING_LOST);
            assertThat(text()).contains("Wolf's own health: not supported by this Wolf")
                    .contains("Wolf's own count (lobby list) shows the host is not idle: 2 lobbies, 1 clients connected")
                    .doesNotContain("could not be read");
        }
    }
}
