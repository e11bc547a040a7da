package dev.lobbygovernor.core.cleanup;

import dev.lobbygovernor.core.cleanup.internal.OutcomeReporter;
import dev.lobbygovernor.core.cleanup.internal.ReaperCycle;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.store.SessionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the lobbies nobody should be paying GPU for, and says truthfully what it did.
 *
 * <p>Each cycle reads the store's lobby records (their credentials survive the deletion of the
 * session they name), the sessions they belong to (soft-deleted ones included), then each
 * host's live lobbies. A listed lobby with connected clients is in use: its record is touched
 * (last activity = now) and it is never stopped as idle. It stops the lobby of a session that is
 * gone, soft-deleted or idle past the timeout with the <em>stored</em> PIN, lists again to verify, and removes a record only
 * once its lobby is verified gone. Failures keep the record and are retried with backoff. Lobbies
 * no record knows (orphans) are tracked from first sight; past the grace period the open ones
 * are stopped and the PIN-protected ones reported. A host whose runtime cannot be listed is left
 * alone: nothing there is stopped or removed.
 *
 * <p>All lasting state is in the store, so cycles are idempotent across restarts; only backoff
 * and orphan first-seen times are in memory (a restart means an early retry and a fresh grace).
 * Cycles never overlap: {@link #runOnce()} returns at once, skipped, while another runs. Within
 * a cycle, hosts are worked on side by side, each on a daemon thread named
 * {@value #HOST_THREAD_NAME} (one per host at most, ended after 30 s idle or by {@link #close()}),
 * so a hung host delays no other: the cycle waits for it at most
 * {@link ReaperConfig#hostWait()}, and leaves it out until its work ends.
 *
 * <pre>{@code
 * LobbyReaper reaper = LobbyReaper.builder(store, Map.of("wolf-1", wolfRuntime)).build();
 * reaper.start();   // one daemon thread, "lobby-governor-reaper"; or .executor(yours)
 * ...
 * reaper.close();
 * }</pre>
 */
public final class LobbyReaper implements AutoCloseable {

    /** The name of the thread {@link #start()} creates when no executor is given. */
    public static final String THREAD_NAME = "lobby-governor-reaper";

    /** The name of the threads that work on one host each during a cycle. */
    public static final String HOST_THREAD_NAME = "lobby-governor-reaper-host";

    private static final Logger log = LoggerFactory.getLogger(LobbyReaper.class);

    private final ReaperConfig config;
    private final Clock clock;
    private final OutcomeReporter reporter;
    private final ScheduledExecutorService hostExecutor;
    /** One thread per host at work at most (a cycle leaves out a host still at work). */
    private final ThreadPoolExecutor hostWorkers;

    // The cycle's state is touched only by the thread that holds cycleRunning, whose
    // set/compareAndSet order each cycle's writes before the next cycle's reads.
    private final AtomicBoolean cycleRunning = new AtomicBoolean();
    private final ReaperCycle cycle;

    private final Object lifecycle = new Object();
    private ScheduledExecutorService ownExecutor;
    private ScheduledFuture<?> scheduled;
    private boolean closed;

    private LobbyReaper(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.reporter = new OutcomeReporter(b.listeners);
        this.hostExecutor = b.executor;
        this.hostWorkers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, HOST_THREAD_NAME);
                    t.setDaemon(true);
                    return t;
                });
        this.cycle = new ReaperCycle(b.store, b.runtimes, config, reporter, hostWorkers);
    }

    /**
     * A builder over the store and the runtime of each host, by host id.
     *
     * @param store where lobby records and sessions are read, and records removed
     * @param runtimes each host's runtime, keyed by the host id that lobby records name; copied
     * @return a new builder with the default configuration, clock and no listener
     * @throws NullPointerException if {@code store} or {@code runtimes} is null
     * @throws IllegalArgumentException if a host id in {@code runtimes} is blank
     */
    public static Builder builder(SessionStore store, Map<String, ? extends LobbyRuntime> runtimes) {
        return new Builder(store, runtimes);
    }

    /**
     * The configuration in force; fixed when the reaper was built.
     *
     * @return the configuration
     */
    public ReaperConfig config() {
        return config;
    }

    /**
     * Runs one cycle now, on the calling thread. If a cycle is already running, returns at once
     * with {@link CycleReport.Status#SKIPPED_ALREADY_RUNNING}. Never throws for a failing store,
     * runtime or listener: failures are outcomes.
     *
     * @return what the cycle did; its status says whether it ran, was skipped, or found the
     *     store unavailable
     */
    public CycleReport runOnce() {
        if (!cycleRunning.compareAndSet(false, true)) {
            return CycleReport.empty(clock.instant(), CycleReport.Status.SKIPPED_ALREADY_RUNNING);
        }
        try {
            CycleReport report = cycle.run(clock.instant());
            if (cycle.takeInterrupted()) {
                Thread.currentThread().interrupt();
            }
            reporter.cycleCompleted(report);
            return report;
        } finally {
            cycleRunning.set(false);
        }
    }

    /**
     * The orphans seen in the last cycle that could read the store, oldest first. Safe to call
     * from any thread, also while a cycle runs (it then returns the previous cycle's).
     *
     * @return an unmodifiable snapshot; empty before the first cycle
     */
    public List<OrphanLobby> orphans() {
        return cycle.orphans();
    }

    /**
     * Starts running a cycle now and then every {@link ReaperConfig#interval()} after the previous
     * one ends, on the executor given to the builder or on one daemon thread named
     * {@value #THREAD_NAME}.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("The lobby reaper is closed; build a new one");
            }
            if (scheduled != null) {
                throw new IllegalStateException("The lobby reaper is already started");
            }
            ScheduledExecutorService executor = hostExecutor;
            if (executor == null) {
                ownExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, THREAD_NAME);
                    t.setDaemon(true);
                    return t;
                });
                executor = ownExecutor;
            }
            scheduled = executor.scheduleWithFixedDelay(this::runScheduled, 0, config.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops scheduling cycles; a cycle in progress finishes. Shuts down the reaper's own threads
     * (each ends once its host's work does), never an executor the host supplied. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            hostWorkers.shutdown();
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            if (ownExecutor != null) {
                ownExecutor.shutdown();
            }
        }
    }

    private void runScheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // an escaped exception would silently cancel every later cycle
            log.atError().setCause(e).log("Lobby cleanup cycle failed unexpectedly; the next cycle runs as scheduled");
        }
    }

    /** Builds a {@link LobbyReaper}. */
    public static final class Builder {
        private final SessionStore store;
        private final Map<String, LobbyRuntime> runtimes;
        private ReaperConfig config = ReaperConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private final List<CleanupListener> listeners = new ArrayList<>();
        private ScheduledExecutorService executor;

        private Builder(SessionStore store, Map<String, ? extends LobbyRuntime> runtimes) {
            this.store = Objects.requireNonNull(store, "store");
            this.runtimes = Map.copyOf(Objects.requireNonNull(runtimes, "runtimes"));
            this.runtimes.keySet().forEach(h -> {
                if (h.isBlank()) {
                    throw new IllegalArgumentException("host ids must not be blank");
                }
            });
        }

        /**
         * Sets the timeouts and pacing; {@link ReaperConfig#defaults()} if not set.
         *
         * @param value the configuration; not null
         * @return this builder
         */
        public Builder config(ReaperConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Sets the clock cycles read the time from (idle timeouts, orphan ages, backoff); the UTC
         * system clock if not set.
         *
         * @param value the clock; not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Adds a listener for the outcomes; listeners are called in the order they were added.
         *
         * @param value the listener; not null
         * @return this builder
         */
        public Builder listener(CleanupListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Sets an executor of the host's to run scheduled cycles on, instead of the reaper's own
         * thread. {@link LobbyReaper#close()} cancels the reaper's schedule on it but never
         * shuts it down.
         *
         * @param value the executor; not null
         * @return this builder
         */
        public Builder executor(ScheduledExecutorService value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Builds the reaper, not yet started: call {@link LobbyReaper#start()} or drive it with
         * {@link LobbyReaper#runOnce()}.
         *
         * @return the reaper
         */
        public LobbyReaper build() {
            return new LobbyReaper(this);
        }
    }
}
