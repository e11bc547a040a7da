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
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfGpuProbe;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.WolfServerReporter;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The governor's view of one Wolf host, taken once: its lobby count against its cap (every lobby
 * Wolf runs counts; this command has no session database, so none is "recorded") and its
 * health, read through NVML, then nvidia-smi, then Wolf's own GPU report ({@link StatusGpuProbe}:
 * a local probe whose library is absent is skipped, never blamed). The socket is local, so the
 * GPU Wolf uses is this machine's, but Wolf may see it while this process does not.
 *
 * <p>Wolf's own report (the fork's {@code system/health} and {@code system/memory}) is shown
 * beside: whether Wolf can create new pipelines, stuck threads, its lobbies, clients and process
 * memory, or that this Wolf does not have it. While the GPU cannot be read, Wolf's count is
 * what shows the host is not idle: its lobbies, connected clients and process memory, from
 * {@code system/memory} or, where Wolf has none, from its lobby list.
 *
 * @param endpoint where Wolf was reached
 * @param status the governor's host status
 * @param health the classified health
 * @param listed the lobbies and connected clients Wolf listed, counted from its lobby list
 */
record WolfHostView(String endpoint, HostStatus status, HostHealth health, ListedCount listed) {

    /**
     * What Wolf's lobby list counts: the fallback for Wolf's own count on a Wolf without
     * {@code system/memory}.
     *
     * @param lobbies lobbies listed
     * @param clients connected sessions over those lobbies
     */
    record ListedCount(int lobbies, int clients) {
    }

    static final String HOST = "wolf";

    /**
     * Lists Wolf and probes the GPU once.
     *
     * @param localProbes this machine's probes, best first; Wolf's own GPU report comes last
     */
    static WolfHostView read(WolfClient client, Clock clock, List<GpuProbe> localProbes)
            throws LobbyRuntimeException {
        WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);
        // an unreachable Wolf is an error here, not a host with no lobbies
        List<LiveLobby> live = runtime.listLobbies();
        ListedCount listed = new ListedCount(live.size(), live.stream().mapToInt(LiveLobby::connectedSessions).sum());
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .host(Host.of(HOST, runtime)).build();
        governor.status(); // lists Wolf, so the monitor classifies against the real count
        List<GpuProbe> probes = new ArrayList<>();
        localProbes.forEach(p -> probes.add(Probes.withTimeout(p, Probes.DEFAULT_TIMEOUT)));
        probes.add(Probes.withTimeout(new WolfGpuProbe(client, clock), Probes.DEFAULT_TIMEOUT));
        try (GpuProbe chain = new StatusGpuProbe(probes);
                HealthMonitor monitor = HealthMonitor.builder().clock(clock).host(HOST, chain)
                        .serverReporter(HOST, new WolfServerReporter(client, clock))
                        .capacity(governor::capacity).sink(governor::reportHealth).build()) {
            HostHealth health = monitor.pollOnce().get(0);
            HostStatus status = governor.status().host(HOST).orElseThrow();
            return new WolfHostView(client.endpoint(), status, health, listed);
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
        root.set("wolf", WolfReportText.json(status.server()));
        root.set("wolfCountWhileBlind", blindCount().map(BlindCount::json).orElse(null));
        return root;
    }

    /**
     * Wolf's own count while GPU monitoring is lost: from {@code system/memory}, else from the
     * lobby list; empty while the GPU can be read.
     */
    Optional<BlindCount> blindCount() {
        if (health.monitoringWorking()) {
            return Optional.empty();
        }
        return Optional.of(status.serverCountWhileBlind()
                .map(u -> new BlindCount("system/memory", u.lobbies(), u.clients(), u.processMemoryBytes()))
                .orElseGet(() -> new BlindCount("lobby list", listed.lobbies(), listed.clients(), OptionalLong.empty())));
    }

    /**
     * What Wolf counts while the GPU is dark.
     *
     * @param from which of Wolf's reports the numbers come from
     * @param lobbies lobbies Wolf runs
     * @param clients streaming clients connected
     * @param processMemoryBytes Wolf's process memory, where it said
     */
    record BlindCount(String from, int lobbies, int clients, OptionalLong processMemoryBytes) {

        ObjectNode json() {
            ObjectNode n = GpuJson.MAPPER.createObjectNode();
            n.put("note", "Wolf's own count while GPU monitoring is lost");
            n.put("from", from);
            n.put("lobbies", lobbies);
            n.put("clients", clients);
            if (processMemoryBytes.isPresent()) {
                n.put("processMemoryBytes", processMemoryBytes.getAsLong());
            } else {
                n.putNull("processMemoryBytes");
            }
            return n;
        }

        String line() {
            return "GPU MONITORING LOST, but Wolf's own count (" + from + ") shows the host is not idle: " + lobbies
                    + " lobbies, " + clients + " clients connected"
                    + (processMemoryBytes.isPresent() ? ", Wolf process memory "
                            + WolfReportText.mib(processMemoryBytes.getAsLong()) : "");
        }
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
        blindCount().ifPresent(c -> out.println(c.line()));
        WolfReportText.lines(status.server()).forEach(out::println);
    }
}
