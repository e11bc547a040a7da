package dev.lobbygovernor.dashboard.internal;

import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HostHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the dashboard shows that no status holds: since when each host's monitoring is lost (a
 * health says only that it is), and each host's last cleanup outcomes.
 */
public final class FeedMemory implements HealthListener, CleanupListener {

    /** Enough outcomes for a person to see what cleanup did lately, few enough to read. */
    static final int OUTCOMES_KEPT = 8;

    private final Clock clock;
    private final Map<String, Instant> lostSince = new ConcurrentHashMap<>();
    private final Map<String, Deque<Remembered>> outcomes = new ConcurrentHashMap<>();

    /**
     * A memory stamping outcomes with this clock.
     *
     * @param clock the clock
     */
    public FeedMemory(Clock clock) {
        this.clock = clock;
    }

    /**
     * An outcome and when it was heard.
     *
     * @param at when
     * @param outcome what
     */
    public record Remembered(Instant at, CleanupOutcome outcome) {
    }

    @Override
    public void onMonitoringLost(HostHealth health) {
        lostSince.put(health.hostId(), health.evaluatedAt());
    }

    @Override
    public void onMonitoringRestored(HostHealth health, Duration darkFor) {
        lostSince.remove(health.hostId());
    }

    @Override
    public void onCycleCompleted(CycleReport report) {
        Instant now = clock.instant();
        for (CleanupOutcome o : report.outcomes()) {
            Deque<Remembered> kept = outcomes.computeIfAbsent(o.hostId(), h -> new ArrayDeque<>());
            synchronized (kept) {
                kept.addFirst(new Remembered(now, o));
                while (kept.size() > OUTCOMES_KEPT) {
                    kept.removeLast();
                }
            }
        }
    }

    Optional<Instant> lostSince(String hostId) {
        return Optional.ofNullable(lostSince.get(hostId));
    }

    List<Remembered> outcomes(String hostId) {
        Deque<Remembered> kept = outcomes.get(hostId);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
