package dev.lobbygovernor.core.health;

/**
 * A host's lobby count against its limits, as the governor sees it now.
 *
 * @param active lobbies running or reserved on the host
 * @param cap the smallest applicable hard cap
 * @param warningThreshold the count at which the host counts as nearly full
 * @param streaming lobbies with at least one connected streaming client as last listed. Wolf
 *     encodes per connected client (one consumer pipeline each), so only these hold NVENC
 *     sessions: zero sessions while none streams is an idle GPU, not broken monitoring
 */
public record HostCapacity(int active, int cap, int warningThreshold, int streaming) {

    /**
     * Validates the numbers.
     *
     * @param active lobbies running or reserved on the host; not negative
     * @param cap the smallest applicable hard cap; not negative
     * @param warningThreshold the count at which the host counts as nearly full; not negative
     * @param streaming lobbies with a connected streaming client; not negative
     * @throws IllegalArgumentException if any number is negative
     */
    public HostCapacity {
        if (active < 0 || cap < 0 || warningThreshold < 0 || streaming < 0) {
            throw new IllegalArgumentException("capacity numbers must not be negative");
        }
    }

    /**
     * A capacity whose active lobbies all stream (for callers that cannot tell). That is the
     * strict assumption: zero encoder sessions is then implausible whenever a lobby runs.
     *
     * @param active lobbies running or reserved on the host; not negative
     * @param cap the smallest applicable hard cap; not negative
     * @param warningThreshold the count at which the host counts as nearly full; not negative
     * @throws IllegalArgumentException if any number is negative
     */
    public HostCapacity(int active, int cap, int warningThreshold) {
        this(active, cap, warningThreshold, active);
    }

    /**
     * Whether no further lobby fits.
     *
     * @return true if {@code active >= cap}
     */
    public boolean atCapacity() {
        return active >= cap;
    }

    /**
     * Whether the host is at or above its warning threshold.
     *
     * @return true if {@code active >= warningThreshold}
     */
    public boolean nearCapacity() {
        return active >= warningThreshold;
    }
}
