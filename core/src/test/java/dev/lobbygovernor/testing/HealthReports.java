package dev.lobbygovernor.testing;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Health reports as the health monitor would send them. */
public final class HealthReports {

    private HealthReports() {
    }

    /** A plausible sample of one GPU with {@code totalMiB} of memory. */
    public static GpuSample sample(long totalMiB, Instant at) {
        GpuDevice gpu = new GpuDevice(0, "GPU-test", "NVIDIA RTX 2000 Ada Generation", totalMiB, 1000L,
                totalMiB - 1000, 10, 5, 3, 50, 30.0, 2, 60, 900, List.of());
        return new GpuSample("nvml", at, Duration.ofMillis(3), List.of(gpu));
    }

    /** Monitoring works; the last good sample shows a GPU of {@code totalMiB}. */
    public static HostHealth healthy(String hostId, long totalMiB, Instant at) {
        return new HostHealth(hostId, HealthStatus.HEALTHY, true, sample(totalMiB, at), "nvml", List.of(), at);
    }

    /** Monitoring is lost, though a good sample of {@code totalMiB} was seen before. */
    public static HostHealth monitoringLost(String hostId, long totalMiB, Instant at) {
        return new HostHealth(hostId, HealthStatus.MONITORING_LOST, false, sample(totalMiB, at.minusSeconds(60)),
                "nvml", List.of(new HealthReason.ProbeFailed(ProbeFailureCause.INIT_FAILED, "nvml",
                        "Failed to initialize NVML: Unknown Error")), at);
    }
}
