package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.nvml.NvmlGpuProbe;
import dev.lobbygovernor.smi.NvidiaSmiGpuProbe;
import java.util.List;

/**
 * This machine's GPU probes, best first: NVML in-process, then the nvidia-smi command. Neither
 * fails when built on a machine without a GPU; each says so when sampled.
 */
final class LocalGpuProbes {

    private LocalGpuProbes() {
    }

    static List<GpuProbe> create() {
        return List.of(NvmlGpuProbe.create(), NvidiaSmiGpuProbe.withDefaults());
    }
}
