package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.GpuStats;
import dev.lobbygovernor.wolf.model.Lobby;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.model.SystemHealthReply;
import dev.lobbygovernor.wolf.model.SystemMemoryReply;
import dev.lobbygovernor.wolf.model.VideoSettings;
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
    static final int PIPELINES_PER_LOBBY = 2;
    /** Consumer pipelines per streaming session (video and audio), as the fork counts them. */
    static final int PIPELINES_PER_SESSION = 2;
    /** How long the simulated nvidia-smi call takes, reported as {@code query_duration_ms}. */
    static final long QUERY_DURATION_MS = 42;
    private static final int ENCODER_FPS = 60;
    private static final int ENCODER_LATENCY_US = 2800;
    private static final int ENCODER_UTILIZATION_PER_SESSION = 8;

    private final WolfState state;
    private final GpuModel gpu;
    private final List<App> apps;
    private final Clock clock;

    SystemRoutes(WolfState state, GpuModel gpu, List<App> apps, Clock clock) {
        this.state = state;
        this.gpu = gpu;
        this.apps = List.copyOf(apps);
        this.clock = clock;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/system/memory", r -> Bodies.ok(memory()))
                .add("GET", "/api/v1/system/health", r -> Bodies.ok(health()));
    }

    SystemMemoryReply memory() {
        List<Lobby> lobbies = state.wireLobbies();
        Map<String, VideoSettings> video = state.lobbyVideo();
        List<StreamSession> sessions = state.sessions();
        Map<String, String> lobbyOf = state.lobbyOfSession();
        int n = lobbies.size();
        List<SystemMemoryReply.AppMemory> appMemory = new ArrayList<>();
        for (App a : apps) {
            // the fork lists every app with no stream of its own: lobbies do the streaming
            appMemory.add(new SystemMemoryReply.AppMemory(a.id(), a.title(), "N/A", 0, 0));
        }
        List<SystemMemoryReply.LobbyMemory> lobbyMemory = new ArrayList<>();
        for (Lobby l : lobbies) {
            VideoSettings v = video.get(l.id());
            lobbyMemory.add(new SystemMemoryReply.LobbyMemory(l.id(), l.name(),
                    v == null ? "N/A" : resolution(v.width(), v.height(), v.refreshRate()),
                    l.connectedSessions().size(), RSS_PER_LOBBY_BYTES));
        }
        List<SystemMemoryReply.ClientMemory> clients = new ArrayList<>();
        for (StreamSession s : sessions) {
            if (!state.streamed(s.id())) {
                // the fork lists a client while its stream runs; an abandoned session has none
                continue;
            }
            clients.add(new SystemMemoryReply.ClientMemory(s.id(), s.clientIp(),
                    resolution(s.videoWidth(), s.videoHeight(), s.videoRefreshRate()),
                    lobbyOf.get(s.id()), s.appId(), MEMORY_PER_CLIENT_BYTES));
        }
        long rss = BASE_RSS_BYTES + n * RSS_PER_LOBBY_BYTES + sessions.size() * MEMORY_PER_CLIENT_BYTES;
        int producers = PIPELINES_PER_LOBBY * n;
        int consumers = PIPELINES_PER_SESSION * sessions.size();
        return new SystemMemoryReply(true, rss, n * BUFFER_PER_LOBBY_BYTES, rss, appMemory,
                lobbyMemory, clients, gpuStats(n),
                new SystemMemoryReply.PipelineCounts(producers, consumers, producers + consumers));
    }

    /** The fork writes a video mode as {@code WIDTHxHEIGHT@FPS}. */
    private static String resolution(int width, int height, int fps) {
        return width + "x" + height + "@" + fps;
    }

    /**
     * The fork's {@code gpu_stats} is a struct with defaults: every field is sent, {@code error}
     * is "" while nvidia-smi answers, and a failed call leaves the readings at "" and 0 (the
     * zeros the incident's control plane took for an idle GPU).
     */
    private GpuStats gpuStats(int lobbies) {
        if (state.nvmlBroken()) {
            return new GpuStats(false, "", 0, 0, 0, 0, 0, 0, 0L, 0L, 0, QUERY_DURATION_MS, NVML_FAILURE);
        }
        int sessions = gpu.encoderSessions(lobbies);
        return new GpuStats(true, gpu.name(), sessions,
                sessions == 0 ? 0 : ENCODER_FPS,
                sessions == 0 ? 0 : ENCODER_LATENCY_US,
                Math.min(100, sessions * ENCODER_UTILIZATION_PER_SESSION),
                gpu.gpuUtilizationPercent(lobbies), gpu.memoryUtilizationPercent(lobbies),
                gpu.memoryUsedMiB(lobbies), gpu.totalMemoryMiB(), gpu.temperatureC(lobbies),
                QUERY_DURATION_MS, "");
    }

    /** How long ago a stuck thread last beat, as reported: past the fork's stuck limit. */
    static final long STUCK_SECONDS = 120;

    /**
     * Health as the fork computes it: no new pipelines once NVML is broken or a test says so,
     * which makes the status "critical"; else "degraded" while a thread is stuck, else
     * "healthy".
     */
    SystemHealthReply health() {
        long uptime = Math.max(0, Duration.between(state.startedAt(), clock.instant()).toSeconds());
        boolean canCreate = !state.nvmlBroken() && !state.pipelinesFail();
        List<SystemHealthReply.ThreadHealth> threads = new ArrayList<>(List.of(
                thread(1, "HTTP API", "serves the API socket", uptime),
                thread(2, "GStreamer main loop", "runs the lobby pipelines", uptime)));
        List<String> stuck = state.stuckThreads();
        long tid = 100;
        for (String name : stuck) {
            threads.add(new SystemHealthReply.ThreadHealth(tid++, name, "stopped its heartbeat", STUCK_SECONDS,
                    uptime, 1L, true, null, 0L, false, "#0 pthread_cond_wait"));
        }
        String status = !canCreate ? SystemHealthReply.STATUS_CRITICAL
                : stuck.isEmpty() ? SystemHealthReply.STATUS_HEALTHY : SystemHealthReply.STATUS_DEGRADED;
        return new SystemHealthReply(true, uptime, threads, stuck.size(), threads.size(), canCreate, status);
    }

    private static SystemHealthReply.ThreadHealth thread(long tid, String name, String details,
            long uptime) {
        return new SystemHealthReply.ThreadHealth(tid, name, details, 0L, uptime, uptime, false,
                null, 0L, false, null);
    }
}
