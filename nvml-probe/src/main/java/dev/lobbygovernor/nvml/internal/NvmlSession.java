package dev.lobbygovernor.nvml.internal;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide NVML session: initialised once on the first sample and shared by every probe
 * of the same library, shut down when the last probe releases it.
 *
 * <p>NVML is thread-safe, so samples read concurrently under the read lock; initialising and
 * shutting down take the write lock, because NVML handles are valid only inside one
 * init…shutdown span. After a code that says the session itself may be broken (see
 * {@link NvmlReturn#sessionSuspect}) or a failed init, the next sample shuts NVML down and
 * initialises it again: a wedged NVML recovers only that way, and only that way does a recovery
 * show. A call hung in the driver holds the read lock; re-initialising and shutting down wait
 * for it at most {@link #LOCK_WAIT}, then give up rather than hang the caller too.
 */
public final class NvmlSession {

    /** How long re-initialising or shutting down waits for NVML calls still in flight. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /** The message of a sample taken after its probe, or the whole session, was closed. */
    public static final String CLOSED_MESSAGE = "NVML probe closed: sample() was called after close().";
    /** More devices than any machine has: a larger count is garbage. */
    static final int MAX_DEVICES = 1024;

    private static final Logger log = LoggerFactory.getLogger(NvmlSession.class);
    private static final Map<NvmlLibrarySource, NvmlSession> OPEN = new HashMap<>(); // guarded by itself

    private final NvmlLibrarySource source;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Transitions transitions = new Transitions();
    private int references; // guarded by OPEN
    private NvmlBinding binding; // written under the write lock
    private DeviceReader reader; // written under the write lock
    private boolean initialized; // written under the write lock
    private volatile DeviceReader.Identities identities; // replaced under the write lock at each init
    private int generation; // written under the write lock
    private final List<Runnable> spanEndHooks = new CopyOnWriteArrayList<>();
    private volatile boolean reinitialize;
    private volatile boolean closed;

    private NvmlSession(NvmlLibrarySource source) {
        this.source = source;
    }

    /**
     * The session for {@code source}, shared with every other holder; release it when done.
     *
     * @param source where NVML is loaded from
     * @return the shared session, with one more holder
     */
    public static NvmlSession acquire(NvmlLibrarySource source) {
        synchronized (OPEN) {
            NvmlSession session = OPEN.computeIfAbsent(source, NvmlSession::new);
            session.references++;
            return session;
        }
    }

    /** Gives up one holder's share; the last one shuts NVML down. Call once per acquire. */
    public void release() {
        synchronized (OPEN) {
            if (--references > 0) {
                return;
            }
            OPEN.remove(source);
        }
        shutdown();
    }

    /**
     * Reads every device NVML reports, initialising (or re-initialising) NVML first when needed.
     * A device that fails while others answer comes back with only its index (an empty name, for
     * the classifier to flag); when every device fails, the sample fails.
     *
     * @param now the time the reading is taken, which stamps the faults it shows
     * @return the devices, in NVML's index order
     * @throws NvmlError why NVML could not be read
     */
    public List<DeviceReading> sample(Instant now) throws NvmlError {
        try {
            lockReady();
            try (Scratch scratch = new Scratch()) {
                List<DeviceReading> devices = readDevices(scratch, now);
                transitions.succeeded();
                return devices;
            } finally {
                lock.readLock().unlock();
            }
        } catch (NvmlError e) {
            if (!closed) { // a sample racing the last close is not NVML failing
                transitions.failed(e);
            }
            throw e;
        }
    }

    /** Returns holding the read lock on an initialised session. */
    private void lockReady() throws NvmlError {
        for (int attempt = 0; ; attempt++) {
            lock.readLock().lock();
            // Another thread may flag a re-init between our prepare() and this point; after a
            // couple of rounds read anyway rather than chase it.
            if (initialized && (!reinitialize || attempt >= 2)) {
                return;
            }
            lock.readLock().unlock();
            prepare();
        }
    }

    private void prepare() throws NvmlError {
        if (!tryWriteLock()) {
            throw NvmlError.busy(LOCK_WAIT);
        }
        try {
            if (closed) {
                // A probe sampling while the last holder closed: a typed failure, as the SPI promises.
                throw new NvmlError(ProbeFailureCause.UNKNOWN, NvmlReturn.UNINITIALIZED, "sample", CLOSED_MESSAGE, "");
            }
            if (binding == null) {
                binding = NvmlBinding.bind(source);
                reader = new DeviceReader(binding);
            }
            if (initialized && reinitialize) {
                endSpan();
                NvmlCore.nvmlShutdown();
                initialized = false;
            }
            if (!initialized) {
                int rc = NvmlCore.nvmlInit();
                if (rc != NvmlReturn.SUCCESS) {
                    throw NvmlError.call(binding.symbol("nvmlInit"), rc, binding.errorString(rc), true, "");
                }
                initialized = true;
                generation++;
                reinitialize = false;
                identities = new DeviceReader.Identities();
                transitions.initialised(binding);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Tells whoever holds objects of this init…shutdown span (event sets) to free them; write lock held. */
    private void endSpan() {
        for (Runnable hook : spanEndHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.atWarn().setCause(e).log("Freeing an NVML object before shutdown failed; shutting down anyway");
            }
        }
    }

    /**
     * Runs {@code work} while NVML stays initialised, under the read lock, so no shutdown or
     * re-initialisation can happen meanwhile. Never initialises NVML itself: a sample does.
     *
     * @param work given the number of the current init…shutdown span (it changes at every
     *     initialisation, and handles and event sets of an earlier span are gone); keep it short
     * @return what {@code work} returned; {@code false} without running it when NVML is not
     *     initialised or the session is closed
     */
    public boolean whileInitialised(IntPredicate work) {
        lock.readLock().lock();
        try {
            if (!initialized || closed) {
                return false;
            }
            return work.test(generation);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Adds a hook run under the write lock before NVML shuts down or re-initialises, to free
     * what belongs to the span that ends.
     *
     * @param hook the hook; must not block
     */
    public void onSpanEnd(Runnable hook) {
        spanEndHooks.add(hook);
    }

    /**
     * Removes a hook added by {@link #onSpanEnd}.
     *
     * @param hook the hook
     */
    public void removeSpanEndHook(Runnable hook) {
        spanEndHooks.remove(hook);
    }

    /**
     * The GPUs the samples of this span have opened, for registering them for events; call it
     * inside {@link #whileInitialised}, where the handles stay valid.
     *
     * @return the handles, by index; empty before this span's first sample
     */
    public List<DeviceHandle> deviceHandles() {
        DeviceReader.Identities current = identities;
        return current == null ? List.of() : current.all();
    }

    /** Makes the next sample shut NVML down and initialise it again. */
    public void reinitializeSoon() {
        reinitialize = true;
    }

    /**
     * The binding, once a sample has loaded NVML.
     *
     * @return the binding, or {@code null} before the library was loaded
     */
    public NvmlBinding binding() {
        lock.readLock().lock();
        try {
            return binding;
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean tryWriteLock() {
        try {
            return lock.writeLock().tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<DeviceReading> readDevices(Scratch scratch, Instant now) throws NvmlError {
        int count;
        try {
            count = reader.count(scratch);
        } catch (CallFailed f) {
            throw failure(f, " while counting GPUs");
        }
        if (count < 0 || count > MAX_DEVICES) {
            throw NvmlError.malformed(binding.symbol("nvmlDeviceGetCount"), "device count " + count);
        }
        identities.checkCount(count);
        List<DeviceReading> devices = new ArrayList<>(count);
        Map<Integer, CallFailed> failures = new TreeMap<>();
        for (int index = 0; index < count; index++) {
            try {
                DeviceReading device = reader.read(index, scratch, identities, count, now);
                if (device != null) {
                    devices.add(device);
                    transitions.deviceAnswered(index);
                }
            } catch (CallFailed f) {
                failures.put(index, f);
                devices.add(new DeviceReading(unreadable(index), null));
            }
        }
        if (failures.isEmpty()) {
            return devices;
        }
        Map.Entry<Integer, CallFailed> first = failures.entrySet().iterator().next();
        if (failures.size() == devices.size()) {
            throw failure(first.getValue(), " on every GPU (GPU " + first.getKey() + " first)");
        }
        for (Map.Entry<Integer, CallFailed> e : failures.entrySet()) {
            reinitialize |= NvmlReturn.sessionSuspect(e.getValue().code);
            transitions.deviceFailed(e.getKey(), failure(e.getValue(), " on GPU " + e.getKey()));
        }
        return devices;
    }

    private NvmlError failure(CallFailed f, String where) {
        reinitialize |= NvmlReturn.sessionSuspect(f.code);
        return NvmlError.call(f.function, f.code, binding.errorString(f.code), false, where);
    }

    /** A device NVML could not read: its index and nothing else, so nothing looks plausible. */
    static GpuDevice unreadable(int index) {
        return new GpuDevice(index, "", "", null, null, null, null, null, null, null, null, null, null,
                null, List.of());
    }

    private void shutdown() {
        closed = true;
        if (!tryWriteLock()) {
            log.atWarn().addKeyValue("library", source.toString()).addKeyValue("waitedMs", LOCK_WAIT.toMillis())
                    .log("An NVML call is still running after the last NVML probe closed; skipping nvmlShutdown");
            return;
        }
        try {
            if (initialized) {
                endSpan();
                int rc = NvmlCore.nvmlShutdown();
                initialized = false;
                log.atDebug().addKeyValue("result", NvmlReturn.name(rc)).log("NVML shut down");
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
