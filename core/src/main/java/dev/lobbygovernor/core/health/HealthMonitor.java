package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.health.internal.HostWatch;
import dev.lobbygovernor.core.health.internal.RemediationRunner;
import dev.lobbygovernor.core.health.internal.StalenessRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples each host's GPU on a schedule, classifies it, feeds the result to a sink (the
 * governor's {@code reportHealth}) and tells listeners about transitions.
 *
 * <p>Drive it yourself with {@link #pollOnce()} (tests, hosts with their own scheduler), or call
 * {@link #start()} to poll every {@link MonitorConfig#probeInterval()} on one daemon thread named
 * {@code lobby-governor-health-monitor}, or on the executor given to the builder. Hosts are polled
 * side by side, each on a daemon thread named {@value #HOST_THREAD_NAME} (one per host at most,
 * ended after 30 s idle or by {@link #close()}), so a host whose probe hangs delays no other;
 * still, give each a probe bounded by a timeout ({@code Probes.standard}). The monitor does not
 * own the probes: closing it stops polling, and the host closes its probes.
 *
 * <p>A host given a {@link ServerReporter} ({@link Builder#serverReporter}) has its streaming
 * server asked for its own report after each probe call, on the same polling thread; the report
 * joins the GPU reading in the host's health (see {@link HealthClassifier}).
 *
 * <p>It logs transitions, never individual probe calls: one ERROR when a host enters {@link
 * HealthStatus#MONITORING_LOST}, naming the cause and what to do; a WARN reminder at most every
 * {@link MonitorConfig#reminderInterval()} while it lasts, counting the flaps (good readings
 * that did not last); one INFO on recovery with how long monitoring was dark. A host recovers
 * only after {@link MonitorConfig#recoveryReadings()} good readings in a row, so a probe that
 * flaps between good and bad readings gives one loss and one recovery per stable period. After monitoring has been lost for {@link MonitorConfig#remediateAfter()}
 * or {@link MonitorConfig#remediateAfterFailures()} bad readings, the {@link Remediation} runs, at
 * most once per {@link MonitorConfig#remediationCooldown()} and never twice at once for a host. It
 * runs off the poll path, so polling goes on while it works: on the builder's {@link
 * Builder#remediationExecutor}, else once started on a daemon thread named {@code
 * lobby-governor-health-remediation}, else on the thread calling {@link #pollOnce()} once the
 * poll is done.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);
    private static final String THREAD_NAME = "lobby-governor-health-monitor";

    /** The name of the threads that poll one host each. */
    public static final String HOST_THREAD_NAME = "lobby-governor-health-host";

    private final Clock clock;
    private final MonitorConfig config;
    private final RemediationRunner remediations;
    private final ScheduledExecutorService hostExecutor;
    private final Map<String, HostWatch> hosts = new LinkedHashMap<>();
    private final Object pollLock = new Object();
    /** One thread per host at most: a host whose poll still runs gets no second one. */
    private final ThreadPoolExecutor pollers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, HOST_THREAD_NAME);
                t.setDaemon(true);
                return t;
            });
    /** Each host's latest poll; guarded by pollLock. */
    private final Map<HostWatch, Poll> polling = new HashMap<>();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService ownExecutor;
    private ScheduledFuture<?> schedule;
    private boolean closed;

    private HealthMonitor(Builder b) {
        this.clock = b.clock;
        this.config = b.config;
        List<HealthListener> listeners = List.copyOf(b.listeners);
        this.remediations = new RemediationRunner(b.remediation, b.remediationExecutor, listeners, b.config);
        this.hostExecutor = b.executor;
        HostWatch.Context context = new HostWatch.Context(clock, new HealthClassifier(b.config.thresholds()),
                b.capacity, b.sink, listeners, b.config);
        Instant now = clock.instant();
        b.probes.forEach((id, probe) -> hosts.put(id, new HostWatch(id, probe, b.servers.get(id), context, now)));
    }

    /**
     * Starts building a monitor; {@link Builder#host} and {@link Builder#capacity} are
     * required, everything else has a default.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Samples and classifies every host once, now; feeds the sink and publishes transitions.
     * Hosts are polled side by side, each on a thread of the monitor's, so a host whose probe
     * hangs delays no other; this call waits for a host at most the staleness limit, then
     * counts its poll as a failed reading, and while that poll still runs later calls count it
     * so at once, without starting another. Calls are serialised with each other and with the
     * schedule. A remediation that falls due is handed off (see the class comment); without an
     * executor or {@link #start()}, it runs here after the poll, outside the poll's lock.
     *
     * @return each host's new health, in the order the hosts were added
     */
    public List<HostHealth> pollOnce() {
        List<HostHealth> out = new ArrayList<>(hosts.size());
        Map<HostWatch, HostHealth> due = new LinkedHashMap<>(); // with the health that made it due
        try {
            synchronized (pollLock) {
                Map<HostWatch, Long> waits = new HashMap<>();
                long waitUntil = System.nanoTime() + config.thresholds().stalenessLimit().toNanos();
                for (HostWatch host : hosts.values()) {
                    Poll earlier = polling.get(host);
                    if (earlier == null || earlier.future().isDone()) {
                        long startedAt = System.nanoTime();
                        polling.put(host, new Poll(submit(host::poll), startedAt));
                        waits.put(host, waitUntil);
                    } else {
                        waits.put(host, System.nanoTime()); // overdue already: not waited for again
                    }
                }
                for (HostWatch host : hosts.values()) {
                    HostHealth health = await(host, polling.get(host), waits.get(host));
                    out.add(health);
                    if (remediations.enabled() && host.remediationDue(config)) {
                        due.put(host, health);
                    }
                }
            }
        } finally {
            // Even if a later host's poll threw: a host marked as remediating must get its run.
            due.forEach(remediations::submit);
        }
        return out;
    }

    private Future<HostHealth> submit(Callable<HostHealth> poll) {
        try {
            return pollers.submit(poll);
        } catch (RejectedExecutionException closed) {
            // the monitor is closed: a poll run by hand still polls, here
            FutureTask<HostHealth> inline = new FutureTask<>(poll);
            inline.run();
            return inline;
        }
    }

    /** One host's poll in progress, and when it started. */
    private record Poll(Future<HostHealth> future, long startedAt) {
    }

    /** The host's new health: its poll's, or a failed reading once the poll is overdue. */
    private HostHealth await(HostWatch host, Poll poll, long waitUntil) {
        try {
            return poll.future().get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return host.overdue(Duration.ofNanos(System.nanoTime() - poll.startedAt()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return host.health();
        }
    }

    /**
     * The latest health of {@code hostId} ({@link HealthStatus#UNKNOWN} before the first poll).
     * Does not wait for a poll in progress.
     *
     * @param hostId the host, as given to {@link Builder#host}
     * @return its latest health, or empty if the monitor does not watch that host
     */
    public Optional<HostHealth> health(String hostId) {
        // No lock: a poll may be waiting on a slow probe, and the hosts never change after build.
        HostWatch host = hosts.get(hostId);
        return host == null ? Optional.empty() : Optional.of(host.health());
    }

    /**
     * The configuration in use; fixed when the monitor was built.
     *
     * @return the configuration
     */
    public MonitorConfig config() {
        return config;
    }

    /**
     * Starts polling every {@link MonitorConfig#probeInterval()}, the first poll at once.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (closed || schedule != null) {
                throw new IllegalStateException(closed ? "health monitor is closed" : "health monitor already started");
            }
            ScheduledExecutorService executor = hostExecutor;
            if (executor == null) {
                ownExecutor = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, THREAD_NAME);
                    t.setDaemon(true);
                    return t;
                });
                executor = ownExecutor;
            }
            remediations.start();
            long period = config.probeInterval().toNanos();
            schedule = executor.scheduleWithFixedDelay(this::pollContained, 0, period, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Stops polling; host-supplied executors are left running. A remediation in progress on the
     * monitor's own thread finishes (a restart cut off halfway would leave the server down), then
     * that thread ends. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            pollers.shutdownNow();
            remediations.close();
            if (schedule != null) {
                schedule.cancel(false);
            }
            if (ownExecutor != null) {
                ownExecutor.shutdownNow();
            }
        }
    }

    private void pollContained() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; keep monitoring alive instead.
            log.atError().setMessage("Health poll failed unexpectedly; polling continues").setCause(e).log();
        }
    }

    /** Builds a {@link HealthMonitor}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private MonitorConfig config = MonitorConfig.defaults();
        private final Map<String, GpuProbe> probes = new LinkedHashMap<>();
        private final Map<String, ServerReporter> servers = new HashMap<>();
        private CapacitySource capacity;
        private Consumer<HostHealth> sink = h -> { };
        private final List<HealthListener> listeners = new ArrayList<>();
        private Remediation remediation;
        private ScheduledExecutorService executor;
        private Executor remediationExecutor;

        private Builder() {
        }

        /**
         * Sets the clock that sample ages, how long monitoring has been lost, and remediation
         * delays and cool-downs are measured on (default: system UTC). The poll schedule itself
         * runs on the executor's time.
         *
         * @param clock the clock; not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets intervals, thresholds and remediation settings (default:
         * {@link MonitorConfig#defaults()}).
         *
         * @param config the configuration; not null
         * @return this builder
         */
        public Builder config(MonitorConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Watches {@code hostId} through {@code probe}; each host once. Hosts are polled in the
         * order they are added.
         *
         * @param hostId the host's id, as the governor names it; not blank
         * @param probe the probe that samples its GPU; not null, and not closed by the monitor
         * @return this builder
         * @throws NullPointerException if {@code probe} is null
         * @throws IllegalArgumentException if {@code hostId} is null or blank, or was added before
         */
        public Builder host(String hostId, GpuProbe probe) {
            Objects.requireNonNull(probe, "probe");
            if (hostId == null || hostId.isBlank()) {
                throw new IllegalArgumentException("hostId must not be blank");
            }
            if (probes.putIfAbsent(hostId, probe) != null) {
                throw new IllegalArgumentException("host " + hostId + " added twice");
            }
            return this;
        }

        /**
         * Asks {@code hostId}'s streaming server for its own report at each poll, after the GPU
         * probe, and takes it as evidence beside the GPU readings (see
         * {@link HealthClassifier#classify(String, ProbeHistory, HostCapacity, ServerReport,
         * Instant)}): a server that says it cannot create new pipelines makes the host refuse
         * admission until it says otherwise. A server without such a report is said once in the
         * log and is no failure. Optional; one per host.
         *
         * @param hostId a host added with {@link #host}, before or after this call
         * @param reporter its server's reporter; not null, and bounded in time
         * @return this builder
         * @throws NullPointerException if {@code reporter} is null
         * @throws IllegalArgumentException if {@code hostId} is blank or already has a reporter
         */
        public Builder serverReporter(String hostId, ServerReporter reporter) {
            Objects.requireNonNull(reporter, "reporter");
            if (hostId == null || hostId.isBlank()) {
                throw new IllegalArgumentException("hostId must not be blank");
            }
            if (servers.putIfAbsent(hostId, reporter) != null) {
                throw new IllegalArgumentException("host " + hostId + " has a server reporter already");
            }
            return this;
        }

        /**
         * Sets where lobby counts and caps come from: the governor's {@code capacity(hostId)}.
         * Required, because the classifier judges a reading against the lobbies that run.
         *
         * @param capacity the source; not null
         * @return this builder
         */
        public Builder capacity(CapacitySource capacity) {
            this.capacity = Objects.requireNonNull(capacity, "capacity");
            return this;
        }

        /**
         * Sets who gets every new health, each poll: the governor's {@code reportHealth}. By
         * default nobody. Called on a polling thread, one host at a time, so it should return
         * quickly; an exception it throws is logged (at most once per reminder interval) and
         * ignored.
         *
         * @param sink the consumer; not null
         * @return this builder
         */
        public Builder sink(Consumer<HostHealth> sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Adds a listener for transitions; listeners are called in the order they were added.
         *
         * @param listener the listener; not null
         * @return this builder
         */
        public Builder listener(HealthListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the action to run when monitoring stays lost (default: none, and nothing is
         * remediated).
         *
         * @param remediation the action; not null
         * @return this builder
         */
        public Builder remediation(Remediation remediation) {
            this.remediation = Objects.requireNonNull(remediation, "remediation");
            return this;
        }

        /**
         * Polls on this executor instead of an own thread; {@code close()} leaves it running. The
         * remediation does not run here (a one-thread executor would stop polling while it works):
         * see {@link #remediationExecutor}.
         *
         * @param executor the executor to schedule polls on; not null
         * @return this builder
         */
        public Builder executor(ScheduledExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Runs the remediation on this executor instead of the monitor's own thread, also when the
         * host drives {@link HealthMonitor#pollOnce()} itself; {@code close()} leaves it running.
         * Remediations of different hosts may then run at once; one host's never do.
         *
         * @param executor the executor to run remediations on; not null
         * @return this builder
         */
        public Builder remediationExecutor(Executor executor) {
            this.remediationExecutor = Objects.requireNonNull(executor, "remediationExecutor");
            return this;
        }

        /**
         * Builds the monitor, not yet started: call {@link HealthMonitor#start()} or drive it
         * with {@link HealthMonitor#pollOnce()}. Every host starts as
         * {@link HealthStatus#UNKNOWN}.
         *
         * @return the monitor
         * @throws IllegalStateException if no host or no capacity source was given, or a server
         *     reporter names a host that was not added
         * @throws IllegalArgumentException if a host's probe may hand back readings older than
         *     the staleness limit ({@link GpuProbe#maxReadingAge()}): a GPU that keeps answering
         *     could then be reported stale; the message names the settings
         */
        public HealthMonitor build() {
            if (probes.isEmpty()) {
                throw new IllegalStateException("a health monitor needs at least one host");
            }
            probes.forEach((id, probe) -> StalenessRule.contradiction(id, probe.name(), probe.maxReadingAge(),
                    config.probeInterval(), config.thresholds().stalenessLimit()).ifPresent(why -> {
                        throw new IllegalArgumentException(why);
                    }));
            if (capacity == null) {
                throw new IllegalStateException("a health monitor needs a capacity source");
            }
            servers.keySet().forEach(id -> {
                if (!probes.containsKey(id)) {
                    throw new IllegalStateException("server reporter for host " + id + ", which was never added");
                }
            });
            return new HealthMonitor(this);
        }
    }
}
