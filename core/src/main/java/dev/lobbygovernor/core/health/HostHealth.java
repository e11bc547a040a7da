package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.GpuSample;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's classified health at one moment.
 *
 * @param hostId the host
 * @param status the worst of what the reasons imply
 * @param monitoringWorking whether the GPU is being read plausibly and freshly ("nvidia-smi
 *     working: true/false" in the incident's words)
 * @param lastGoodSample the latest plausible sample, {@code null} if none was ever seen; the
 *     governor derives memory and encoder caps from it only while monitoring works
 * @param probeSource the probe that produced the latest reading or failure, empty if none
 * @param reasons why the status is what it is, most severe first
 * @param evaluatedAt when this was classified
 * @param server what the host's streaming server said of itself at the latest poll, empty
 *     when no {@link ServerReporter} watches it
 */
public record HostHealth(
        String hostId,
        HealthStatus status,
        boolean monitoringWorking,
        GpuSample lastGoodSample,
        String probeSource,
        List<HealthReason> reasons,
        Instant evaluatedAt,
        Optional<ServerReport> server) {

    /**
     * Requires the id, status and time; copies the reasons.
     *
     * @param hostId the host; not null
     * @param status the worst of what the reasons imply; not null
     * @param monitoringWorking whether the GPU is being read plausibly and freshly
     * @param lastGoodSample the latest plausible sample, or {@code null} if none was ever seen
     * @param probeSource the probe behind the latest reading or failure; {@code null} reads as
     *     empty
     * @param reasons why the status is what it is; not null, copied
     * @param evaluatedAt when this was classified; not null
     * @param server what the streaming server said of itself; {@code null} reads as empty
     * @throws NullPointerException if {@code hostId}, {@code status}, {@code reasons} or
     *     {@code evaluatedAt} is null
     */
    public HostHealth {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        probeSource = Objects.requireNonNullElse(probeSource, "");
        reasons = List.copyOf(reasons);
        server = Objects.requireNonNullElse(server, Optional.empty());
    }

    /**
     * A health with no report of the streaming server's own.
     *
     * @param hostId the host; not null
     * @param status the worst of what the reasons imply; not null
     * @param monitoringWorking whether the GPU is being read plausibly and freshly
     * @param lastGoodSample the latest plausible sample, or {@code null} if none was ever seen
     * @param probeSource the probe behind the latest reading or failure; {@code null} reads as
     *     empty
     * @param reasons why the status is what it is; not null, copied
     * @param evaluatedAt when this was classified; not null
     * @throws NullPointerException if {@code hostId}, {@code status}, {@code reasons} or
     *     {@code evaluatedAt} is null
     */
    public HostHealth(String hostId, HealthStatus status, boolean monitoringWorking, GpuSample lastGoodSample,
            String probeSource, List<HealthReason> reasons, Instant evaluatedAt) {
        this(hostId, status, monitoringWorking, lastGoodSample, probeSource, reasons, evaluatedAt, Optional.empty());
    }

    /**
     * Whether the streaming server's own health report says no new lobby can be taken there
     * ({@link HealthReason.ServerCritical}); the governor then refuses admission on the host.
     *
     * @return true if a reason says so
     */
    public boolean serverCritical() {
        return reasons.stream().anyMatch(HealthReason.ServerCritical.class::isInstance);
    }

    /**
     * The health of a host nothing is known about yet: {@link HealthStatus#UNKNOWN}, monitoring
     * not working, no sample, no reasons.
     *
     * @param hostId the host; not null
     * @param at when it is evaluated; not null
     * @return the unknown health
     */
    public static HostHealth unknown(String hostId, Instant at) {
        return new HostHealth(hostId, HealthStatus.UNKNOWN, false, null, "", List.of(), at);
    }

    /**
     * The latest plausible sample, if any: {@link #lastGoodSample()} without the null.
     *
     * @return the sample, or empty if none was ever seen
     */
    public Optional<GpuSample> optionalLastGoodSample() {
        return Optional.ofNullable(lastGoodSample);
    }

    /**
     * When the latest plausible sample was taken, if any.
     *
     * @return the sample's time, or empty if none was ever seen
     */
    public Optional<Instant> lastGoodSampleAt() {
        return optionalLastGoodSample().map(GpuSample::takenAt);
    }
}
