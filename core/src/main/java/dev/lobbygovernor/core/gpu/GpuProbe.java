package dev.lobbygovernor.core.gpu;

/**
 * Reads a GPU's state: one call, one {@link GpuSample}, or a {@link ProbeException} saying why
 * not.
 *
 * <p>A probe may block (NVML and nvidia-smi can hang when the driver is wedged); wrap it with
 * the timeout, cache and single-flight decorators in {@code Probes} before sharing it. Probes
 * must be thread-safe. {@link #close()} releases native resources; it must not throw.
 */
public interface GpuProbe extends AutoCloseable {

    /**
     * A short name for logs and samples, such as {@code "nvml"} or {@code "nvidia-smi"}.
     *
     * @return the name; stable for the probe's life, and the {@link GpuSample#source()} of its
     *     samples
     */
    String name();

    /**
     * Takes one sample now.
     *
     * @return the reading, carried as read even if implausible (the health classifier judges
     *     it); not null
     * @throws ProbeException if the GPU could not be read; its {@link ProbeFailureCause} says
     *     why and its raw message keeps the underlying text
     */
    GpuSample sample() throws ProbeException;

    /** Releases what the probe holds. The default does nothing. */
    @Override
    default void close() {
    }
}
