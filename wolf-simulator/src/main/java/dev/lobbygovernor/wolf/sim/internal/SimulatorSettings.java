package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.sim.GpuModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A simulator's validated settings, as {@code WolfSimulator.Builder} built them.
 *
 * @param gpu the GPU model
 * @param nvmlBreaksAt lobby count at which NVML breaks, 0 for never
 * @param gpuStackFailsAt lobby count whose creation fails and crashes Wolf, 0 for never
 * @param forkEndpoints whether the helixml fork's system endpoints are served
 * @param tcp whether to listen on 127.0.0.1 as well
 * @param keepaliveInterval time between {@code :keepalive} comments on an idle event stream
 * @param maxBodyBytes larger request bodies are answered 413
 * @param apps what {@code GET /api/v1/apps} lists
 * @param clock the clock behind uptime
 */
public record SimulatorSettings(
        GpuModel gpu,
        int nvmlBreaksAt,
        int gpuStackFailsAt,
        boolean forkEndpoints,
        boolean tcp,
        Duration keepaliveInterval,
        int maxBodyBytes,
        List<App> apps,
        Clock clock) {
}
