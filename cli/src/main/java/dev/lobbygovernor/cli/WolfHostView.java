package dev.lobbygovernor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfGpuProbe;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The governor's view of one Wolf host, taken once: its lobby count against its cap (every lobby
 * Wolf runs counts; this command has no session database, so none is "recorded") and its
 * health, read through NVML, then nvidia-smi, then Wolf's own GPU report ({@link StatusGpuProbe}:
 * a local probe whose library is absent is skipped, never blamed). The socket is local, so the
 * GPU Wolf uses is this machine's, but Wolf may see it while this process does not.
 *
 * @param endpoint where Wolf was reached
 * @param status the governor's host status
 * @param health the classified health
 */
record WolfHostView(String endpoint, HostStatus status, HostHealth health) {

    static final String HOST = "wolf";

    /**
     * Lists Wolf and probes the GPU once.
     *
     * @param localProbes this machine's probes, best first; Wolf's own GPU report comes last
     */
    static WolfHostView read(WolfClient client, Clock clock, List<GpuProbe> localProbes)
            throws LobbyRuntimeException {
        WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);
        runtime.listLobbies(); // an unreachable Wolf is an error here, not a host with no lobbies
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .host(Host.of(HOST, runtime)).build();
        governor.status(); // lists Wolf, so the monitor classifies against the real count
        List<GpuProbe> probes = new ArrayList<>();
        localProbes.forEach(p -> probes.add(Probes.withTimeout(p, Probes.DEFAULT_TIMEOUT)));
        probes.add(Probes.withTimeout(new WolfGpuProbe(client, clock), Probes.DEFAULT_TIMEOUT));
        try (GpuProbe chain = new StatusGpuProbe(probes);
                HealthMonitor monitor = HealthMonitor.builder().clock(clock).host(HOST, chain)
                        .capacity(governor::capacity).sink(governor::reportHealth).build()) {
            HostHealth health = monitor.pollOnce().get(0);
            HostStatus status = governor.status().host(HOST).orElseThrow();
            return new WolfHostView(client.endpoint(), status, health);
        }
    }

    private List<GpuDevice> devices() {
        return health.monitoringWorking() && health.lastGoodSample() != null
                ? health.lastGoodSample().devices() : List.of();
    }

    /**
     * {@code {"host", "endpoint", "lobbies": {"active", "cap", "warningThreshold"}, "warning",
     * "full", "source", "gpus": [...], "health": {...}}}.
     */
    ObjectNode json() {
        ObjectNode root = GpuJson.MAPPER.createObjectNode();
        root.put("host", status.hostId());
        root.put("endpoint", endpoint);
        ObjectNode lobbies = root.putObject("lobbies");
        lobbies.put("active", status.active());
        lobbies.put("cap", status.cap());
        lobbies.put("warningThreshold", status.warningThreshold());
        root.put("warning", status.warning());
        root.put("full", status.full());
        root.put("source", health.probeSource());
        ArrayNode gpus = root.putArray("gpus");
        devices().forEach(d -> gpus.add(GpuJson.device(d)));
        root.set("health", GpuJson.health(health));
        return root;
    }

    void print(PrintStream out) {
        out.printf("Wolf at %s: %d/%d lobbies (warning at %d)%n", endpoint, status.active(), status.cap(),
                status.warningThreshold());
        if (status.full()) {
            out.println("FULL: the next lobby would be refused");
        } else if (status.warning()) {
            out.println("WARNING: nearly full");
        }
        out.printf("health: %s (monitoring %s%s)%n", health.status(),
                health.monitoringWorking() ? "working" : "NOT working",
                health.probeSource().isEmpty() ? "" : ", via " + health.probeSource());
        for (HealthReason r : health.reasons()) {
            out.println("  - " + r.message());
        }
        for (GpuDevice d : devices()) {
            out.printf("GPU %d  %s: %s/%s MiB used, %s encoder sessions%n", d.index(), d.name(),
                    d.memoryUsedMiB(), d.memoryTotalMiB(), d.encoderSessions());
        }
    }
}
