package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.health.HealthStatus;
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
        List<LobbyStatus> lobbies) {

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
     * @throws NullPointerException if {@code hostId}, {@code healthStatus},
     *     {@code probeSource}, {@code lastGoodSampleAge} or {@code lobbies} is null
     */
    public HostStatus {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(healthStatus, "healthStatus");
        Objects.requireNonNull(probeSource, "probeSource");
        Objects.requireNonNull(lastGoodSampleAge, "lastGoodSampleAge");
        lobbies = List.copyOf(lobbies);
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
