package dev.lobbygovernor.dashboard;

import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.dashboard.internal.FeedMemory;
import dev.lobbygovernor.dashboard.internal.StatusJson;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The status JSON the dashboard polls: every host's count, cap, warning threshold, health (and
 * since when and why monitoring is lost), GPU readings with their age, lobbies oldest first,
 * orphans and the last cleanup outcomes. It holds ids, numbers and texts, never a lobby's PIN.
 *
 * <p>Give the monitor its {@link #healthListener()} and the reaper its
 * {@link #cleanupListener()}: they remember when monitoring was lost and the last outcomes. Then
 * {@link #watch} the monitor, for the GPU readings:
 * <pre>{@code
 * DashboardFeed feed = new DashboardFeed(governor, clock);
 * HealthMonitor monitor = HealthMonitor.builder()...listener(feed.healthListener()).build();
 * feed.watch(monitor);
 * }</pre>
 * Thread-safe.
 */
public final class DashboardFeed {

    private final LobbyGovernor governor;
    private volatile HealthMonitor monitor;
    private final Clock clock;
    private final FeedMemory memory;

    /**
     * A feed over one governor; GPU readings appear once it {@linkplain #watch watches} a monitor.
     *
     * @param governor the governor; not null
     * @param clock the clock ages are measured with; not null
     */
    public DashboardFeed(LobbyGovernor governor, Clock clock) {
        this.governor = Objects.requireNonNull(governor, "governor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memory = new FeedMemory(clock);
    }

    /**
     * Reads each host's latest health and GPU readings from this monitor.
     *
     * @param healthMonitor the monitor of the governor's hosts; not null
     * @return this
     */
    public DashboardFeed watch(HealthMonitor healthMonitor) {
        this.monitor = Objects.requireNonNull(healthMonitor, "monitor");
        return this;
    }

    /**
     * Remembers when each host's monitoring was lost; add it to the monitor.
     *
     * @return the listener
     */
    public HealthListener healthListener() {
        return memory;
    }

    /**
     * Remembers each host's last cleanup outcomes; add it to the reaper.
     *
     * @return the listener
     */
    public CleanupListener cleanupListener() {
        return memory;
    }

    /**
     * Every host now, as the page reads it. Lists hosts whose listing is stale and reads the
     * store, as {@link LobbyGovernor#status()} does.
     *
     * @return the JSON text
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be read
     */
    public String statusJson() {
        HealthMonitor m = monitor;
        return StatusJson.of(governor.status(), m == null ? h -> Optional.empty() : m::health, memory,
                clock.instant());
    }
}
