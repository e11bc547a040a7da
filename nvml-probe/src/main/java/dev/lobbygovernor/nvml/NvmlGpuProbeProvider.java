package dev.lobbygovernor.nvml;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuProbeProvider;

/**
 * Offers {@link NvmlGpuProbe} to {@link java.util.ServiceLoader} discovery, first in a fallback
 * chain (rank {@value #RANK}): NVML is the cheapest and most complete reading.
 */
public final class NvmlGpuProbeProvider implements GpuProbeProvider {

    /** NVML is tried before nvidia-smi (200) and remote probes (300). */
    public static final int RANK = 100;

    /** For {@link java.util.ServiceLoader}. */
    public NvmlGpuProbeProvider() {
    }

    @Override
    public String name() {
        return NvmlGpuProbe.NAME;
    }

    @Override
    public int rank() {
        return RANK;
    }

    /** A default {@link NvmlGpuProbe}; loads nothing, so it works on machines without NVIDIA's library. */
    @Override
    public GpuProbe create() {
        return NvmlGpuProbe.create();
    }
}
