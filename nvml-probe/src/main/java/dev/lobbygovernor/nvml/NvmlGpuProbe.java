package dev.lobbygovernor.nvml;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.nvml.internal.NvmlError;
import dev.lobbygovernor.nvml.internal.NvmlLibrarySource;
import dev.lobbygovernor.nvml.internal.NvmlReturn;
import dev.lobbygovernor.nvml.internal.NvmlSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the machine's NVIDIA GPUs in-process through NVML: no process start per sample (as with
 * nvidia-smi), a few microseconds per GPU.
 *
 * <p>Building a probe loads nothing, so it never fails on a machine without NVIDIA's library; the
 * first {@link #sample()} loads {@code libnvidia-ml.so.1} (then {@code nvidia-ml}) through the
 * normal loader path and initialises NVML. Every probe in the JVM shares that one NVML session;
 * the last one closed shuts NVML down. After a failure that may have broken the session (an
 * {@code Unknown Error}, a lost GPU, a failed init) the next sample re-initialises NVML, so a
 * recovery shows up as soon as it happens.
 *
 * <p>A field a GPU does not offer (utilisation under MIG, say) is {@code null} in the sample; a
 * GPU that fails while others answer is reported with only its index (an empty name); NVML
 * failing altogether is an {@link NvmlProbeException}. Thread-safe. Calls into the driver can
 * hang, so share it wrapped in {@code Probes.withTimeout}. Logs only changes (start, failure,
 * recovery), never a line per sample.
 */
public final class NvmlGpuProbe implements GpuProbe {

    /** This probe's {@link #name()}. */
    public static final String NAME = "nvml";

    private final NvmlLibrarySource source;
    private final Clock clock;
    private final NvmlSession session;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NvmlGpuProbe(Builder builder) {
        this.source = builder.source;
        this.clock = builder.clock;
        this.session = NvmlSession.acquire(source);
    }

    /**
     * A probe with the defaults: the library found by the loader, the system clock.
     *
     * @return a new probe; loads nothing yet
     */
    public static NvmlGpuProbe create() {
        return builder().build();
    }

    /**
     * A builder for a probe with a specific library file or clock.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Reads every GPU NVML reports.
     *
     * @throws NvmlProbeException when the library is missing, NVML does not initialise, or every
     *     GPU fails; after {@link #close()}, with cause {@code UNKNOWN} and a message saying the
     *     probe is closed
     */
    @Override
    public GpuSample sample() throws ProbeException {
        if (closed.get()) {
            // The code NVML itself returns for a call after nvmlShutdown.
            throw new NvmlProbeException(NAME, ProbeFailureCause.UNKNOWN, NvmlSession.CLOSED_MESSAGE, "",
                    NvmlReturn.UNINITIALIZED, NvmlReturn.name(NvmlReturn.UNINITIALIZED), "sample");
        }
        Instant takenAt = clock.instant();
        long start = System.nanoTime();
        try {
            List<GpuDevice> devices = session.sample();
            return new GpuSample(NAME, takenAt, Duration.ofNanos(System.nanoTime() - start), devices);
        } catch (NvmlError e) {
            throw new NvmlProbeException(NAME, e.failureCause(), e.getMessage(), e.rawMessage(),
                    e.returnCode(), NvmlReturn.name(e.returnCode()), e.function());
        }
    }

    /** Releases this probe's share of the NVML session; the last probe shuts NVML down. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.release();
        }
    }

    @Override
    public String toString() {
        return "NvmlGpuProbe[" + source + "]";
    }

    /** Configures an {@link NvmlGpuProbe}; each setter validates its argument. */
    public static final class Builder {

        private NvmlLibrarySource source = NvmlLibrarySource.DEFAULT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Loads NVML from this file instead of searching {@code libnvidia-ml.so.1} then
         * {@code nvidia-ml} on the loader path: for a driver installed somewhere unusual, or a
         * test double. A JVM can bind only one NVML library; a second probe naming another file
         * fails its samples.
         *
         * @param path the library file; made absolute
         * @return this builder
         * @throws NullPointerException if {@code path} is {@code null}
         */
        public Builder libraryPath(Path path) {
            this.source = NvmlLibrarySource.of(Objects.requireNonNull(path, "libraryPath must not be null"));
            return this;
        }

        /**
         * The clock that stamps {@link GpuSample#takenAt()}. Default: the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is {@code null}
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * A new probe; loads nothing yet.
         *
         * @return the probe
         */
        public NvmlGpuProbe build() {
            return new NvmlGpuProbe(this);
        }
    }
}
