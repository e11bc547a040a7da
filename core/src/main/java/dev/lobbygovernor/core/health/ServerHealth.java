package dev.lobbygovernor.core.health;

import java.util.List;
import java.util.Objects;

/**
 * What a streaming server says of its own health (Wolf's {@code system/health}, where it has
 * one): whether it can still start the pipelines a new lobby needs, and which of its watched
 * threads stopped their heartbeat.
 *
 * @param canCreatePipelines whether the server can create new media pipelines; a server that
 *     cannot would fail the next lobby
 * @param overallStatus the server's own word for its state, such as {@code healthy},
 *     {@code degraded} or {@code critical}; empty if it gave none
 * @param stuckThreads how many of its watched threads stopped their heartbeat
 * @param totalThreads how many threads it watches
 * @param stuckThreadNames the names of the stuck threads, as the server gave them
 */
public record ServerHealth(boolean canCreatePipelines, String overallStatus, int stuckThreads, int totalThreads,
        List<String> stuckThreadNames) {

    /** The server's own word for a state in which it admits nothing new. */
    public static final String CRITICAL = "critical";

    /**
     * Validates the counts and copies the names.
     *
     * @param canCreatePipelines whether the server can create new media pipelines
     * @param overallStatus its own word for its state; {@code null} reads as empty
     * @param stuckThreads stuck threads; not negative
     * @param totalThreads watched threads; not negative
     * @param stuckThreadNames names of the stuck threads; {@code null} reads as none
     * @throws IllegalArgumentException if a count is negative
     */
    public ServerHealth {
        if (stuckThreads < 0 || totalThreads < 0) {
            throw new IllegalArgumentException("thread counts must not be negative");
        }
        overallStatus = Objects.requireNonNullElse(overallStatus, "");
        stuckThreadNames = stuckThreadNames == null ? List.of() : List.copyOf(stuckThreadNames);
    }

    /**
     * Whether the server itself says a new lobby would fail there: it cannot create pipelines,
     * or calls its own state {@value #CRITICAL}.
     *
     * @return true if no new lobby should be admitted on its word
     */
    public boolean critical() {
        return !canCreatePipelines || CRITICAL.equalsIgnoreCase(overallStatus);
    }
}
