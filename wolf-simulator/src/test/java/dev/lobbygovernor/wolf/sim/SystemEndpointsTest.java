package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(gpu.error()).isNull();
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
            assertThat(reply.gpuStats().gpuName()).isNull();
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
}
