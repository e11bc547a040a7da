package dev.lobbygovernor.dashboard.internal;

import dev.lobbygovernor.core.admission.GovernorStatus;
import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.admission.LobbyStatus;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.ServerHealth;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The status JSON: the governor's status per host, with what the monitor and the feed's memory
 * add. Lobbies come oldest first; a lobby nobody recorded is an orphan.
 */
public final class StatusJson {

    private static final Comparator<LobbyStatus> OLDEST_FIRST = Comparator.comparing(
            (LobbyStatus l) -> l.age().orElse(Duration.ZERO)).reversed();

    private StatusJson() {
    }

    /**
     * Writes the JSON.
     *
     * @param status every host's status
     * @param health each host's latest health, if monitored
     * @param memory since when monitoring is lost, and the last cleanup outcomes
     * @param now the time ages are measured at
     * @return the JSON text
     */
    public static String of(GovernorStatus status, Function<String, Optional<HostHealth>> health, FeedMemory memory,
            Instant now) {
        Json j = new Json().beginObject().field("at", status.at().toString()).beginArray("hosts");
        for (HostStatus h : status.hosts()) {
            Optional<HostHealth> hh = health.apply(h.hostId());
            j.beginObject().field("id", h.hostId()).field("active", h.active()).field("reserved", h.reserved())
                    .field("cap", h.cap()).field("warningThreshold", h.warningThreshold())
                    .field("reachable", h.reachable()).field("health", h.healthStatus().name())
                    .field("monitoringWorking", h.monitoringWorking()).field("probeSource", h.probeSource())
                    .field("lastGoodReadingAgeSeconds", h.lastGoodSampleAge().map(StatusJson::seconds).orElse(null));
            Optional<Instant> lost = memory.lostSince(h.hostId());
            j.field("monitoringLostSince", lost.map(Instant::toString).orElse(null));
            j.beginArray("reasons");
            hh.ifPresent(x -> x.reasons().stream().map(HealthReason::message).forEach(j::value));
            j.endArray();
            gpus(j, hh.flatMap(HostHealth::optionalLastGoodSample), now);
            server(j, h);
            lobbies(j, h.lobbies());
            cleanup(j, memory.outcomes(h.hostId()), now);
            j.endObject();
        }
        return j.endArray().endObject().toString();
    }

    private static void gpus(Json j, Optional<GpuSample> sample, Instant now) {
        j.field("readingTakenAt", sample.map(s -> s.takenAt().toString()).orElse(null));
        j.field("readingAgeSeconds", sample.map(s -> seconds(Duration.between(s.takenAt(), now))).orElse(null));
        j.beginArray("gpus");
        for (GpuDevice d : sample.map(GpuSample::devices).orElse(List.of())) {
            j.beginObject().field("index", d.index()).field("name", d.name()).field("uuid", d.uuid())
                    .field("memoryUsedMiB", d.memoryUsedMiB()).field("memoryTotalMiB", d.memoryTotalMiB())
                    .field("gpuUtilizationPercent", d.gpuUtilizationPercent())
                    .field("encoderUtilizationPercent", d.encoderUtilizationPercent())
                    .field("encoderSessions", d.encoderSessions()).field("temperatureC", d.temperatureC())
                    .field("powerWatts", d.powerWatts()).endObject();
        }
        j.endArray();
    }

    /**
     * The streaming server's own report: {@code "server": null} when nothing asks it, else its
     * health (or that it has none: {@code "supported": false}) and its counts, and
     * {@code "countWhileBlind": true} when those counts are what shows a blind host is busy.
     */
    private static void server(Json j, HostStatus h) {
        if (h.server().isEmpty()) {
            j.field("server", (String) null);
            return;
        }
        ServerReport r = h.server().get();
        Optional<ServerHealth> health = r.health();
        Optional<ServerUsage> usage = r.usage();
        j.beginObject("server").field("source", r.source()).field("answered", r.answered())
                .field("supported", r.supported()).field("failure", r.answered() ? null : r.failure())
                .field("status", health.map(ServerHealth::overallStatus).orElse(null))
                .field("critical", health.map(ServerHealth::critical).orElse(false))
                .field("stuckThreads", health.map(ServerHealth::stuckThreads).orElse(null))
                .field("totalThreads", health.map(ServerHealth::totalThreads).orElse(null))
                .field("lobbies", usage.map(ServerUsage::lobbies).orElse(null))
                .field("clients", usage.map(ServerUsage::clients).orElse(null))
                .field("processMemoryBytes", usage.filter(u -> u.processMemoryBytes().isPresent())
                        .map(u -> u.processMemoryBytes().getAsLong()).orElse(null))
                .field("countWhileBlind", h.serverCountWhileBlind().isPresent())
                .endObject();
    }

    private static void lobbies(Json j, List<LobbyStatus> lobbies) {
        j.beginArray("lobbies");
        for (LobbyStatus l : lobbies.stream().sorted(OLDEST_FIRST).toList()) {
            j.beginObject().field("id", l.lobbyId()).field("session", l.sessionId().orElse(null))
                    .field("ageSeconds", l.age().map(StatusJson::seconds).orElse(null))
                    .field("idleSeconds", l.idle().map(StatusJson::seconds).orElse(null))
                    .field("orphan", l.leaked()).endObject();
        }
        j.endArray();
    }

    private static void cleanup(Json j, List<FeedMemory.Remembered> outcomes, Instant now) {
        j.beginArray("cleanup");
        for (FeedMemory.Remembered r : outcomes) {
            CleanupOutcome o = r.outcome();
            j.beginObject().field("at", r.at().toString()).field("agoSeconds", seconds(Duration.between(r.at(), now)))
                    .field("kind", o.kind().name()).field("lobby", o.lobbyId()).field("text", describe(o))
                    .endObject();
        }
        j.endArray();
    }

    /** A line a person reads; ids and reasons only (outcomes hold no PIN, and none is written). */
    static String describe(CleanupOutcome o) {
        if (o instanceof CleanupOutcome.Stopped s) {
            return "stopped " + s.lobbyId() + " (" + s.reason() + ")";
        }
        if (o instanceof CleanupOutcome.AlreadyGone g) {
            return g.lobbyId() + " was already gone";
        }
        if (o instanceof CleanupOutcome.Failed f) {
            return "failed on " + f.lobbyId() + " (" + f.reason() + "), retried";
        }
        if (o instanceof CleanupOutcome.OrphanReported r) {
            return "orphan " + r.lobbyId() + " reported, left running";
        }
        if (o instanceof CleanupOutcome.OrphanStopped s) {
            return "orphan " + s.lobbyId() + " stopped";
        }
        if (o instanceof CleanupOutcome.ReservationSettled s) {
            return "reservation for " + s.lobbyId() + " settled (" + s.resolution() + ")";
        }
        return o.kind() + " " + o.lobbyId();
    }

    private static Double seconds(Duration d) {
        return Math.max(0, d.toMillis()) / 1000.0;
    }
}
