package dev.lobbygovernor.dashboard;

import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.dashboard.internal.FeedMemory;
import dev.lobbygovernor.dashboard.internal.StatusJson;
import java.time.Clock;
import java.util.Objects;

/**
 * The status JSON the dashboard polls: every host's count, cap, warning threshold, health (and
 * since when and why monitoring is lost), GPU readings with their age, lobbies oldest first,
 * orphans and the last cleanup outcomes. It holds ids, numbers and texts, never a lobby's PIN.
 *
 * <p>Give the monitor its {@link #healthListener()} and the reaper its
 * {@link #cleanupListener()}: they remember when monitoring was lost and the last outcomes.
 * Thread-safe.
 */
public final class DashboardFeed {

    private final LobbyGovernor governor;
    private final HealthMonitor monitor;
    private final Clock clock;
    private final FeedMemory memory;

    /**
     * A feed over one governor and the monitor of its hosts.
     *
     * @param governor the governor; not null
     * @param monitor the monitor, or {@code null} when nobody monitors the GPUs
     * @param clock the clock ages are measured with; not null
     */
    public DashboardFeed(LobbyGovernor governor, HealthMonitor monitor, Clock clock) {
        this.governor = Objects.requireNonNull(governor, "governor");
        this.monitor = monitor;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memory = new FeedMemory(clock);
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
        return StatusJson.of(governor.status(), monitor == null ? h -> java.util.Optional.empty() : monitor::health,
                memory, clock.instant());
    }
}
