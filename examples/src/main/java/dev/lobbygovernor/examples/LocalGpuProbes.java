package dev.lobbygovernor.examples;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.smi.NvidiaSmiGpuProbe;
import java.util.List;

/** This machine's GPU probes, best first: NVML, then nvidia-smi. */
final class LocalGpuProbes {

    private LocalGpuProbes() {
    }

    static List<GpuProbe> create() {
        // TODO(examples): NvmlGpuProbe first, once nvml-probe lands on main
        return List.of(NvidiaSmiGpuProbe.withDefaults());
    }
}
