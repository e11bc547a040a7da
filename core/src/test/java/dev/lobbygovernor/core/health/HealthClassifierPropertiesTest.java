package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.GpuSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The classifier's promises, over generated readings, capacities and ages. */
class HealthClassifierPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-01-10T12:28:18Z");
    private static final HealthClassifier DEFAULT = new HealthClassifier(HealthThresholds.defaults());

    /** A plausible device: named, memory within total, at least one encoder session. */
    private static final Gen<GpuDevice> PLAUSIBLE_DEVICE = Generate.pick(List.of(GpuSamples.RTX_2000_ADA,
                    "NVIDIA H100 80GB HBM3", "NVIDIA L40S", "NVIDIA GeForce RTX 2080 SUPER"))
            .zip(Generate.longRange(1024, 81_920), Generate.range(0, 100), Generate.range(20, 84),
                    Generate.range(1, 10), (name, total, usedPercent, temp, sessions) -> GpuSamples.device()
                            .name(name).memory(total * usedPercent / 100, total).temperature(temp)
                            .encoderSessions(sessions).build());

    /** Lobby count and caps: cap 1..10, warning 1..cap, active 0..cap+2. */
    private static final Gen<HostCapacity> CAPACITY = Generate.range(1, 10).flatMap(cap ->
            Generate.range(1, cap).zip(Generate.range(0, cap + 2),
                    (warning, active) -> new HostCapacity(active, cap, warning)));

    private static final Gen<Integer> ANY_AGE_SECONDS = Generate.range(0, 3600);

    private static HostHealth classifyOnce(HealthClassifier classifier, ProbeOutcome outcome, HostCapacity c, Instant now) {
        return classifier.classify("h", classifier.record(ProbeHistory.empty(), outcome, c, now), c, now);
    }

    private static GpuSample sampleOf(GpuDevice device, Instant takenAt) {
        return GpuSamples.of("nvml", takenAt, device);
    }

    private static GpuDevice withNameAndTotal(GpuDevice d, String name, Long total) {
        return new GpuDevice(d.index(), d.uuid(), name, total, d.memoryUsedMiB(), d.memoryFreeMiB(),
                d.gpuUtilizationPercent(), d.memoryUtilizationPercent(), d.encoderUtilizationPercent(),
                d.temperatureC(), d.powerWatts(), d.encoderSessions(), d.encoderAverageFps(),
                d.encoderAverageLatencyUs(), d.processes());
    }

    @Test
    void zeroTotalMemoryIsNeverHealthy() {
        qt().forAll(PLAUSIBLE_DEVICE, CAPACITY, ANY_AGE_SECONDS).checkAssert((device, capacity, age) -> {
            GpuDevice zeroTotal = withNameAndTotal(device, device.name(), 0L);
            Instant now = T0.plusSeconds(age);
            HostHealth h = classifyOnce(DEFAULT, ProbeOutcome.of(sampleOf(zeroTotal, T0)), capacity, now);
            assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
            assertThat(h.monitoringWorking()).isFalse();
        });
    }

    @Test
    void anEmptyGpuNameIsNeverHealthy() {
        qt().forAll(PLAUSIBLE_DEVICE, Generate.pick(List.of("", " ", "\t", "  \n")), CAPACITY, ANY_AGE_SECONDS)
                .checkAssert((device, blank, capacity, age) -> {
                    GpuDevice unnamed = withNameAndTotal(device, blank, device.memoryTotalMiB());
                    HostHealth h = classifyOnce(DEFAULT, ProbeOutcome.of(sampleOf(unnamed, T0)), capacity,
                            T0.plusSeconds(age));
                    assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
                    assertThat(h.monitoringWorking()).isFalse();
                });
    }

    @Test
    void aStaleSampleIsNeverHealthy() {
        qt().forAll(PLAUSIBLE_DEVICE, CAPACITY, Generate.range(1, 120), Generate.range(1, 3600))
                .checkAssert((device, capacity, limitSeconds, beyond) -> {
                    var classifier = new HealthClassifier(HealthThresholds.builder()
                            .stalenessLimit(Duration.ofSeconds(limitSeconds)).build());
                    Instant now = T0.plusSeconds(limitSeconds).plusMillis(beyond);
                    HostHealth h = classifyOnce(classifier, ProbeOutcome.of(sampleOf(device, T0)), capacity, now);
                    assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
                    assertThat(h.reasons()).anyMatch(HealthReason.Stale.class::isInstance);
                });
    }

    /** A bad reading: a failure, an implausible sample or a stale one. */
    enum BadKind { FAILURE, ALL_ZERO, NO_DEVICES, ZERO_TOTAL, EMPTY_NAME, STALE }

    record Bad(BadKind kind, ProbeFailureCause cause, int extraAgeSeconds) {
        ProbeOutcome at(Instant now, GpuDevice device) {
            return switch (kind) {
                case FAILURE -> ProbeOutcome.failed(new ProbeException("nvml", cause, "scripted", ""), now);
                case ALL_ZERO -> ProbeOutcome.of(GpuSamples.allZero("wolf", now));
                case NO_DEVICES -> ProbeOutcome.of(GpuSamples.noDevices("nvml", now));
                case ZERO_TOTAL -> ProbeOutcome.of(sampleOf(withNameAndTotal(device, device.name(), 0L), now));
                case EMPTY_NAME -> ProbeOutcome.of(sampleOf(withNameAndTotal(device, "", device.memoryTotalMiB()), now));
                case STALE -> ProbeOutcome.of(sampleOf(device, now.minus(HealthThresholds.DEFAULT_STALENESS_LIMIT)
                        .minusSeconds(extraAgeSeconds)));
            };
        }
    }

    private static final Gen<Bad> BAD = Generate.enumValues(BadKind.class)
            .zip(Generate.enumValues(ProbeFailureCause.class), Generate.range(1, 600), Bad::new);

    @Test
    void afterAFailureOnlyAPlausibleFreshSampleRestoresMonitoringAndOneSuffices() {
        qt().forAll(PLAUSIBLE_DEVICE, lists().of(BAD).ofSizeBetween(1, 15), CAPACITY)
                .checkAssert((device, bads, capacity) -> {
                    Instant now = T0;
                    ProbeHistory history = DEFAULT.record(ProbeHistory.empty(),
                            ProbeOutcome.of(sampleOf(device, now)), capacity, now);
                    assertThat(DEFAULT.classify("h", history, capacity, now).monitoringWorking()).isTrue();
                    for (Bad bad : bads) {
                        now = now.plusSeconds(5);
                        history = DEFAULT.record(history, bad.at(now, device), capacity, now);
                        HostHealth h = DEFAULT.classify("h", history, capacity, now);
                        assertThat(h.monitoringWorking()).as("after %s", bad).isFalse();
                        assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
                    }
                    assertThat(history.consecutiveFailures()).isEqualTo(bads.size());
                    now = now.plusSeconds(5);
                    history = DEFAULT.record(history, ProbeOutcome.of(sampleOf(device, now)), capacity, now);
                    HostHealth restored = DEFAULT.classify("h", history, capacity, now);
                    assertThat(restored.monitoringWorking()).isTrue();
                    assertThat(restored.status()).isNotEqualTo(HealthStatus.MONITORING_LOST);
                    assertThat(restored.lastGoodSampleAt()).contains(now);
                });
    }

    /** One way inputs get worse. */
    enum Worse { OLDER, MORE_LOBBIES, MORE_MEMORY, HOTTER, MORE_ENCODER_SESSIONS, PROBE_FAILS }

    record Step(Worse kind, int amount) {
    }

    /** The inputs the steps change. */
    record Inputs(GpuDevice device, int active, int ageSeconds, boolean failed) {
        Inputs apply(Step s) {
            GpuDevice d = device;
            return switch (s.kind()) {
                case OLDER -> new Inputs(d, active, ageSeconds + s.amount(), failed);
                case MORE_LOBBIES -> new Inputs(d, active + 1 + s.amount() % 3, ageSeconds, failed);
                case MORE_MEMORY -> new Inputs(GpuSamples.device().name(d.name())
                        .memory(Math.min(d.memoryTotalMiB(), d.memoryUsedMiB() + s.amount() * 64L), d.memoryTotalMiB())
                        .temperature(d.temperatureC()).encoderSessions(d.encoderSessions()).build(),
                        active, ageSeconds, failed);
                case HOTTER -> new Inputs(GpuSamples.device().name(d.name())
                        .memory(d.memoryUsedMiB(), d.memoryTotalMiB())
                        .temperature(Math.min(150, d.temperatureC() + s.amount() % 20))
                        .encoderSessions(d.encoderSessions()).build(), active, ageSeconds, failed);
                case MORE_ENCODER_SESSIONS -> new Inputs(GpuSamples.device().name(d.name())
                        .memory(d.memoryUsedMiB(), d.memoryTotalMiB()).temperature(d.temperatureC())
                        .encoderSessions(d.encoderSessions() + 1 + s.amount() % 3).build(), active, ageSeconds, failed);
                case PROBE_FAILS -> new Inputs(d, active, ageSeconds, true);
            };
        }

        HostHealth classify(HealthClassifier classifier, HostCapacity caps) {
            HostCapacity capacity = new HostCapacity(active, caps.cap(), caps.warningThreshold());
            Instant now = T0.plusSeconds(ageSeconds);
            ProbeOutcome outcome = failed
                    ? ProbeOutcome.failed(new ProbeException("nvml", ProbeFailureCause.GPU_LOST, "lost", ""), now)
                    : ProbeOutcome.of(sampleOf(device, T0));
            return classifyOnce(classifier, outcome, capacity, now);
        }
    }

    private static final Gen<Step> WORSE = Generate.enumValues(Worse.class).zip(Generate.range(1, 40), Step::new);

    @Test
    void statusNeverImprovesWhileInputsOnlyGetWorse() {
        qt().forAll(PLAUSIBLE_DEVICE, CAPACITY, Generate.range(0, 12), lists().of(WORSE).ofSizeBetween(1, 20))
                .checkAssert((device, capacity, encoderLimit, steps) -> {
                    var classifier = new HealthClassifier(HealthThresholds.builder()
                            .encoderSessionLimit(encoderLimit).build());
                    Inputs inputs = new Inputs(device, capacity.active(), 0, false);
                    HostHealth before = inputs.classify(classifier, capacity);
                    for (Step step : steps) {
                        inputs = inputs.apply(step);
                        HostHealth after = inputs.classify(classifier, capacity);
                        assertThat(before.status().isWorseThan(after.status()))
                                .as("%s -> %s after %s", before.status(), after.status(), step).isFalse();
                        assertThat(!before.monitoringWorking() && after.monitoringWorking())
                                .as("monitoring came back after %s", step).isFalse();
                        before = after;
                    }
                });
    }
}
