package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.core.health.MonitorConfig;
import dev.lobbygovernor.dashboard.DashboardFeed;
import dev.lobbygovernor.store.InMemorySessionStore;
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
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's demo: a simulated Wolf on the incident's card, with a governor, monitor and
 * reaper over it, that a newcomer can watch fill. A lobby is added every few seconds until the
 * host refuses one; a few steps later NVML breaks, as in the incident, and the page shows the
 * monitoring loss.
 */
final class DashboardDemo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DashboardDemo.class);

    /** Slow enough for a person to see each step on the page. */
    static final Duration STEP = Duration.ofSeconds(3);
    /** Steps the host stays full before NVML breaks. */
    static final int FULL_STEPS_BEFORE_NVML_BREAKS = 3;

    private final Path dir;
    private final WolfSimulator sim;
    private final WolfClient client;
    private final GpuProbe probe;
    private final HealthMonitor monitor;
    private final LobbyReaper reaper;
    private final ScheduledExecutorService filler;
    private final LobbyGovernor governor;
    private final InMemorySessionStore store = new InMemorySessionStore();
    final DashboardFeed feed;
    private int created;
    private int fullSteps;

    DashboardDemo(Clock clock) throws IOException {
        dir = Files.createTempDirectory("lobby-governor-dashboard");
        sim = WolfSimulator.builder().gpu(GpuModel.rtx2000Ada()).start(dir);
        client = WolfClient.builder().unixSocket(sim.socketPath()).settings(WolfSocketOption.CLI_TRANSPORT).build();
        WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);
        governor = LobbyGovernor.builder().store(store).clock(clock).host(Host.of(DemoWorld.HOST, runtime)).build();
        feed = new DashboardFeed(governor, clock);
        probe = Probes.withTimeout(new WolfGpuProbe(client, clock), Probes.DEFAULT_TIMEOUT);
        monitor = HealthMonitor.builder().clock(clock)
                .config(MonitorConfig.builder().probeInterval(Duration.ofSeconds(1)).build())
                .host(DemoWorld.HOST, probe).capacity(governor::capacity).sink(governor::reportHealth)
                .listener(feed.healthListener()).build();
        feed.watch(monitor);
        reaper = LobbyReaper.builder(store, Map.of(DemoWorld.HOST, runtime)).clock(clock)
                .listener(feed.cleanupListener()).build();
        filler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lobby-governor-dashboard-demo");
            t.setDaemon(true);
            return t;
        });
        monitor.start();
        reaper.start();
        filler.scheduleWithFixedDelay(this::step, 0, STEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void step() {
        try {
            String session = "visitor-" + (created + 1);
            store.putSession(session); // a live session: the reaper leaves its lobby alone
            try (Permit permit = governor.acquire(AdmissionRequest.forSession(session))) {
                permit.create(c -> client.createLobby(LobbyRequests.desktopFor(session), c));
                created++;
            }
        } catch (AdmissionDeniedException e) {
            fullSteps++;
            if (fullSteps == FULL_STEPS_BEFORE_NVML_BREAKS) {
                sim.breakNvml();
            }
        } catch (Exception e) {
            log.atWarn().setCause(e).log("The dashboard demo could not add a lobby");
        }
    }

    @Override
    public void close() {
        filler.shutdownNow();
        reaper.close();
        monitor.close();
        probe.close();
        client.close();
        sim.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
