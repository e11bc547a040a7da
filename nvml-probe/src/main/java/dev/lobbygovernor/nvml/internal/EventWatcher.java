package dev.lobbygovernor.nvml.internal;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.lobbygovernor.core.gpu.GpuFault;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One probe's watch of NVML's hardware fault events: a single daemon thread that registers every
 * GPU for Xid critical errors and GPU recovery action changes, waits for them
 * ({@link #WAIT_MS} at a time, so that it notices when to stop), and records each Xid in the
 * probe's {@link FaultBook}.
 *
 * <p>Event sets belong to one init…shutdown span of NVML: the session frees this watcher's set
 * before it shuts NVML down or re-initialises it, and the watcher registers again in the new
 * span. A GPU or driver that does not support the events is "not supported", logged once at INFO,
 * and no fault. A wait that fails (anything but a timeout) is a typed problem
 * ({@link NvmlError}), logged once per code and shown in the samples through the fault book; the
 * watcher then frees its set, asks the session to re-initialise if the code says NVML may be
 * broken, and tries again after {@link #RETRY_MS}. {@link #close()} stops the thread.
 */
public final class EventWatcher implements AutoCloseable {

    /** {@code nvmlEventTypeXidCriticalError}. */
    static final long XID_CRITICAL_ERROR = 0x8L;
    /** {@code nvmlEventTypeGpuRecoveryAction}. */
    static final long GPU_RECOVERY_ACTION = 0x8000L;
    /** The longest one wait lasts: how long stopping may take, at most, beside a hung driver call. */
    public static final int WAIT_MS = 500;
    /** The pause after a failure before the watch is tried again. */
    static final long RETRY_MS = 5000;

    private static final Logger log = LoggerFactory.getLogger(EventWatcher.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** The event record is 32 bytes; then one out-parameter. */
    private static final int DATA = 0;
    private static final int OUT = 32;
    private static final int BUFFER = OUT + 8;

    private record Gpu(int index, String uuid) {
    }

    private final NvmlSession session;
    private final NvmlBinding binding;
    private final FaultBook book;
    private final Clock clock;
    private final Function create;
    private final Function register;
    private final Function supported;
    private final Function await;
    private final Function free;
    private final String waitSymbol;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Runnable spanEnd = this::freeSet;
    private final Thread thread;
    private final long buffer;
    private final Pointer view;
    // The fields below are touched by the watcher thread inside the session's read lock, and by
    // the span-end hook inside its write lock, so never at the same time.
    private final Map<Long, Gpu> gpus = new HashMap<>();
    private volatile long set;
    private int setGeneration = -1;
    private int unsupportedGeneration = -1;
    private int lastProblem = -1;
    private boolean unsupportedLogged;
    private long pauseMs;

    private EventWatcher(NvmlSession session, NvmlBinding binding, FaultBook book, Clock clock) {
        this.session = session;
        this.binding = binding;
        this.book = book;
        this.clock = clock;
        this.create = binding.optional("nvmlEventSetCreate");
        this.register = binding.optional("nvmlDeviceRegisterEvents");
        this.supported = binding.optional("nvmlDeviceGetSupportedEventTypes");
        // The old wait writes 24 bytes, the _v2 one 32; the buffer has room for either.
        this.await = binding.optional("nvmlEventSetWait_v2", "nvmlEventSetWait");
        this.free = binding.optional("nvmlEventSetFree");
        this.waitSymbol = await == null ? "nvmlEventSetWait" : await.getName();
        this.buffer = Native.malloc(BUFFER);
        if (buffer == 0) {
            throw new OutOfMemoryError("malloc(" + BUFFER + ") failed");
        }
        this.view = new Pointer(buffer);
        this.thread = new Thread(this::run, "lobby-governor-nvml-events-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /**
     * Starts a watcher on {@code session}, if its library has the event functions.
     *
     * @param session the NVML session, already sampled once (so its library is bound)
     * @param book where Xids are recorded
     * @param clock stamps the Xids
     * @return the running watcher, or {@code null} when NVML offers no events here (Windows, a
     *     driver without them)
     */
    public static EventWatcher start(NvmlSession session, FaultBook book, Clock clock) {
        NvmlBinding binding = session.binding();
        if (binding == null || binding.optional("nvmlEventSetCreate") == null
                || binding.optional("nvmlDeviceRegisterEvents") == null
                || binding.optional("nvmlEventSetWait_v2", "nvmlEventSetWait") == null
                || binding.optional("nvmlEventSetFree") == null) {
            log.atInfo().log("This NVML has no event functions; Xids are not watched (GPU readings are)");
            return null;
        }
        EventWatcher watcher = new EventWatcher(session, binding, book, clock);
        session.onSpanEnd(watcher.spanEnd);
        watcher.thread.start();
        return watcher;
    }

    /**
     * The watcher's thread, for tests and diagnostics.
     *
     * @return the thread
     */
    public Thread thread() {
        return thread;
    }

    /**
     * Stops the thread and waits for it, at most one wait plus the session's lock wait; a thread
     * stuck in a hung driver call is left behind (it is a daemon) and logged.
     */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(WAIT_MS + NvmlSession.LOCK_WAIT.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.removeSpanEndHook(spanEnd);
        if (thread.isAlive()) {
            log.atWarn().addKeyValue("thread", thread.getName())
                    .log("The NVML event thread is stuck in a driver call; leaving it behind (daemon)");
        }
    }

    private void run() {
        try {
            while (stop.getCount() > 0) {
                pauseMs = WAIT_MS;
                boolean waited;
                try {
                    waited = session.whileInitialised(this::step);
                } catch (RuntimeException e) {
                    log.atWarn().setCause(e).log("NVML event watch failed unexpectedly; trying again");
                    waited = false;
                    pauseMs = RETRY_MS;
                }
                if (!waited && stop.await(pauseMs, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.whileInitialised(generation -> {
                freeSet();
                return true;
            });
            Native.free(buffer);
        }
    }

    /**
     * One round inside the session's read lock: register if this span has no set yet, then wait
     * once. Returns whether it waited (else {@link #pauseMs} says how long to pause).
     */
    private boolean step(int generation) {
        if (stop.getCount() == 0) {
            return false;
        }
        if (set != 0 && setGeneration != generation) {
            set = 0; // the span it belonged to has ended, and the session freed it then
            gpus.clear();
        }
        if (set == 0) {
            if (generation == unsupportedGeneration) {
                pauseMs = RETRY_MS;
                return false;
            }
            if (!register(generation)) {
                return false;
            }
        }
        int rc = await.invokeInt(new Object[] {set, buffer + DATA, WAIT_MS});
        if (rc == NvmlReturn.SUCCESS) {
            recordEvent();
            return true;
        }
        if (rc == NvmlReturn.TIMEOUT) {
            return true;
        }
        problem(waitSymbol, rc);
        freeSet();
        if (NvmlReturn.sessionSuspect(rc)) {
            session.reinitializeSoon();
        }
        pauseMs = RETRY_MS;
        return false;
    }

    private boolean register(int generation) {
        // The handles the samples opened: no calls of its own to count or open the GPUs.
        List<DeviceHandle> handles = session.deviceHandles();
        if (handles.isEmpty()) {
            return false; // no sample in this span yet
        }
        int rc = create.invokeInt(new Object[] {buffer + OUT});
        if (rc != NvmlReturn.SUCCESS) {
            problem("nvmlEventSetCreate", rc);
            pauseMs = RETRY_MS;
            return false;
        }
        long newSet = view.getLong(OUT);
        int registered = 0;
        for (DeviceHandle gpu : handles) {
            long device = gpu.handle();
            long types = XID_CRITICAL_ERROR | GPU_RECOVERY_ACTION;
            // Registering a type the GPU lacks registers nothing at all, so ask first.
            if (supported != null && supported.invokeInt(new Object[] {device, buffer + OUT}) == NvmlReturn.SUCCESS) {
                types &= view.getLong(OUT);
            }
            if (types == 0) {
                continue;
            }
            rc = register.invokeInt(new Object[] {device, types, newSet});
            if (rc == NvmlReturn.SUCCESS) {
                registered++;
                gpus.put(device, new Gpu(gpu.index(), gpu.uuid()));
            } else if (rc != NvmlReturn.NOT_SUPPORTED) {
                free.invokeInt(new Object[] {newSet});
                gpus.clear();
                problem("nvmlDeviceRegisterEvents", rc);
                pauseMs = RETRY_MS;
                return false;
            }
        }
        if (registered == 0) {
            free.invokeInt(new Object[] {newSet});
            unsupportedGeneration = generation;
            if (!unsupportedLogged) {
                unsupportedLogged = true;
                log.atInfo().addKeyValue("gpus", handles.size())
                        .log("No GPU here supports Xid events; faults are read from GPU state with each sample only");
            }
            pauseMs = RETRY_MS;
            return false;
        }
        set = newSet;
        setGeneration = generation;
        lastProblem = -1;
        book.watchWorks();
        return true;
    }

    private void recordEvent() {
        long device = view.getLong(DATA);
        long type = view.getLong(DATA + 8);
        long data = view.getLong(DATA + 16);
        Gpu gpu = gpus.getOrDefault(device, new Gpu(-1, ""));
        Instant at = clock.instant();
        if ((type & XID_CRITICAL_ERROR) != 0) {
            // 999 is the driver's own "unknown Xid"; a value out of range is no better known.
            int xid = data <= 0 || data > Integer.MAX_VALUE ? 999 : (int) data;
            GpuFault fault = book.xid(gpu.index(), gpu.uuid(), xid, at);
            var line = fault.effect() == GpuFault.Effect.OUT_OF_SERVICE ? log.atError() : log.atWarn();
            line.addKeyValue("gpu", gpu.index()).addKeyValue("uuid", gpu.uuid()).addKeyValue("xid", xid)
                    .addKeyValue("effect", fault.effect())
                    .log("GPU " + gpu.index() + " reported " + fault.describe());
        } else if ((type & GPU_RECOVERY_ACTION) != 0) {
            log.atWarn().addKeyValue("gpu", gpu.index()).addKeyValue("uuid", gpu.uuid())
                    .log("GPU " + gpu.index() + " changed its recovery action; the next sample reads it");
        }
    }

    private void problem(String function, int rc) {
        NvmlError e = NvmlError.eventWatch(function, rc, binding.errorString(rc));
        book.watchFailed(e, clock.instant());
        if (rc != lastProblem) {
            lastProblem = rc;
            log.atWarn().addKeyValue("code", NvmlReturn.name(rc)).addKeyValue("function", function)
                    .log(e.getMessage());
        }
    }

    /** Frees this span's set; called inside the session's lock (read or write). */
    private void freeSet() {
        long current = set;
        if (current != 0) {
            set = 0;
            gpus.clear();
            free.invokeInt(new Object[] {current});
        }
    }
}
