package dev.lobbygovernor.nvml.internal;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.XidCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The Xids one probe has been told of, and which of them still stand. Thread-safe: the event
 * thread records, samples read.
 *
 * <p>An Xid that needs a GPU reset or a reboot ({@link GpuFault.Effect#OUT_OF_SERVICE}) stands
 * until the GPU has recovered: a sample taken at least {@link #settle} after the Xid reads the
 * GPU's recovery action (NVML field 230) as NONE. The settle time lets the driver set the field
 * after it reports the Xid, so a reading from before it did cannot clear the fault. Where the
 * driver or the GPU does not report field 230, nothing NVML says shows a reset happened, so the
 * Xid stands until the probe is closed (the process restarts, as it does after a reboot). Every
 * other Xid is news, not state: it stands for {@link #recent} after it was seen.
 */
public final class FaultBook {

    private final Duration recent;
    private final Duration settle;
    private final List<Seen> seen = new ArrayList<>(); // guarded by this
    private NvmlError watchProblem; // guarded by this
    private Instant watchProblemAt; // guarded by this

    private record Seen(int index, String uuid, GpuFault fault) {
    }

    /**
     * An empty book.
     *
     * @param recent how long an Xid that needs no reset stays in the samples
     * @param settle how long after an Xid a NONE recovery action counts as recovery
     */
    public FaultBook(Duration recent, Duration settle) {
        this.recent = Objects.requireNonNull(recent, "recent");
        this.settle = Objects.requireNonNull(settle, "settle");
    }

    /**
     * Records an Xid the driver reported.
     *
     * @param index the GPU's index when the event came
     * @param uuid the GPU's UUID; empty if unknown
     * @param xid the Xid number; 999 is the driver's "unknown Xid"
     * @param at when it came
     * @return the fault it stands for
     */
    public synchronized GpuFault xid(int index, String uuid, int xid, Instant at) {
        GpuFault fault = XidCatalog.fault(Math.max(xid, 1), at);
        seen.add(new Seen(index, uuid, fault));
        return fault;
    }

    /**
     * The event watch failed; every GPU shows that until it works again.
     *
     * @param problem why
     * @param at when
     */
    public synchronized void watchFailed(NvmlError problem, Instant at) {
        watchProblem = problem;
        watchProblemAt = at;
    }

    /** The event watch works (again). */
    public synchronized void watchWorks() {
        watchProblem = null;
        watchProblemAt = null;
    }

    /**
     * Why the event watch does not work, if it does not.
     *
     * @return the problem, or {@code null} while the watch works
     */
    public synchronized NvmlError watchProblem() {
        return watchProblem;
    }

    /**
     * {@code reading}'s device with the Xids that stand for it added to the faults its state
     * showed; first drops the Xids that no longer stand.
     *
     * @param reading the device as read
     * @param now when it was read
     * @return the device with its faults
     */
    public synchronized GpuDevice withFaults(DeviceReading reading, Instant now) {
        GpuDevice device = reading.device();
        List<GpuFault> faults = new ArrayList<>(device.faults());
        for (Iterator<Seen> it = seen.iterator(); it.hasNext(); ) {
            Seen s = it.next();
            if (!sameGpu(s, device)) {
                continue;
            }
            if (expired(s.fault(), reading.recoveryAction(), now)) {
                it.remove();
            } else {
                faults.add(s.fault());
            }
        }
        if (watchProblem != null) {
            faults.add(new GpuFault(0, "hardware fault (Xid) events cannot be read: " + watchProblem.function()
                    + " returned " + NvmlReturn.name(watchProblem.returnCode()), "check the driver (dmesg); Xids may"
                    + " go unnoticed until the watch works again", GpuFault.Effect.DEGRADED, watchProblemAt));
        }
        return faults.isEmpty() ? device : device.withFaults(faults);
    }

    /** The UUID names a GPU across re-initialisations; a GPU that could not be read has only its index. */
    private static boolean sameGpu(Seen s, GpuDevice device) {
        if (!s.uuid().isEmpty() && !device.uuid().isEmpty()) {
            return s.uuid().equals(device.uuid());
        }
        return s.index() == device.index();
    }

    private boolean expired(GpuFault fault, Integer recoveryAction, Instant now) {
        if (fault.effect() != GpuFault.Effect.OUT_OF_SERVICE) {
            return !now.isBefore(fault.seenAt().plus(recent));
        }
        return recoveryAction != null && recoveryAction == 0 && !now.isBefore(fault.seenAt().plus(settle));
    }
}
