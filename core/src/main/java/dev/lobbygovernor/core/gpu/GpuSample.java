package dev.lobbygovernor.core.gpu;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One reading of a machine's GPUs.
 *
 * <p>A sample says nothing about its own plausibility: an empty name or a zero total is carried
 * as read, and the health classifier decides what it means.
 *
 * @param source the probe that produced it (for a fallback chain, the one that won)
 * @param takenAt when the reading was taken
 * @param took how long the probe call took
 * @param devices one entry per GPU, in index order (empty if the probe saw none)
 * @param skippedFailures failures of the probes a fallback chain tried before {@code source}
 */
public record GpuSample(
        String source,
        Instant takenAt,
        Duration took,
        List<GpuDevice> devices,
        List<ProbeFailure> skippedFailures) {

    /**
     * Copies the lists; requires every field.
     *
     * @param source the probe that produced it; not null
     * @param takenAt when the reading was taken; not null
     * @param took how long the probe call took; not null
     * @param devices one entry per GPU; not null, copied
     * @param skippedFailures failures of probes tried before {@code source}; not null, copied
     * @throws NullPointerException if any field is null
     */
    public GpuSample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(took, "took");
        devices = List.copyOf(devices);
        skippedFailures = List.copyOf(skippedFailures);
    }

    /**
     * A sample with no skipped failures: what a single probe returns.
     *
     * @param source the probe that produced it; not null
     * @param takenAt when the reading was taken; not null
     * @param took how long the probe call took; not null
     * @param devices one entry per GPU; not null, copied
     * @throws NullPointerException if any argument is null
     */
    public GpuSample(String source, Instant takenAt, Duration took, List<GpuDevice> devices) {
        this(source, takenAt, took, devices, List.of());
    }

    /**
     * This sample as reported by a fallback chain that skipped {@code failures} first.
     *
     * @param failures the failures of the probes tried before this one, in order; not null
     * @return a copy of this sample with those failures; this one is unchanged
     */
    public GpuSample withSkippedFailures(List<ProbeFailure> failures) {
        return new GpuSample(source, takenAt, took, devices, failures);
    }
}
