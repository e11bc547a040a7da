package dev.lobbygovernor.core.health.internal;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.CapacitySource;
import dev.lobbygovernor.core.health.HealthClassifier;
import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.MonitorConfig;
import dev.lobbygovernor.core.health.ProbeHistory;
import dev.lobbygovernor.core.health.ProbeOutcome;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerReportException;
import dev.lobbygovernor.core.health.ServerReporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host under watch: its probe, history and health, and the log and listener duties of its
 * transitions. The monitor runs one poll of a host at a time; what a poll settles is locked, so
 * {@link #overdue} may judge a host whose poll hangs in its probe.
 *
 * <p>Logging is per transition, never per probe call: one ERROR on entering MONITORING_LOST, a
 * WARN reminder at most once per reminder interval while it lasts, one INFO on recovery, one
 * INFO for any other status change.
 */
public final class HostWatch {

    private static final Logger log = LoggerFactory.getLogger(HostWatch.class);

    /**
     * What every host's polls share: the monitor's clock, classifier, collaborators and settings.
     *
     * @param clock the time source
     * @param classifier turns outcomes into health
     * @param capacity where lobby counts and caps come from
     * @param sink gets every new health
     * @param listeners told of transitions
     * @param config the monitor's settings
     */
    public record Context(Clock clock, HealthClassifier classifier, CapacitySource capacity,
            Consumer<HostHealth> sink, List<HealthListener> listeners, MonitorConfig config) {
    }

    private final String hostId;
    private final GpuProbe probe;
    private final ServerReporter server;
    private final Context context;
    /** The streaming server's latest report; guarded by this. */
    private ServerReport lastReport;
    /** Whether the server's lack of a health report was logged; read and set by polls only. */
    private boolean unsupportedLogged;
    private ProbeHistory history = ProbeHistory.empty();
    private volatile HostHealth health;
    /** Set while this host's remediation runs, which may be on another thread than the polls. */
    final AtomicBoolean remediating = new AtomicBoolean();
    private HostCapacity lastCapacity;
    private Instant lostSince;
    private Instant lastReminderAt;
    private Instant lastRemediationAt;
    private Instant lastContainedWarningAt;
    /** Good readings in a row, the latest included. */
    private int goodInARow;
    /** Good readings, or runs of them, that a bad reading ended while monitoring was lost. */
    private int flaps;

    /**
     * A host not polled yet: its health is unknown.
     *
     * @param hostId the host
     * @param probe its GPU probe
     * @param context what every host's polls share
     * @param now the current time
     */
    public HostWatch(String hostId, GpuProbe probe, Context context, Instant now) {
        this(hostId, probe, null, context, now);
    }

    /**
     * A host not polled yet, whose streaming server is asked for its own report at each poll.
     *
     * @param hostId the host
     * @param probe its GPU probe
     * @param server its streaming server's reporter, or {@code null} if none
     * @param context what every host's polls share
     * @param now the current time
     */
    public HostWatch(String hostId, GpuProbe probe, ServerReporter server, Context context, Instant now) {
        this.hostId = hostId;
        this.server = server;
        this.probe = probe;
        this.context = context;
        this.health = HostHealth.unknown(hostId, now);
    }

    /**
     * The host's id.
     *
     * @return the id
     */
    public String hostId() {
        return hostId;
    }

    /**
     * The latest health; read without the monitor's poll lock.
     *
     * @return the health
     */
    public HostHealth health() {
        return health;
    }

    /**
     * Samples, classifies, feeds the sink and announces the transition. The monitor never
     * runs two polls of one host at once; polls of different hosts may run side by side.
     *
     * @return the new health
     */
    public HostHealth poll() {
        // the probe is asked outside the lock, so that overdue() can judge a probe that hangs
        ProbeOutcome outcome = sample(context.clock());
        return settle(outcome, server == null ? null : report(context.clock()));
    }

    /**
     * Asks the streaming server for its own report. A server without a health report is said
     * once per host at INFO ("not supported"), never as a failure; a server that cannot be
     * asked is a WARN when it starts failing and an INFO when it answers again.
     */
    private ServerReport report(Clock clock) {
        ServerReport earlier;
        synchronized (this) {
            earlier = lastReport;
        }
        ServerReport now;
        try {
            now = Objects.requireNonNull(server.report(), "report() returned null");
        } catch (ServerReportException | RuntimeException e) {
            now = ServerReport.unreadable(server.name(), clock.instant(),
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), earlier);
        }
        if (now.answered() && !now.supported() && !unsupportedLogged) {
            unsupportedLogged = true;
            log.atInfo().setMessage("Host {}: {} has no health report of its own (not supported by this {}); "
                    + "not a failure: its GPU and lobbies are still watched")
                    .addArgument(hostId).addArgument(now.source()).addArgument(now.source())
                    .addKeyValue("host", hostId).log();
        }
        boolean wasFailing = earlier != null && !earlier.answered();
        if (!now.answered() && !wasFailing) {
            log.atWarn().setMessage("Host {}: {}'s own health report could not be read: {}")
                    .addArgument(hostId).addArgument(now.source()).addArgument(now.failure())
                    .addKeyValue("host", hostId).log();
        } else if (now.answered() && wasFailing) {
            log.atInfo().setMessage("Host {}: {} answers its health report again").addArgument(hostId)
                    .addArgument(now.source()).addKeyValue("host", hostId).log();
        }
        return now;
    }

    /**
     * The host's poll has not returned for {@code waited}: that counts as a failed reading, so
     * a host whose probe hangs does not keep its last health meanwhile.
     *
     * @param waited how long the poll in progress has run
     * @return the new health
     */
    public HostHealth overdue(Duration waited) {
        ServerReport kept;
        synchronized (this) {
            kept = lastReport;
        }
        return settle(new ProbeOutcome.Failed(new ProbeFailure(probe.name(), ProbeFailureCause.TIMEOUT,
                "the probe has not returned for " + human(waited) + "; other hosts are polled meanwhile", ""),
                context.clock().instant()), kept);
    }

    private synchronized HostHealth settle(ProbeOutcome outcome, ServerReport report) {
        lastReport = report;
        Clock clock = context.clock();
        MonitorConfig config = context.config();
        Instant now = clock.instant();
        HostCapacity cap = capacityOf(now);
        history = context.classifier().record(history, outcome, cap, now);
        boolean good = history.consecutiveFailures() == 0;
        if (!good && goodInARow > 0 && lostSince != null) {
            flaps++;
        }
        goodInARow = good ? goodInARow + 1 : 0;
        HostHealth previous = health;
        health = Hysteresis.apply(previous, context.classifier().classify(hostId, history, cap, report, now),
                goodInARow, config.recoveryReadings());
        // hosts are polled side by side; the sink and the listeners hear one host at a time
        synchronized (context) {
            try {
                context.sink().accept(health);
            } catch (RuntimeException e) {
                if (containedWarningDue(now, config.reminderInterval())) {
                    log.atWarn().setMessage("Health sink threw for host {}; ignored").addArgument(hostId)
                            .addKeyValue("host", hostId).setCause(e).log();
                }
            }
            announce(previous, context.listeners(), config);
        }
        return health;
    }

    private HostCapacity capacityOf(Instant now) {
        try {
            lastCapacity = Objects.requireNonNull(context.capacity().capacity(hostId), "capacity");
        } catch (RuntimeException e) {
            if (containedWarningDue(now, context.config().reminderInterval())) {
                log.atWarn().setMessage("Capacity source threw for host {}; using the last known capacity")
                        .addArgument(hostId).addKeyValue("host", hostId).setCause(e).log();
            }
        }
        // Before any answer, assume no lobbies: the context-free plausibility checks still apply.
        return lastCapacity != null ? lastCapacity : new HostCapacity(0, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Asks the probe once; whatever it does, the answer is an outcome. */
    private ProbeOutcome sample(Clock clock) {
        try {
            GpuSample sample = probe.sample();
            if (sample == null) {
                return failed("the probe returned no sample", clock);
            }
            return ProbeOutcome.of(sample);
        } catch (ProbeException e) {
            return ProbeOutcome.failed(e, clock.instant());
        } catch (RuntimeException e) {
            return failed("the probe threw " + e.getClass().getSimpleName() + ": " + e.getMessage(), clock);
        }
    }

    private ProbeOutcome failed(String message, Clock clock) {
        return new ProbeOutcome.Failed(
                new ProbeFailure(probe.name(), ProbeFailureCause.UNKNOWN, message, ""), clock.instant());
    }

    /** Logs and publishes the change from {@code previous} to the current health. */
    private void announce(HostHealth previous, List<HealthListener> listeners, MonitorConfig config) {
        HostHealth current = health;
        Instant now = current.evaluatedAt();
        boolean wasLost = previous.status() == HealthStatus.MONITORING_LOST;
        boolean isLost = current.status() == HealthStatus.MONITORING_LOST;
        if (isLost && !wasLost) {
            lostSince = now;
            lastReminderAt = now;
            flaps = 0;
            logLost(current);
        } else if (isLost) {
            remindIfDue(current, now, config.reminderInterval());
        } else if (wasLost) {
            log.atInfo().setMessage("GPU monitoring restored on host {} after {} dark; status {}")
                    .addArgument(hostId).addArgument(human(darkFor(now))).addArgument(current.status())
                    .addKeyValue("host", hostId).addKeyValue("darkForSeconds", darkFor(now).toSeconds())
                    .addKeyValue("source", current.probeSource()).log();
        } else if (previous.status() != current.status()) {
            log.atInfo().setMessage("Host {} health changed from {} to {}: {}")
                    .addArgument(hostId).addArgument(previous.status()).addArgument(current.status())
                    .addArgument(summary(current)).addKeyValue("host", hostId).log();
        }
        if (previous.status() != current.status()) {
            Listeners.each(listeners, hostId, "onStatusChanged", l -> l.onStatusChanged(previous, current));
        }
        if (isLost && !wasLost) {
            Listeners.each(listeners, hostId, "onMonitoringLost", l -> l.onMonitoringLost(current));
        } else if (wasLost && !isLost) {
            Duration dark = darkFor(now);
            lostSince = null;
            Listeners.each(listeners, hostId, "onMonitoringRestored", l -> l.onMonitoringRestored(current, dark));
        }
    }

    /**
     * Whether the remediation should start now: monitoring has been lost long enough, the
     * cool-down allows, and no remediation of this host still runs. If so, marks it running (the
     * {@link RemediationRunner} clears the mark when it returns) and logs that it starts.
     *
     * @param config the monitor's settings: how long or how many bad readings make it due, and
     *     the cool-down between runs
     * @return true if the caller must now hand the host to the {@link RemediationRunner}
     */
    public synchronized boolean remediationDue(MonitorConfig config) {
        // readings that are good again, though not yet for long enough, need no restart
        if (lostSince == null || remediating.get() || goodInARow > 0) {
            return false;
        }
        Instant now = health.evaluatedAt();
        boolean due = darkFor(now).compareTo(config.remediateAfter()) >= 0
                || history.consecutiveFailures() >= config.remediateAfterFailures();
        boolean coolingDown = lastRemediationAt != null
                && Duration.between(lastRemediationAt, now).compareTo(config.remediationCooldown()) < 0;
        if (!due || coolingDown) {
            return false;
        }
        lastRemediationAt = now;
        remediating.set(true);
        log.atWarn().setMessage("GPU monitoring on host {} lost for {} ({} bad readings in a row); running remediation")
                .addArgument(hostId).addArgument(human(darkFor(now))).addArgument(history.consecutiveFailures())
                .addKeyValue("host", hostId).log();
        return true;
    }

    /**
     * Whether a warning about a failing collaborator (capacity source, sink) may be logged now:
     * at most once per reminder interval, so a broken collaborator cannot log on every poll.
     */
    private boolean containedWarningDue(Instant now, Duration interval) {
        if (lastContainedWarningAt != null && Duration.between(lastContainedWarningAt, now).compareTo(interval) < 0) {
            return false;
        }
        lastContainedWarningAt = now;
        return true;
    }

    private void logLost(HostHealth current) {
        HealthReason cause = OperatorHints.primaryCause(current);
        String what = cause == null ? "no plausible GPU reading" : cause.message();
        // The cause is stated once, in the message; the other reasons (if any) go in a field.
        String others = current.reasons().stream().filter(r -> r != cause).map(HealthReason::message)
                .collect(Collectors.joining("; "));
        var line = log.atError().setMessage("GPU monitoring lost on host {}: {}. {}")
                .addArgument(hostId).addArgument(what).addArgument(OperatorHints.whatToDo(cause))
                .addKeyValue("host", hostId)
                .addKeyValue("lastGoodSampleAt", current.lastGoodSampleAt().map(Instant::toString).orElse("never"));
        if (!others.isEmpty()) {
            line = line.addKeyValue("otherReasons", others);
        }
        line.log();
    }

    private void remindIfDue(HostHealth current, Instant now, Duration interval) {
        if (Duration.between(lastReminderAt, now).compareTo(interval) < 0) {
            return;
        }
        lastReminderAt = now;
        HealthReason cause = OperatorHints.primaryCause(current);
        // a probe that flaps between good and bad readings stays lost; say how often it flapped
        String flapped = flaps == 0 ? "" : "; readings flapped " + flaps + " times (good, then bad"
                + " again before " + context.config().recoveryReadings() + " good in a row)";
        log.atWarn().setMessage("GPU monitoring on host {} still lost after {}: {}{}")
                .addArgument(hostId).addArgument(human(darkFor(now)))
                .addArgument(cause == null ? "no plausible GPU reading" : cause.message())
                .addArgument(flapped)
                .addKeyValue("host", hostId).addKeyValue("darkForSeconds", darkFor(now).toSeconds())
                .addKeyValue("flaps", flaps).addKeyValue("reasons", summary(current)).log();
    }

    private Duration darkFor(Instant now) {
        return lostSince == null ? Duration.ZERO : Duration.between(lostSince, now);
    }

    private static String summary(HostHealth h) {
        return h.reasons().isEmpty() ? "no reasons"
                : h.reasons().stream().map(HealthReason::message).collect(Collectors.joining("; "));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        return s < 7200 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
