package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import dev.lobbygovernor.core.gpu.SamplePlausibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what the probes said into a {@link HostHealth}: a pure function of the probe history, the
 * host's lobby count and caps, the time, and the {@link HealthThresholds}.
 *
 * <p>Monitoring works only while the latest outcome is a plausible sample ({@link
 * SamplePlausibility}) no older than the staleness limit; otherwise the host is {@link
 * HealthStatus#MONITORING_LOST}, whatever the last good sample said, because zero metrics mean
 * broken monitoring, not an idle GPU. One good sample restores it here; the
 * {@link HealthMonitor} holds a host lost until {@link MonitorConfig#recoveryReadings()} good
 * samples came in a row. Load (memory, temperature,
 * encoder sessions) is judged only from a good sample; lobby counts always. The status is the
 * worst the reasons imply, {@link HealthStatus#UNKNOWN} before the first probe call.
 */
public final class HealthClassifier {

    /**
     * How much of a probe's raw text a reason quotes. The reason reaches the monitoring-lost ERROR
     * line, and nvidia-smi's raw output can run to kilobytes over many lines; its first line or
     * two name the failure.
     */
    static final int RAW_QUOTE_LIMIT = 160;

    private final HealthThresholds thresholds;

    /**
     * A classifier with these thresholds.
     *
     * @param thresholds staleness, memory, temperature and encoder limits; not null
     * @throws NullPointerException if {@code thresholds} is null
     */
    public HealthClassifier(HealthThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * The thresholds in use.
     *
     * @return the thresholds given to the constructor
     */
    public HealthThresholds thresholds() {
        return thresholds;
    }

    /**
     * The history after {@code outcome}: a plausible, fresh sample becomes the last good sample
     * and resets the failure count; anything else counts as one more failure.
     *
     * @param history the host's history so far; not null
     * @param outcome the probe call's outcome; not null
     * @param capacity the host's lobby count now, which decides whether all-zero readings are
     *     plausible; {@code null} is taken as no lobbies
     * @param now the time freshness is judged at
     * @return the new history; {@code history} itself is unchanged
     * @throws NullPointerException if {@code history} or {@code outcome} is null
     */
    public ProbeHistory record(ProbeHistory history, ProbeOutcome outcome, HostCapacity capacity, Instant now) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(outcome, "outcome");
        return history.then(outcome, isGood(outcome, capacity, now));
    }

    /**
     * Whether {@code outcome} is a plausible sample no older than the staleness limit.
     *
     * @param outcome the probe call's outcome
     * @param capacity the host's lobby count now; {@code null} is taken as no lobbies
     * @param now the time freshness is judged at
     * @return true only for a {@link ProbeOutcome.Sampled} that passes every plausibility check
     *     and is fresh; false for any failure
     */
    public boolean isGood(ProbeOutcome outcome, HostCapacity capacity, Instant now) {
        return outcome instanceof ProbeOutcome.Sampled s
                && implausibilities(s.sample(), capacity).isEmpty()
                && !isStale(s.sample().takenAt(), now);
    }

    /**
     * Classifies a host.
     *
     * @param hostId the host
     * @param history what its probe said so far
     * @param capacity its lobby count and caps now
     * @param now the time of classification; ages are measured to it
     * @return the host's health, its reasons most severe first, evaluated at {@code now}
     * @throws NullPointerException if {@code history}, {@code capacity} or {@code now} is null
     */
    public HostHealth classify(String hostId, ProbeHistory history, HostCapacity capacity, Instant now) {
        return classify(hostId, history, capacity, null, now);
    }

    /**
     * Classifies a host, with what its streaming server said of itself as evidence beside the
     * GPU readings: a server that says it cannot create new pipelines is
     * {@link HealthReason.ServerCritical} ({@link HealthStatus#EXHAUSTED}: no new lobby can run
     * there), stuck threads are {@link HealthReason.ServerThreadsStuck} and a report that could
     * not be read is {@link HealthReason.ServerReportUnreadable} (warnings). A server without a
     * health report of its own adds nothing: that is not a failure.
     *
     * @param hostId the host
     * @param history what its probe said so far
     * @param capacity its lobby count and caps now
     * @param server what its streaming server said at this poll, or {@code null} if nobody asks it
     * @param now the time of classification; ages are measured to it
     * @return the host's health, its reasons most severe first, evaluated at {@code now}
     * @throws NullPointerException if {@code history}, {@code capacity} or {@code now} is null
     */
    public HostHealth classify(String hostId, ProbeHistory history, HostCapacity capacity, ServerReport server,
            Instant now) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(now, "now");
        List<HealthReason> reasons = new ArrayList<>();
        ProbeOutcome latest = history.latest();
        boolean working = false;
        if (latest instanceof ProbeOutcome.Failed f) {
            reasons.add(probeFailed(f.failure()));
            staleness(history.lastGoodSample(), now, reasons);
            // A GPU that needed a reset when last read still needs it while it cannot be read
            // (a GPU fallen off the bus fails every read): only the probe can say it recovered.
            faultReasons(history.lastGoodSample(), true, reasons);
        } else if (latest instanceof ProbeOutcome.Sampled s) {
            GpuSample sample = s.sample();
            implausibilities(sample, capacity).forEach(reasons::add);
            staleness(sample, now, reasons);
            if (reasons.isEmpty()) {
                working = true;
                loadReasons(sample, reasons);
            } else {
                // The probes a fallback chain skipped say why it had to use this reading.
                sample.skippedFailures().forEach(failure -> reasons.add(probeFailed(failure)));
            }
            // Faults are facts the probe holds, whatever the rest of the reading looks like.
            faultReasons(sample, false, reasons);
        }
        if (server != null) {
            serverReasons(server, reasons);
        }
        if (capacity.atCapacity()) {
            reasons.add(new HealthReason.AtCapacity(capacity.active(), capacity.cap()));
        } else if (capacity.nearCapacity()) {
            reasons.add(new HealthReason.NearCapacity(capacity.active(), capacity.cap()));
        }
        HealthStatus status = latest == null ? HealthStatus.UNKNOWN : HealthStatus.HEALTHY;
        for (HealthReason reason : reasons) {
            status = status.worst(severity(reason));
        }
        reasons.sort(Comparator.comparing(HealthClassifier::severity).reversed());
        String source = latest == null ? "" : latest.source();
        return new HostHealth(hostId, status, working, history.lastGoodSample(), source, reasons, now,
                Optional.ofNullable(server));
    }

    private static void serverReasons(ServerReport server, List<HealthReason> reasons) {
        server.health().ifPresent(h -> {
            if (h.critical()) {
                reasons.add(new HealthReason.ServerCritical(server.source(), h.overallStatus(), server.answered()));
            } else if (h.stuckThreads() > 0 && server.answered()) {
                reasons.add(new HealthReason.ServerThreadsStuck(server.source(), h.stuckThreads(), h.totalThreads(),
                        h.stuckThreadNames()));
            }
        });
        if (!server.answered()) {
            reasons.add(new HealthReason.ServerReportUnreadable(server.source(), server.failure()));
        }
    }

    /**
     * The status a reason implies on its own: probe failures, stale and implausible readings,
     * and a recovery still too short, mean lost monitoring; being at the cap, at the encoder
     * session limit, a streaming server that says it cannot create pipelines, or a GPU out of
     * service until it recovers, means exhausted; any other reason is a warning.
     *
     * @param reason the reason
     * @return the status it implies
     */
    public static HealthStatus severity(HealthReason reason) {
        if (reason instanceof HealthReason.ProbeFailed || reason instanceof HealthReason.Stale
                || reason instanceof HealthReason.Implausible
                || reason instanceof HealthReason.Recovering) {
            return HealthStatus.MONITORING_LOST;
        }
        if (reason instanceof HealthReason.AtCapacity || reason instanceof HealthReason.ServerCritical) {
            return HealthStatus.EXHAUSTED;
        }
        if (reason instanceof HealthReason.GpuFaulted g && g.outOfService()) {
            return HealthStatus.EXHAUSTED;
        }
        if (reason instanceof HealthReason.EncoderSessionsHigh e && e.sessions() >= e.cap()) {
            return HealthStatus.EXHAUSTED;
        }
        return HealthStatus.WARNING;
    }

    private List<HealthReason.Implausible> implausibilities(GpuSample sample, HostCapacity capacity) {
        int active = capacity == null ? 0 : capacity.active();
        int streaming = capacity == null ? 0 : capacity.streaming();
        return SamplePlausibility.check(sample, active, streaming, thresholds.lobbiesEncode()).stream()
                .map(f -> new HealthReason.Implausible(f.field(), f.detail()))
                .toList();
    }

    private boolean isStale(Instant takenAt, Instant now) {
        return Duration.between(takenAt, now).compareTo(thresholds.stalenessLimit()) > 0;
    }

    private void staleness(GpuSample sample, Instant now, List<HealthReason> reasons) {
        if (sample != null && isStale(sample.takenAt(), now)) {
            reasons.add(new HealthReason.Stale(Duration.between(sample.takenAt(), now),
                    thresholds.stalenessLimit()));
        }
    }

    private void loadReasons(GpuSample sample, List<HealthReason> reasons) {
        int sessions = 0;
        for (GpuDevice d : sample.devices()) {
            Long used = d.memoryUsedMiB();
            Long total = d.memoryTotalMiB();
            if (used != null && total != null && total > 0
                    && used * 100 >= total * thresholds.memoryHighPercent()) {
                reasons.add(new HealthReason.GpuMemoryHigh(used, total));
            }
            if (d.temperatureC() != null && d.temperatureC() >= thresholds.temperatureHighCelsius()) {
                reasons.add(new HealthReason.TemperatureHigh(d.temperatureC(), thresholds.temperatureHighCelsius()));
            }
            sessions += d.encoderSessions() == null ? 0 : d.encoderSessions();
        }
        int limit = thresholds.encoderSessionLimit();
        // One session short of the limit is a warning; at the limit no further lobby can encode.
        if (limit > 0 && sessions >= limit - 1 && sessions > 0) {
            reasons.add(new HealthReason.EncoderSessionsHigh(sessions, limit));
        }
    }

    /**
     * One reason per fault the sample carries; only the out-of-service ones when the sample is
     * an older one standing in for a failed read.
     */
    private static void faultReasons(GpuSample sample, boolean outOfServiceOnly, List<HealthReason> reasons) {
        if (sample == null) {
            return;
        }
        for (GpuDevice d : sample.devices()) {
            for (GpuFault fault : d.faults()) {
                HealthReason.GpuFaulted reason = new HealthReason.GpuFaulted(d.index(), d.uuid(), fault);
                if (!outOfServiceOnly || reason.outOfService()) {
                    reasons.add(reason);
                }
            }
        }
    }

    private static HealthReason.ProbeFailed probeFailed(ProbeFailure failure) {
        String detail = failure.rawMessage().isEmpty() || failure.message().contains(failure.rawMessage())
                ? failure.message()
                : failure.message() + " [" + quote(failure.rawMessage()) + "]";
        return new HealthReason.ProbeFailed(failure.cause(), failure.probeName(), detail);
    }

    /**
     * {@code raw} as one line of at most {@link #RAW_QUOTE_LIMIT} characters: each run of control
     * characters (newlines, tabs, escapes) becomes one space, and a cut says how long the text was.
     */
    static String quote(String raw) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), RAW_QUOTE_LIMIT) + 32);
        int i = 0;
        for (; i < raw.length() && out.length() < RAW_QUOTE_LIMIT; i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1); // never leave half a character at the cut
        }
        String line = out.toString().strip();
        boolean cut = raw.substring(i).chars().anyMatch(c -> !Character.isISOControl(c) && !Character.isWhitespace(c));
        return cut ? line + " ... (" + raw.length() + " chars)" : line;
    }
}
