package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Reply to the helixml fork's {@code GET /api/v1/system/memory}. Upstream Wolf has no such
 * route (404, empty body).
 *
 * @param success whether Wolf answered normally
 * @param processRssBytes Wolf's resident set size
 * @param gstreamerBufferBytes bytes held in GStreamer buffers
 * @param totalMemoryBytes the total Wolf accounts for
 * @param apps memory per app
 * @param lobbies memory per lobby
 * @param clients memory per streaming client
 * @param gpuStats the nvidia-smi reading Wolf took, or {@code null} if absent
 * @param gstreamerPipelines pipeline counts, or {@code null} if absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SystemMemoryReply(
        boolean success,
        Long processRssBytes,
        Long gstreamerBufferBytes,
        Long totalMemoryBytes,
        List<AppMemory> apps,
        List<LobbyMemory> lobbies,
        List<ClientMemory> clients,
        GpuStats gpuStats,
        PipelineCounts gstreamerPipelines) {

    /**
     * Absent lists become empty.
     *
     * @param success whether Wolf answered normally
     * @param processRssBytes Wolf's resident set size
     * @param gstreamerBufferBytes bytes held in GStreamer buffers
     * @param totalMemoryBytes the total Wolf accounts for
     * @param apps memory per app
     * @param lobbies memory per lobby
     * @param clients memory per streaming client
     * @param gpuStats the nvidia-smi reading Wolf took, or {@code null} if absent
     * @param gstreamerPipelines pipeline counts, or {@code null} if absent
     */
    public SystemMemoryReply {
        apps = apps == null ? List.of() : List.copyOf(apps);
        lobbies = lobbies == null ? List.of() : List.copyOf(lobbies);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * Memory held for one app.
     *
     * @param appId the app id
     * @param appName its title
     * @param resolution such as {@code "1920x1080@60"}; the fork sends {@code "N/A"} for apps
     * @param clientCount clients streaming it
     * @param memoryBytes bytes held
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AppMemory(String appId, String appName, String resolution, int clientCount,
            long memoryBytes) {
    }

    /**
     * Memory held for one lobby.
     *
     * @param lobbyId the lobby id
     * @param lobbyName its name
     * @param resolution its video mode, such as {@code "1920x1080@60"}
     * @param clientCount clients connected
     * @param memoryBytes bytes held
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LobbyMemory(String lobbyId, String lobbyName, String resolution, int clientCount,
            long memoryBytes) {
    }

    /**
     * Memory held for one streaming client.
     *
     * @param sessionId the session id (a string)
     * @param clientIp the client's address
     * @param resolution its video mode, such as {@code "1920x1080@60"}
     * @param lobbyId the lobby it is in, or {@code null}
     * @param appId the app it streams, or {@code null}
     * @param memoryBytes bytes held
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ClientMemory(String sessionId, String clientIp, String resolution,
            String lobbyId, String appId, long memoryBytes) {
    }

    /**
     * GStreamer pipelines Wolf runs (two producers per lobby in the incident).
     *
     * @param producerPipelines producer pipelines
     * @param consumerPipelines consumer pipelines
     * @param totalPipelines the sum
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PipelineCounts(int producerPipelines, int consumerPipelines, int totalPipelines) {
    }
}
