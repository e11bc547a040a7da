package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerUsage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One host as the governor sees it.
 *
 * @param hostId the host
 * @param healthStatus its latest reported health status
 * @param active lobbies running or reserved (the "n" of n/cap)
 * @param reserved of those, slots granted but neither committed, closed nor expired
 * @param cap its effective cap
 * @param warningThreshold the count at which it counts as nearly full
 * @param monitoringWorking whether its GPU is being read plausibly and freshly
 * @param probeSource the probe behind its latest reading or failure, empty if none
 * @param lastGoodSampleAge how old its latest plausible GPU sample is, empty if none
 * @param reachable whether its lobbies could be listed (if not, the counts are the last known)
 * @param lobbies the lobbies that count, oldest first; leaked lobbies (unknown age) last
 * @param server what the host's streaming server said of itself at the latest health poll
 * @param gpus each of its GPUs with the lobbies placed there, where the host places lobbies per
 *     GPU ({@link Host#gpus()}); empty otherwise
 *     (its own health and counts), empty when nothing asks it
 */
public record HostStatus(
        String hostId,
        HealthStatus healthStatus,
        int active,
        int reserved,
        int cap,
        int warningThreshold,
        boolean monitoringWorking,
        String probeSource,
        Optional<Duration> lastGoodSampleAge,
        boolean reachable,
        List<LobbyStatus> lobbies,
        Optional<ServerReport> server,
        List<GpuStatus> gpus) {

    /**
     * Requires every field; copies the lobbies.
     *
     * @param hostId the host; not null
     * @param healthStatus its latest reported health status; not null
     * @param active lobbies running or reserved
     * @param reserved of those, open permits
     * @param cap its effective cap
     * @param warningThreshold the count at which it counts as nearly full
     * @param monitoringWorking whether its GPU is being read plausibly and freshly
     * @param probeSource the probe behind its latest reading or failure; not null, empty if none
     * @param lastGoodSampleAge how old its latest plausible GPU sample is; not null
     * @param reachable whether its lobbies could be listed
     * @param lobbies the lobbies that count; not null, copied
     * @param server what its streaming server said of itself; {@code null} reads as empty
     * @param gpus each GPU, where the host places lobbies per GPU; {@code null} reads as empty
     * @throws NullPointerException if {@code hostId}, {@code healthStatus},
     *     {@code probeSource}, {@code lastGoodSampleAge} or {@code lobbies} is null
     */
    public HostStatus {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(healthStatus, "healthStatus");
        Objects.requireNonNull(probeSource, "probeSource");
        Objects.requireNonNull(lastGoodSampleAge, "lastGoodSampleAge");
        lobbies = List.copyOf(lobbies);
        server = Objects.requireNonNullElse(server, Optional.empty());
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
    }

    /**
     * A host's status with no per-GPU placement.
     *
     * @param hostId the host; not null
     * @param healthStatus its latest reported health status; not null
     * @param active lobbies running or reserved
     * @param reserved of those, open permits
     * @param cap its effective cap
     * @param warningThreshold the count at which it counts as nearly full
     * @param monitoringWorking whether its GPU is being read plausibly and freshly
     * @param probeSource the probe behind its latest reading or failure; not null, empty if none
     * @param lastGoodSampleAge how old its latest plausible GPU sample is; not null
     * @param reachable whether its lobbies could be listed
     * @param lobbies the lobbies that count; not null, copied
     * @param server what its streaming server said of itself; {@code null} reads as empty
     * @throws NullPointerException if a required field is null
     */
    public HostStatus(String hostId, HealthStatus healthStatus, int active, int reserved, int cap,
            int warningThreshold, boolean monitoringWorking, String probeSource, Optional<Duration> lastGoodSampleAge,
            boolean reachable, List<LobbyStatus> lobbies, Optional<ServerReport> server) {
        this(hostId, healthStatus, active, reserved, cap, warningThreshold, monitoringWorking, probeSource,
                lastGoodSampleAge, reachable, lobbies, server, List.of());
    }

    /**
     * A host's status with no report of its streaming server's own.
     *
     * @param hostId the host; not null
     * @param healthStatus its latest reported health status; not null
     * @param active lobbies running or reserved
     * @param reserved of those, open permits
     * @param cap its effective cap
     * @param warningThreshold the count at which it counts as nearly full
     * @param monitoringWorking whether its GPU is being read plausibly and freshly
     * @param probeSource the probe behind its latest reading or failure; not null, empty if none
     * @param lastGoodSampleAge how old its latest plausible GPU sample is; not null
     * @param reachable whether its lobbies could be listed
     * @param lobbies the lobbies that count; not null, copied
     * @throws NullPointerException if a required field is null
     */
    public HostStatus(String hostId, HealthStatus healthStatus, int active, int reserved, int cap,
            int warningThreshold, boolean monitoringWorking, String probeSource, Optional<Duration> lastGoodSampleAge,
            boolean reachable, List<LobbyStatus> lobbies) {
        this(hostId, healthStatus, active, reserved, cap, warningThreshold, monitoringWorking, probeSource,
                lastGoodSampleAge, reachable, lobbies, Optional.empty());
    }

    /**
     * What the streaming server itself counts (its lobbies, connected clients and process
     * memory) while the GPU cannot be read: the evidence that a blind host is not idle. Empty
     * while monitoring works (the GPU readings say it then), and when the server gave no counts.
     *
     * @return the server's own counts while GPU monitoring is lost
     */
    public Optional<ServerUsage> serverCountWhileBlind() {
        return monitoringWorking ? Optional.empty() : server.flatMap(ServerReport::usage);
    }

    /**
     * Whether the host is at or above its warning threshold (e.g. 4/5).
     *
     * @return true if {@code active >= warningThreshold}: nearly full, or full
     */
    public boolean warning() {
        return active >= warningThreshold;
    }

    /**
     * Whether no further lobby fits under the effective cap.
     *
     * @return true if {@code active >= cap}
     */
    public boolean full() {
        return active >= cap;
    }
}
