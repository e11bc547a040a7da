package dev.lobbygovernor.core.health.internal;

import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.MonitorConfig;
import dev.lobbygovernor.core.health.Remediation;
import dev.lobbygovernor.core.health.RemediationResult;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host's {@link Remediation} off the poll path: restarting a streaming server takes about
 * a minute, and polling must go on meanwhile. It runs on the executor the host gave; else, once
 * the monitor is started, on one daemon thread of its own; else (a monitor driven by {@code
 * pollOnce()}) on the polling caller's thread after the poll lock is released. A host whose
 * remediation still runs is never remediated again until it returns ({@link HostWatch#remediating}).
 */
public final class RemediationRunner {

    private static final Logger log = LoggerFactory.getLogger(RemediationRunner.class);
    private static final String THREAD_NAME = "lobby-governor-health-remediation";

    private final Remediation remediation;
    private final Executor hostExecutor;
    private final List<HealthListener> listeners;
    private final MonitorConfig config;
    private ExecutorService ownExecutor; // guarded by this; made by start()
    private boolean closed; // guarded by this

    /**
     * A runner with no thread yet; {@link #start()} prepares one if the host gave no executor.
     *
     * @param remediation the host's action, or {@code null} when none is configured (then
     *     {@link #enabled()} is false and nothing is ever submitted)
     * @param hostExecutor the host's executor for remediations, or {@code null} to use the
     *     runner's own thread (once started) or the polling caller's
     * @param listeners told of every remediation's result
     * @param config the monitor's settings; its cool-down is named in failure logs
     */
    public RemediationRunner(Remediation remediation, Executor hostExecutor, List<HealthListener> listeners,
            MonitorConfig config) {
        this.remediation = remediation;
        this.hostExecutor = hostExecutor;
        this.listeners = listeners;
        this.config = config;
    }

    /**
     * Whether there is a remediation to run at all.
     *
     * @return true if the host configured a {@link Remediation}
     */
    public boolean enabled() {
        return remediation != null;
    }

    /** Prepares the own thread, unless the host gave an executor; the thread starts on first use. */
    public synchronized void start() {
        if (remediation == null || hostExecutor != null || ownExecutor != null || closed) {
            return;
        }
        ownExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Stops the own thread once a running remediation returns. It is not interrupted: a restart
     * cut off halfway leaves the streaming server down.
     */
    public synchronized void close() {
        closed = true;
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    /**
     * Runs the remediation of {@code host}, which {@link HostWatch#remediationDue} marked running.
     * Clears that mark when the remediation returns, or at once if no executor will run it.
     *
     * @param host the host to remediate
     * @param health the health that made the remediation due, passed on to it
     */
    public void submit(HostWatch host, HostHealth health) {
        Executor executor;
        synchronized (this) {
            if (hostExecutor == null && ownExecutor != null && closed) {
                host.remediating.set(false); // a poll that overlapped close(): nothing left to run on
                return;
            }
            executor = hostExecutor != null ? hostExecutor : ownExecutor;
        }
        Runnable task = () -> run(host, health);
        if (executor == null) {
            task.run();
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            host.remediating.set(false);
            log.atWarn().setMessage("Remediation for host {} not run: its executor refused it")
                    .addArgument(host.hostId()).addKeyValue("host", host.hostId()).setCause(e).log();
        }
    }

    private void run(HostWatch host, HostHealth health) {
        String hostId = host.hostId();
        try {
            RemediationResult result;
            try {
                result = remediation.remediate(hostId, health);
                if (result == null) {
                    result = RemediationResult.failed("the remediation returned no result");
                }
            } catch (Exception e) {
                result = RemediationResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (result.succeeded()) {
                log.atInfo().setMessage("Remediation for host {} done: {}").addArgument(hostId)
                        .addArgument(result.detail()).addKeyValue("host", hostId).log();
            } else {
                log.atWarn().setMessage("Remediation for host {} failed: {}; next try after {}").addArgument(hostId)
                        .addArgument(result.detail()).addArgument(HostWatch.human(config.remediationCooldown()))
                        .addKeyValue("host", hostId).log();
            }
            RemediationResult done = result;
            Listeners.each(listeners, hostId, "onRemediation", l -> l.onRemediation(hostId, done));
        } finally {
            host.remediating.set(false);
        }
    }
}
