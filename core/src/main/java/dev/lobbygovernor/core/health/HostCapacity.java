package dev.lobbygovernor.core.health;

/**
 * A host's lobby count against its limits, as the governor sees it now.
 *
 * @param active lobbies running or reserved on the host
 * @param cap the smallest applicable hard cap
 * @param warningThreshold the count at which the host counts as nearly full
 */
public record HostCapacity(int active, int cap, int warningThreshold) {

    /** Validates the numbers. */
    public HostCapacity {
        if (active < 0 || cap < 0 || warningThreshold < 0) {
            throw new IllegalArgumentException("capacity numbers must not be negative");
        }
    }

    /** Whether no further lobby fits. */
    public boolean atCapacity() {
        return active >= cap;
    }

    /** Whether the host is at or above its warning threshold. */
    public boolean nearCapacity() {
        return active >= warningThreshold;
    }
}
