package dev.lobbygovernor.smi;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuProbeProvider;

/**
 * Offers {@link NvidiaSmiGpuProbe} to {@link java.util.ServiceLoader} discovery, ranked after
 * NVML: nvidia-smi reads the same library, but costs a process and an NVML initialisation per
 * sample.
 */
public final class NvidiaSmiGpuProbeProvider implements GpuProbeProvider {

    /** Where nvidia-smi stands in a fallback chain: after NVML (100), before remote stats (300). */
    public static final int RANK = 200;

    /** Needed by {@link java.util.ServiceLoader}. */
    public NvidiaSmiGpuProbeProvider() {
    }

    @Override
    public String name() {
        return NvidiaSmiGpuProbe.NAME;
    }

    @Override
    public int rank() {
        return RANK;
    }

    /** A probe with the default configuration; starts nothing until sampled. */
    @Override
    public GpuProbe create() {
        return NvidiaSmiGpuProbe.withDefaults();
    }
}
