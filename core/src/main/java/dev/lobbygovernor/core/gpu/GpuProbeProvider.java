package dev.lobbygovernor.core.gpu;

/**
 * Makes a {@link GpuProbe} available through {@link java.util.ServiceLoader}, so a host can say
 * "use whatever probes are on the classpath, best first". Register an implementation in
 * {@code META-INF/services/dev.lobbygovernor.core.gpu.GpuProbeProvider}.
 *
 * <p>Explicit wiring always comes first; discovery is for hosts that do not care which probe
 * answers.
 */
public interface GpuProbeProvider {

    /**
     * The name of the probe it makes, such as {@code "nvml"}.
     *
     * @return the name, equal to the made probe's {@link GpuProbe#name()}
     */
    String name();

    /**
     * Where this probe stands in a fallback chain: lower is tried first. NVML ranks 100,
     * nvidia-smi 200, a remote probe (Wolf's own stats) 300.
     *
     * @return the rank; {@link Probes#discover()} orders providers of equal rank by name
     */
    int rank();

    /**
     * Makes a probe. Must not fail when the GPU or its library is absent: the probe reports
     * that when sampled ({@link ProbeFailureCause#LIBRARY_MISSING}).
     *
     * @return a new probe, owned (and closed) by the caller
     */
    GpuProbe create();
}
