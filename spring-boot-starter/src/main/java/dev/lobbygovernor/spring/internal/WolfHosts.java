package dev.lobbygovernor.spring.internal;

import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.ServerReporter;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.spring.LobbyGovernorProperties;
import dev.lobbygovernor.spring.LobbyGovernorProperties.HostEntry;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfGpuProbe;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.WolfServerReporter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One Wolf client per configured host, with its runtime and GPU probe; closing closes them. */
public final class WolfHosts implements AutoCloseable {

    private final List<WolfClient> clients = new ArrayList<>();
    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, LobbyRuntime> runtimes = new LinkedHashMap<>();
    private final Map<String, GpuProbe> probes = new LinkedHashMap<>();
    private final Map<String, ServerReporter> reporters = new LinkedHashMap<>();

    /**
     * Connects to every configured host (clients connect lazily, on their first call).
     *
     * @param properties the hosts
     * @param clock the clock of the probes
     * @throws IllegalStateException if no host is configured, or one has no id or no Wolf address
     */
    public WolfHosts(LobbyGovernorProperties properties, Clock clock) {
        if (properties.hosts().isEmpty()) {
            throw new IllegalStateException("Lobby Governor has no host: set lobby-governor.hosts[0].id and"
                    + " lobby-governor.hosts[0].wolf-socket (or wolf-url), or lobby-governor.enabled=false");
        }
        try {
            for (HostEntry entry : properties.hosts()) {
                WolfClient client = client(entry);
                clients.add(client);
                WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);
                HostLimits.Builder limits = HostLimits.builder().staticCap(entry.staticCap());
                if (entry.warningThreshold() != null) {
                    limits.warningThreshold(entry.warningThreshold());
                }
                if (entry.encoderSessionCap() != null) {
                    limits.encoderSessionCap(entry.encoderSessionCap());
                }
                if (entry.encoderCapScope() != null) {
                    limits.encoderCapScope(entry.encoderCapScope());
                }
                hosts.add(Host.of(entry.id(), runtime, limits.build()));
                runtimes.put(entry.id(), runtime);
                probes.put(entry.id(), Probes.withTimeout(new WolfGpuProbe(client, clock), Probes.DEFAULT_TIMEOUT));
                reporters.put(entry.id(), new WolfServerReporter(client, clock));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static WolfClient client(HostEntry entry) {
        if (entry.id() == null || entry.id().isBlank()) {
            throw new IllegalStateException("Every lobby-governor.hosts entry needs an id");
        }
        if (entry.wolfSocket() != null) {
            return WolfClient.builder().unixSocket(entry.wolfSocket()).build();
        }
        if (entry.wolfUrl() != null) {
            return WolfClient.builder().http(entry.wolfUrl(), Optional.ofNullable(entry.wolfToken())).build();
        }
        throw new IllegalStateException("Host '" + entry.id() + "' needs lobby-governor.hosts[].wolf-socket or"
                + " wolf-url");
    }

    /**
     * The hosts.
     *
     * @return the hosts, in configured order
     */
    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /**
     * Each host's runtime, for the reaper.
     *
     * @return the runtimes by host id
     */
    public Map<String, LobbyRuntime> runtimes() {
        return Map.copyOf(runtimes);
    }

    /**
     * Each host's GPU probe, through Wolf.
     *
     * @return the probes by host id, in configured order
     */
    public Map<String, GpuProbe> probes() {
        return new LinkedHashMap<>(probes);
    }

    /**
     * Each host's Wolf, asked for its own health and counts.
     *
     * @return the reporters by host id, in configured order
     */
    public Map<String, ServerReporter> serverReporters() {
        return new LinkedHashMap<>(reporters);
    }

    @Override
    public void close() {
        probes.values().forEach(GpuProbe::close);
        clients.forEach(WolfClient::close);
    }
}
