package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Reply to the helixml fork's {@code GET /api/v1/system/health}. Upstream Wolf has no such
 * route (404, empty body).
 *
 * @param success whether Wolf answered normally
 * @param processUptimeSeconds Wolf's uptime
 * @param threads the threads Wolf watches
 * @param stuckThreadCount threads whose heartbeat stopped
 * @param totalThreadCount threads watched
 * @param canCreateNewPipelines whether Wolf can still create GStreamer pipelines
 * @param overallStatus {@code "healthy"}, {@code "degraded"} (stuck threads) or
 *     {@code "critical"} (no new pipelines)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SystemHealthReply(
        boolean success,
        Long processUptimeSeconds,
        List<ThreadHealth> threads,
        int stuckThreadCount,
        int totalThreadCount,
        boolean canCreateNewPipelines,
        String overallStatus) {

    /** Wolf's {@code overall_status} when pipelines cannot be created. */
    public static final String STATUS_CRITICAL = "critical";
    /** Wolf's {@code overall_status} with no stuck threads. */
    public static final String STATUS_HEALTHY = "healthy";
    /** Wolf's {@code overall_status} otherwise. */
    public static final String STATUS_DEGRADED = "degraded";

    /**
     * An absent list becomes empty.
     *
     * @param success whether Wolf answered normally
     * @param processUptimeSeconds Wolf's uptime
     * @param threads the threads Wolf watches
     * @param stuckThreadCount threads whose heartbeat stopped
     * @param totalThreadCount threads watched
     * @param canCreateNewPipelines whether Wolf can still create GStreamer pipelines
     * @param overallStatus {@code "healthy"}, {@code "degraded"} (stuck threads) or {@code
     *     "critical"} (no new pipelines)
     */
    public SystemHealthReply {
        threads = threads == null ? List.of() : List.copyOf(threads);
    }

    /**
     * One watched Wolf thread.
     *
     * @param tid the thread id
     * @param name its name
     * @param details what it does
     * @param secondsSinceHeartbeat time since its last heartbeat
     * @param secondsAlive its age
     * @param heartbeatCount heartbeats so far
     * @param stuck whether Wolf considers it stuck ({@code is_stuck})
     * @param currentRequestPath the API path it serves now, or {@code null}
     * @param requestDurationSeconds how long the current request has run
     * @param hasActiveRequest whether it serves a request now
     * @param stackTrace its stack when stuck, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ThreadHealth(
            long tid,
            String name,
            String details,
            Long secondsSinceHeartbeat,
            Long secondsAlive,
            Long heartbeatCount,
            @JsonProperty("is_stuck") boolean stuck,
            String currentRequestPath,
            Long requestDurationSeconds,
            boolean hasActiveRequest,
            String stackTrace) {
    }
}
