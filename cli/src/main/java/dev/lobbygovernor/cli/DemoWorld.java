package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.admission.GovernorConfig;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.core.health.HealthThresholds;
import dev.lobbygovernor.core.health.MonitorConfig;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfGpuProbe;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.sim.GpuModel;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the demo runs on, wired as a host application would wire the library: a Wolf
 * simulator on a temporary UNIX socket (the incident's card), a {@link WolfClient}, the
 * in-memory store, the governor over {@link WolfLobbyRuntime}, a health monitor over
 * {@link WolfGpuProbe} and a reaper. Closing it stops everything and deletes the socket's folder.
 */
final class DemoWorld implements AutoCloseable {

    static final String HOST = "wolf-1";
    /** How often the monitor probes once started: short, so detection takes a fraction of a second. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    /**
     * A reading older than this counts as stale. The monitor's default, three probe intervals,
     * would be 600 ms here: less than a cold JVM's first call over the socket can take on a
     * busy machine, which would show a staleness the demo is not about.
     */
    static final Duration STALENESS_LIMIT = Duration.ofSeconds(5);
    /** How long a lobby nobody recorded may run before the reaper acts on it. */
    static final Duration ORPHAN_GRACE = Duration.ofMillis(300);
    /** The incident: NVML failed with 6 lobbies on the card... */
    static final int NVML_BREAKS_AT = 6;
    /** ...and the 7th lobby crashed the GPU stack and Wolf with it. */
    static final int GPU_STACK_FAILS_AT = 7;

    final Clock clock;
    final Path dir;
    final WolfSimulator sim;
    final WolfClient client;
    final WolfLobbyRuntime runtime;
    final InMemorySessionStore store = new InMemorySessionStore();
    final LobbyGovernor governor;
    final CountingProbe probe;
    final DemoRecorder recorder;
    final HealthMonitor monitor;
    final LobbyReaper reaper;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private DemoWorld(Clock clock, Timeline timeline) throws IOException {
        this.clock = clock;
        this.dir = Files.createTempDirectory("lobby-governor-demo");
        try {
            sim = WolfSimulator.builder().gpu(GpuModel.rtx2000Ada())
                    .nvmlBreaksAt(NVML_BREAKS_AT).gpuStackFailsAt(GPU_STACK_FAILS_AT).start(dir);
            toClose.add(sim);
            client = WolfClient.builder().unixSocket(sim.socketPath())
                    .settings(TransportSettings.builder().connectTimeout(Duration.ofSeconds(1))
                            .requestTimeout(Duration.ofSeconds(5)).build())
                    .build();
            toClose.add(0, client);
            runtime = new WolfLobbyRuntime(client);
            // List Wolf on every admission: a lobby started behind the governor's back counts at once.
            governor = LobbyGovernor.builder().store(store).clock(clock)
                    .config(GovernorConfig.builder().runtimeListTtl(Duration.ZERO).build())
                    .host(Host.of(HOST, runtime))
                    .build();
            probe = new CountingProbe(Probes.withTimeout(new WolfGpuProbe(client, clock), Probes.DEFAULT_TIMEOUT));
            toClose.add(0, probe);
            recorder = new DemoRecorder(timeline, governor::reportHealth);
            monitor = HealthMonitor.builder().clock(clock)
                    .config(MonitorConfig.builder().probeInterval(PROBE_INTERVAL)
                            .thresholds(HealthThresholds.builder().stalenessLimit(STALENESS_LIMIT).build())
                            .build())
                    .host(HOST, probe)
                    .capacity(governor::capacity)
                    .sink(recorder::accept)
                    .listener(recorder)
                    .build();
            toClose.add(0, monitor);
            reaper = LobbyReaper.builder(store, Map.of(HOST, runtime)).clock(clock)
                    .config(ReaperConfig.builder().orphanGrace(ORPHAN_GRACE).build())
                    .listener(recorder)
                    .build();
            toClose.add(0, reaper);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static DemoWorld start(Clock clock, Timeline timeline) throws IOException {
        return new DemoWorld(clock, timeline);
    }

    /** Closes in reverse order of creation, then removes the socket's folder. */
    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the demo is ending, and one failed close must not hide the others
            }
        }
        toClose.clear();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
