package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.dashboard.DashboardFeed;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfGpuProbe;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.WolfServerReporter;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The dashboard's view of a real Wolf: a governor over its lobbies with an empty store and a
 * monitor over its GPU stats and its own health report, and no reaper, so that watching never stops anything. Lobbies this
 * view has no record of show as not recorded.
 */
final class WolfDashboard implements AutoCloseable {

    private final WolfClient client;
    private final GpuProbe probe;
    private final HealthMonitor monitor;
    final DashboardFeed feed;

    WolfDashboard(Path socket, Clock clock) {
        client = WolfSocketOption.client(socket);
        probe = Probes.withTimeout(new WolfGpuProbe(client, clock), Probes.DEFAULT_TIMEOUT);
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .host(Host.of(DemoWorld.HOST, new WolfLobbyRuntime(client))).build();
        feed = new DashboardFeed(governor, clock);
        monitor = HealthMonitor.builder().clock(clock).host(DemoWorld.HOST, probe)
                .serverReporter(DemoWorld.HOST, new WolfServerReporter(client, clock)).capacity(governor::capacity)
                .sink(governor::reportHealth).listener(feed.healthListener()).build();
        feed.watch(monitor);
        monitor.start();
    }

    /** Where Wolf is, for the banner line. */
    String endpoint() {
        return client.endpoint();
    }

    @Override
    public void close() {
        monitor.close();
        probe.close();
        client.close();
    }
}
