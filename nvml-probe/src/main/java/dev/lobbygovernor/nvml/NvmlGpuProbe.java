package dev.lobbygovernor.nvml;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.nvml.internal.DeviceReading;
import dev.lobbygovernor.nvml.internal.EventWatcher;
import dev.lobbygovernor.nvml.internal.FaultBook;
import dev.lobbygovernor.nvml.internal.NvmlError;
import dev.lobbygovernor.nvml.internal.NvmlLibrarySource;
import dev.lobbygovernor.nvml.internal.NvmlReturn;
import dev.lobbygovernor.nvml.internal.NvmlSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *
 * <p><b>Hardware faults.</b> Each GPU's sample carries the faults the probe sees
 * ({@link GpuDevice#faults()}): from the GPU's state, read with every sample where the driver
 * and board support it (the recovery action of NVML field 230, row remapping and page retirement
 * waiting for a reset, uncorrectable ECC errors), and the Xids NVML reports as events. After its
 * first sample the probe starts one daemon thread, {@code lobby-governor-nvml-events-N}, that
 * waits for Xid and recovery-action events half a second at a time; {@link #close()} stops it.
 * Each Xid becomes a fault with NVIDIA's meaning and recommended action
 * ({@link dev.lobbygovernor.core.gpu.XidCatalog}). One that needs a GPU reset or a reboot keeps
 * the GPU out of service until it has recovered: a sample taken at least
 * {@link #RECOVERY_SETTLE} after the Xid reads the GPU's recovery action as NONE. Where the driver
 * does not report a recovery action, the fault stands until the probe is closed (the process
 * restarts, as after a reboot). Any other Xid stays in the samples for {@link #RECENT_FAULTS}.
 */
public final class NvmlGpuProbe implements GpuProbe {

    /** This probe's {@link #name()}. */
    public static final String NAME = "nvml";
    /** How long an Xid that needs no reset (an application's error, say) stays in the samples. */
    public static final Duration RECENT_FAULTS = Duration.ofMinutes(10);
    /**
     * How long after an Xid that needs a reset a NONE recovery action counts as recovered: time
     * for the driver to set the field after it reported the Xid.
     */
    public static final Duration RECOVERY_SETTLE = Duration.ofSeconds(30);

    private final NvmlLibrarySource source;
    private final Clock clock;
    private final NvmlSession session;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final FaultBook faults = new FaultBook(RECENT_FAULTS, RECOVERY_SETTLE);
    private final Object watchLock = new Object();
    private boolean watchStarted; // guarded by watchLock
    private EventWatcher watcher; // guarded by watchLock

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
            List<DeviceReading> readings = session.sample(takenAt);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            startWatching();
            List<GpuDevice> devices = new ArrayList<>(readings.size());
            for (DeviceReading reading : readings) {
                devices.add(faults.withFaults(reading, takenAt));
            }
            return new GpuSample(NAME, takenAt, took, devices);
        } catch (NvmlError e) {
            throw new NvmlProbeException(NAME, e.failureCause(), e.getMessage(), e.rawMessage(),
                    e.returnCode(), NvmlReturn.name(e.returnCode()), e.function());
        }
    }

    /** The event thread, once NVML has answered; at most one per probe, never after close. */
    private void startWatching() {
        synchronized (watchLock) {
            if (!watchStarted && !closed.get()) {
                watchStarted = true;
                watcher = EventWatcher.start(session, faults, clock);
            }
        }
    }

    /**
     * Why the probe cannot watch NVML's Xid events, if it cannot: a failed event wait or
     * registration, typed as the failure of a sample would be. GPU readings are not affected; the
     * samples show the problem as a {@link dev.lobbygovernor.core.gpu.GpuFault.Effect#DEGRADED}
     * fault on every GPU while it lasts.
     *
     * @return the problem, or empty while the watch works (or has not started)
     */
    public Optional<NvmlProbeException> eventWatchProblem() {
        NvmlError e = faults.watchProblem();
        return e == null ? Optional.empty() : Optional.of(new NvmlProbeException(NAME, e.failureCause(),
                e.getMessage(), e.rawMessage(), e.returnCode(), NvmlReturn.name(e.returnCode()), e.function()));
    }

    /**
     * Stops the event thread, then releases this probe's share of the NVML session; the last
     * probe shuts NVML down. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (watchLock) {
                if (watcher != null) {
                    watcher.close();
                    watcher = null;
                }
            }
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
