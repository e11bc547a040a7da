package dev.lobbygovernor.core.gpu;

import java.time.Duration;

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

    /**
     * The oldest a reading this probe returns may be, beyond the call that reads it: how long it
     * may hand back a reading it took before. The health monitor refuses to be built with a
     * staleness limit shorter than this, since a GPU that keeps answering would then be judged
     * stale. A probe that caches must say so here; decorators pass on what they wrap.
     *
     * @return zero (the default) for a probe that reads the GPU on every call
     */
    default Duration maxReadingAge() {
        return Duration.ZERO;
    }

    /** Releases what the probe holds. The default does nothing. */
    @Override
    default void close() {
    }
}
