package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.wolf.model.GpuStats;
import dev.lobbygovernor.wolf.model.SystemHealthReply;
import dev.lobbygovernor.wolf.model.SystemMemoryReply;
import dev.lobbygovernor.wolf.model.WolfJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fork's system endpoints, driven by the GPU model and the lobby count. */
class SystemEndpointsTest {

    @TempDir
    Path dir;

    private static SystemMemoryReply memory(WolfSimulator sim) throws IOException {
        return WolfJson.mapper().readValue(
                RawWolf.body(RawWolf.get(sim.socketPath(), "/api/v1/system/memory")),
                SystemMemoryReply.class);
    }

    private static void leak(WolfSimulator sim, int lobbies) {
        for (int i = 0; i < lobbies; i++) {
            sim.createLeakedLobby("lobby-" + i, Optional.empty());
        }
    }

    @Test
    void reportsTheGpuModelForTheRunningLobbies() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().gpu(GpuModel.rtx2000Ada()).start(dir)) {
            leak(sim, 6);

            GpuStats gpu = memory(sim).gpuStats();

            assertThat(gpu.available()).isTrue();
            assertThat(gpu.gpuName()).isEqualTo("NVIDIA RTX 2000 Ada Generation");
            assertThat(gpu.memoryTotalMb()).isEqualTo(16380);
            assertThat(gpu.memoryUsedMb()).isEqualTo(6720);
            assertThat(gpu.encoderSessionCount()).isEqualTo(6);
            assertThat(gpu.error()).isEmpty();
        }
    }

    @Test
    void countsTwoProducerPipelinesAndOneMemoryEntryPerLobby() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            leak(sim, 6);

            SystemMemoryReply reply = memory(sim);

            assertThat(reply.gstreamerPipelines().producerPipelines()).isEqualTo(12);
            assertThat(reply.lobbies()).hasSize(6);
            assertThat(reply.processRssBytes()).isGreaterThan(0L);
        }
    }

    @Test
    void breaksNvmlAtTheConfiguredLobbyCountAndStillServesTheOtherFields() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().nvmlBreaksAt(6).start(dir)) {
            leak(sim, 5);
            assertThat(memory(sim).gpuStats().available()).isTrue();

            leak(sim, 1);
            SystemMemoryReply reply = memory(sim);

            assertThat(reply.success()).isTrue();
            assertThat(reply.gpuStats().available()).isFalse();
            assertThat(reply.gpuStats().error()).isEqualTo("nvidia-smi exited with code 255");
            // the fork's struct defaults: the readings go to "" and 0, as in the incident
            assertThat(reply.gpuStats().gpuName()).isEmpty();
            assertThat(reply.gpuStats().memoryTotalMb()).isZero();
            assertThat(reply.lobbies()).hasSize(6);
            assertThat(reply.gstreamerPipelines().producerPipelines()).isEqualTo(12);
        }
    }

    @Test
    void keepsNvmlBrokenAfterLobbiesStopUntilRestart() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().nvmlBreaksAt(1).start(dir)) {
            String id = sim.createLeakedLobby("one", Optional.empty());
            RawWolf.post(sim.socketPath(), "/api/v1/lobbies/stop", "{\"lobby_id\":\"" + id + "\"}");
            assertThat(memory(sim).gpuStats().available()).isFalse();

            sim.restart();

            assertThat(memory(sim).gpuStats().available()).isTrue();
        }
    }

    @Test
    void reportsCriticalHealthOnceNvmlIsBroken() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            SystemHealthReply before = WolfJson.mapper().readValue(
                    RawWolf.body(RawWolf.get(sim.socketPath(), "/api/v1/system/health")),
                    SystemHealthReply.class);
            sim.breakNvml();
            SystemHealthReply after = WolfJson.mapper().readValue(
                    RawWolf.body(RawWolf.get(sim.socketPath(), "/api/v1/system/health")),
                    SystemHealthReply.class);

            assertThat(before.overallStatus()).isEqualTo("healthy");
            assertThat(before.canCreateNewPipelines()).isTrue();
            assertThat(after.overallStatus()).isEqualTo("critical");
            assertThat(after.canCreateNewPipelines()).isFalse();
        }
    }

    @Test
    void answersTheForkEndpoints404WhenServingUpstreamWolf() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().withoutForkEndpoints().start(dir)) {
            String memory = RawWolf.get(sim.socketPath(), "/api/v1/system/memory");
            String health = RawWolf.get(sim.socketPath(), "/api/v1/system/health");

            assertThat(RawWolf.statusLine(memory)).isEqualTo("HTTP/1.0 404 OK");
            assertThat(RawWolf.body(memory)).isEmpty();
            assertThat(RawWolf.statusLine(health)).isEqualTo("HTTP/1.0 404 OK");
        }
    }

    @Test
    void sendsAnEmptyGpuErrorWhileTheGpuIsAvailable() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            JsonNode gpu = WolfJson.mapper().readTree(
                    RawWolf.body(RawWolf.get(sim.socketPath(), "/api/v1/system/memory"))).get("gpu_stats");

            assertThat(gpu.get("available").asBoolean()).isTrue();
            assertThat(gpu.get("error").isTextual()).isTrue();
            assertThat(gpu.get("error").asText()).isEmpty();
        }
    }

    @Test
    void listsEachLobbysResolutionAndEachClientsVideoMode() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            String lobby = WolfJson.mapper().readTree(RawWolf.body(RawWolf.post(sim.socketPath(),
                    "/api/v1/lobbies/create", RawWolf.createBody("wide", null)))).get("lobby_id").asText();
            String session = sim.createSession("10.0.0.3");
            RawWolf.post(sim.socketPath(), "/api/v1/lobbies/join",
                    "{\"lobby_id\":\"" + lobby + "\",\"moonlight_session_id\":\"" + session + "\"}");

            SystemMemoryReply reply = memory(sim);

            assertThat(reply.lobbies()).singleElement().satisfies(l -> {
                assertThat(l.resolution()).isEqualTo("1920x1080@60");
                assertThat(l.clientCount()).isEqualTo(1);
            });
            assertThat(reply.clients()).singleElement().satisfies(c -> {
                assertThat(c.sessionId()).isEqualTo(session);
                assertThat(c.resolution()).isEqualTo("1920x1080@60");
                assertThat(c.lobbyId()).isEqualTo(lobby);
            });
            assertThat(reply.apps()).extracting(SystemMemoryReply.AppMemory::resolution).containsOnly("N/A");
        }
    }
}
