package dev.lobbygovernor.core.health;

/**
 * A host's health, in order of severity: a combination of statuses is the worst of them.
 *
 * <p>{@link #UNKNOWN} (no reading yet) ranks above {@link #WARNING} because the governor knows
 * less about the host than when it is merely busy; {@link #MONITORING_LOST} ranks worst of all,
 * because a host whose GPU cannot be read may be anywhere up to the edge of a crash.
 */
public enum HealthStatus {
    /** Plausible, fresh readings and room for more lobbies. */
    HEALTHY,
    /** Plausible readings, but near a limit (lobby count, memory, temperature, encoder). */
    WARNING,
    /** No reading yet. */
    UNKNOWN,
    /** At a hard limit, or a GPU is out of service until it recovers: no more lobbies fit. */
    EXHAUSTED,
    /** The GPU cannot be read, or what is read is implausible or stale. */
    MONITORING_LOST;

    /**
     * The worse of the two, by the severity order of declaration: how a combination of reasons
     * becomes one status.
     *
     * @param other the status to combine with this one; not null
     * @return whichever of the two is more severe; this one if they are equal
     */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * Whether this status is worse than {@code other}, by the severity order of declaration.
     *
     * @param other the status to compare with; not null
     * @return true if this one is strictly more severe
     */
    public boolean isWorseThan(HealthStatus other) {
        return ordinal() > other.ordinal();
    }
}
