package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.model.GpuStats;
import dev.lobbygovernor.wolf.model.Lobby;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.model.SystemHealthReply;
import dev.lobbygovernor.wolf.model.SystemMemoryReply;
import dev.lobbygovernor.wolf.sim.GpuModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The helixml fork's system endpoints, {@code /api/v1/system/memory} and
 * {@code /api/v1/system/health}, computed from the lobby count and the {@link GpuModel}.
 * Registered only when the simulator serves the fork; upstream Wolf answers them 404.
 */
final class SystemRoutes {

    /**
     * Wolf's text when nvidia-smi fails: nvidia-smi exits 255 after printing
     * {@code Failed to initialize NVML: Unknown Error}.
     */
    static final String NVML_FAILURE = "nvidia-smi exited with code 255";
    /** Wolf's resident set with no lobby. */
    static final long BASE_RSS_BYTES = 190L * 1024 * 1024;
    /** What each lobby adds to Wolf's resident set: six lobbies make about 1461 MB, as observed. */
    static final long RSS_PER_LOBBY_BYTES = 212L * 1024 * 1024;
    /** GStreamer buffers each lobby holds. */
    static final long BUFFER_PER_LOBBY_BYTES = 48L * 1024 * 1024;
    /** Memory each streaming client holds. */
    static final long MEMORY_PER_CLIENT_BYTES = 16L * 1024 * 1024;
    /** Producer pipelines per lobby (video and audio): 12 for 6 lobbies in the incident. */
    static final int PRODUCERS_PER_LOBBY = 2;
    /** How long the simulated nvidia-smi call takes, reported as {@code query_duration_ms}. */
    static final long QUERY_DURATION_MS = 42;
    private static final int ENCODER_FPS = 60;
    private static final int ENCODER_LATENCY_US = 2800;
    private static final int ENCODER_UTILIZATION_PER_SESSION = 8;

    private final WolfState state;
    private final GpuModel gpu;
    private final Clock clock;

    SystemRoutes(WolfState state, GpuModel gpu, Clock clock) {
        this.state = state;
        this.gpu = gpu;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/system/memory", r -> Bodies.ok(memory()))
                .add("GET", "/api/v1/system/health", r -> Bodies.ok(health()));
    }

    SystemMemoryReply memory() {
        List<Lobby> lobbies = state.wireLobbies();
        List<StreamSession> sessions = state.sessions();
        Map<String, String> lobbyOf = state.lobbyOfSession();
        int n = lobbies.size();
        List<SystemMemoryReply.LobbyMemory> lobbyMemory = new ArrayList<>();
        for (Lobby l : lobbies) {
            lobbyMemory.add(new SystemMemoryReply.LobbyMemory(l.id(), l.name(),
                    l.connectedSessions().size(), RSS_PER_LOBBY_BYTES));
        }
        List<SystemMemoryReply.ClientMemory> clients = new ArrayList<>();
        for (StreamSession s : sessions) {
            clients.add(new SystemMemoryReply.ClientMemory(s.sessionId(), s.clientIp(),
                    s.videoWidth() + "x" + s.videoHeight(), lobbyOf.get(s.sessionId()), s.appId(),
                    MEMORY_PER_CLIENT_BYTES));
        }
        long rss = BASE_RSS_BYTES + n * RSS_PER_LOBBY_BYTES + sessions.size() * MEMORY_PER_CLIENT_BYTES;
        int producers = PRODUCERS_PER_LOBBY * n;
        int consumers = lobbyOf.size();
        return new SystemMemoryReply(true, rss, n * BUFFER_PER_LOBBY_BYTES, rss, List.of(),
                lobbyMemory, clients, gpuStats(n, consumers),
                new SystemMemoryReply.PipelineCounts(producers, consumers, producers + consumers));
    }

    private GpuStats gpuStats(int lobbies, int consumers) {
        if (state.nvmlBroken()) {
            return GpuStats.unavailable(NVML_FAILURE);
        }
        int sessions = gpu.encoderSessions(lobbies);
        return new GpuStats(true, gpu.name(), sessions,
                sessions == 0 ? 0 : ENCODER_FPS,
                sessions == 0 ? 0 : ENCODER_LATENCY_US,
                Math.min(100, sessions * ENCODER_UTILIZATION_PER_SESSION),
                gpu.gpuUtilizationPercent(lobbies), gpu.memoryUtilizationPercent(lobbies),
                gpu.memoryUsedMiB(lobbies), gpu.totalMemoryMiB(), gpu.temperatureC(lobbies),
                QUERY_DURATION_MS, null);
    }

    /**
     * Health as the fork computes it: no stuck threads in the simulator, and no new pipelines
     * once NVML is broken, which makes the status "critical".
     */
    SystemHealthReply health() {
        long uptime = Math.max(0, Duration.between(state.startedAt(), clock.instant()).toSeconds());
        boolean canCreate = !state.nvmlBroken();
        List<SystemHealthReply.ThreadHealth> threads = List.of(
                thread(1, "HTTP API", "serves the API socket", uptime),
                thread(2, "GStreamer main loop", "runs the lobby pipelines", uptime));
        return new SystemHealthReply(true, uptime, threads, 0, threads.size(), canCreate,
                canCreate ? SystemHealthReply.STATUS_HEALTHY : SystemHealthReply.STATUS_CRITICAL);
    }

    private static SystemHealthReply.ThreadHealth thread(long tid, String name, String details,
            long uptime) {
        return new SystemHealthReply.ThreadHealth(tid, name, details, 0L, uptime, uptime, false,
                null, 0L, false, null);
    }
}
