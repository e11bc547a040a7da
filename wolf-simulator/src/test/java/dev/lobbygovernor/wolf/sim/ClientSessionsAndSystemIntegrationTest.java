package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.wolf.WolfApiException;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.model.SystemHealthReply;
import dev.lobbygovernor.wolf.model.SystemMemoryReply;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** WolfClient's session, app and fork system methods against the simulator. */
@ExtendWith(PinLeakGuard.class)
class ClientSessionsAndSystemIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void listsAndStopsStreamingSessions() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            String id = sim.createSession("10.9.8.7");
            assertThat(client.listSessions()).extracting(StreamSession::id, StreamSession::clientIp)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "10.9.8.7"));

            client.stopSession(id);

            assertThat(client.listSessions()).isEmpty();
        }
    }

    @Test
    void stopsEverySessionWithTheIdItReadsFromTheListing() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            sim.createSession("10.9.8.7");
            sim.createSession("10.9.8.8");

            for (StreamSession listed : client.listSessions()) {
                client.stopSession(listed.clientId());
            }

            assertThat(client.listSessions()).isEmpty();
        }
    }

    @Test
    void listsASessionWithEveryFieldTheSchemaRequires() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            String id = sim.createSession("10.9.8.7");

            StreamSession session = client.listSessions().get(0);

            assertThat(session.clientId()).isEqualTo(id);
            assertThat(session.appId()).isEqualTo(WolfSimulator.Builder.DEFAULT_APP.id());
            assertThat(session.aesKey()).matches("[0-9A-F]{32}");
            assertThat(session.aesIv()).matches("[0-9A-F]{32}");
            assertThat(session.rtspFakeIp()).isNotBlank();
            assertThat(session.clientSettings()).isNotNull();
            assertThat(session.videoWidth()).isEqualTo(1920);
        }
    }

    @Test
    void refusesToStopAnUnknownSession() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            WolfApiException e = catchThrowableOfType(WolfApiException.class, () -> client.stopSession("12345"));

            assertThat(e.status()).isEqualTo(500);
            assertThat(e.wolfError()).isEqualTo("Invalid session_id");
        }
    }

    @Test
    void listsTheConfiguredApps() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            assertThat(client.listApps()).extracting(App::id, App::title)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("desktop", "Desktop"));
        }
    }

    @Test
    void readsTheForksMemoryReportWithGpuStats() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().gpu(GpuModel.rtx2000Ada()).start(dir);
                WolfClient client = Clients.of(sim)) {
            String lobby = client.createLobby(Clients.lobby("a"));
            client.createLobby(Clients.lobby("b"));
            String session = sim.createSession("10.0.0.1");
            client.joinLobby(new JoinLobbyRequest(lobby, session, null));

            SystemMemoryReply memory = client.systemMemory().orElseThrow();

            assertThat(memory.gpuStats().available()).isTrue();
            assertThat(memory.gpuStats().memoryTotalMb()).isEqualTo(16380);
            assertThat(memory.gpuStats().memoryUsedMb()).isEqualTo(GpuModel.rtx2000Ada().memoryUsedMiB(2));
            assertThat(memory.lobbies()).hasSize(2);
            assertThat(memory.clients()).singleElement()
                    .satisfies(c -> assertThat(c.lobbyId()).isEqualTo(lobby));
            assertThat(memory.gstreamerPipelines().producerPipelines()).isEqualTo(4);
            assertThat(memory.gstreamerPipelines().consumerPipelines()).isEqualTo(2);
        }
    }

    @Test
    void readsTheForksHealthReport() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            SystemHealthReply health = client.systemHealth().orElseThrow();

            assertThat(health.overallStatus()).isEqualTo(SystemHealthReply.STATUS_HEALTHY);
            assertThat(health.stuckThreadCount()).isZero();
            assertThat(health.threads()).hasSize(health.totalThreadCount());
        }
    }

    @Test
    void seesNoForkEndpointsOnUpstreamWolf() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().withoutForkEndpoints().start(dir);
                WolfClient client = Clients.of(sim)) {
            assertThat(client.systemMemory()).isEmpty();
            assertThat(client.systemHealth()).isEmpty();
        }
    }
}
