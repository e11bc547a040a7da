package dev.lobbygovernor.core.health.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a probe's reuse of readings and a staleness limit can contradict each other: a pure
 * rule, checked when a health monitor is built.
 *
 * <p>Staleness is judged from when a reading was taken. A probe hands back a reading either
 * fresh, read during the call (and a call that outlasts the staleness limit is a timeout, not a
 * reading), or reused, younger than its {@linkplain dev.lobbygovernor.core.gpu.GpuProbe#maxReadingAge()
 * maximum reading age} (a cache measures its TTL from when the reading was taken). A GPU that
 * keeps answering is therefore never judged stale exactly when that age is at most the limit,
 * whatever the probe interval: other callers of a shared probe may refill its cache between two
 * polls, so the interval does not bound the age of what a poll finds. The interval enters
 * through the limit it derives (three intervals unless thresholds are set).
 */
public final class StalenessRule {

    private StalenessRule() {
    }

    /**
     * Why these settings could report a GPU that keeps answering as stale, or empty if they
     * cannot.
     *
     * @param hostId the host the probe reads
     * @param probeName the probe's name
     * @param maxReadingAge the oldest reading the probe may hand back (its cache TTL)
     * @param probeInterval the monitor's probe interval
     * @param stalenessLimit the classifier's staleness limit
     * @return the contradiction, naming the settings and how to mend it; empty when none
     */
    public static Optional<String> contradiction(String hostId, String probeName, Duration maxReadingAge,
            Duration probeInterval, Duration stalenessLimit) {
        if (maxReadingAge.compareTo(stalenessLimit) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Host " + hostId + ": probe '" + probeName + "' may hand back a reading up to "
                + maxReadingAge + " old (its cache TTL), longer than the staleness limit " + stalenessLimit
                + " (HealthThresholds.stalenessLimit; with probe interval " + probeInterval
                + " in MonitorConfig), so a GPU that keeps answering could be reported stale. Raise the"
                + " staleness limit to at least " + maxReadingAge + " (or the probe interval, which sets it"
                + " to three intervals unless thresholds are given), or lower the cache TTL (Probes.cached)"
                + " to at most " + stalenessLimit + ".");
    }
}
