package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.testing.GpuSamples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Readings generated across and beyond the physical ranges, absent fields included, judged
 * against a model of physics written here independently of the classifier: no impossible
 * reading is ever healthy, and every possible one counts as working monitoring.
 */
class PhysicalPlausibilityPropertiesTest {

    private static final Instant AT = Instant.parse("2025-01-10T12:28:18Z");
    private static final HealthClassifier CLASSIFIER = new HealthClassifier(HealthThresholds.defaults());
    /** No lobby runs, so only what is physically possible decides. */
    private static final HostCapacity IDLE = new HostCapacity(0, 5, 4);

    private static <T> Gen<T> sometimesAbsent(Gen<T> value) {
        Gen<Integer> die = Generate.range(0, 5);
        return in -> die.generate(in) == 0 ? null : value.generate(in);
    }

    private static <T> Gen<T> mostly(Gen<T> usual, List<T> extremes) {
        Gen<Integer> die = Generate.range(0, 9);
        Gen<T> extreme = Generate.pick(extremes);
        return in -> die.generate(in) == 0 ? extreme.generate(in) : usual.generate(in);
    }

    private static final Gen<Long> MEMORY = sometimesAbsent(mostly(Generate.longRange(-50, 120_000),
            List.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE)));
    private static final Gen<Integer> PERCENT = sometimesAbsent(mostly(Generate.range(-20, 130),
            List.of(Integer.MIN_VALUE, -1, 101, 250, Integer.MAX_VALUE)));
    private static final Gen<Integer> CELSIUS = sometimesAbsent(mostly(Generate.range(-80, 180),
            List.of(-40_000, -56, -55, 150, 151, Integer.MAX_VALUE)));
    private static final Gen<Double> WATTS = sometimesAbsent(mostly(doubles().between(-50, 6000),
            List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 5000.0,
                    5000.5)));
    private static final Gen<Integer> COUNT = sometimesAbsent(mostly(Generate.range(-5, 64),
            List.of(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE)));
    private static final Gen<String> NAME = Generate.pick(List.of(GpuSamples.RTX_2000_ADA,
            "NVIDIA H100 80GB HBM3", "", " ", "NVIDIA L4"));

    private static final Gen<GpuDevice> ANY_READING = in -> new GpuDevice(0, "GPU-0",
            NAME.generate(in), MEMORY.generate(in), MEMORY.generate(in), MEMORY.generate(in),
            PERCENT.generate(in), PERCENT.generate(in), PERCENT.generate(in), CELSIUS.generate(in),
            WATTS.generate(in), COUNT.generate(in), COUNT.generate(in), COUNT.generate(in),
            List.of());

    /** Readings inside the physical ranges, edges included, optional fields sometimes absent. */
    private static final Gen<GpuDevice> POSSIBLE_READING = in -> {
        long total = Generate.longRange(1, 120_000).generate(in);
        Gen<Long> part = sometimesAbsent(Generate.longRange(0, total));
        Gen<Integer> percent = sometimesAbsent(Generate.range(0, 100));
        Gen<Integer> count = sometimesAbsent(Generate.range(0, 64));
        return new GpuDevice(0, "GPU-0", Generate.pick(List.of(GpuSamples.RTX_2000_ADA, "NVIDIA L4"))
                .generate(in), total, part.generate(in), part.generate(in), percent.generate(in),
                percent.generate(in), percent.generate(in),
                sometimesAbsent(Generate.range(-55, 150)).generate(in),
                sometimesAbsent(doubles().between(0, 5000)).generate(in), count.generate(in),
                count.generate(in), count.generate(in), List.of());
    };

    /** Physics, stated once and plainly. */
    private static boolean possible(GpuDevice d) {
        Long total = d.memoryTotalMiB();
        return !d.name().isBlank()
                && total != null && total > 0
                && memoryPart(d.memoryUsedMiB(), total) && memoryPart(d.memoryFreeMiB(), total)
                && percent(d.gpuUtilizationPercent()) && percent(d.memoryUtilizationPercent())
                && percent(d.encoderUtilizationPercent())
                && (d.temperatureC() == null || (d.temperatureC() >= -55 && d.temperatureC() <= 150))
                && (d.powerWatts() == null || (Double.isFinite(d.powerWatts())
                        && d.powerWatts() >= 0 && d.powerWatts() <= 5000))
                && count(d.encoderSessions()) && count(d.encoderAverageFps())
                && count(d.encoderAverageLatencyUs());
    }

    private static boolean memoryPart(Long part, long total) {
        return part == null || (part >= 0 && part <= total);
    }

    private static boolean percent(Integer p) {
        return p == null || (p >= 0 && p <= 100);
    }

    private static boolean count(Integer n) {
        return n == null || n >= 0;
    }

    private static HostHealth classify(GpuDevice device) {
        GpuSample sample = GpuSamples.of("probe", AT, device);
        ProbeHistory history = CLASSIFIER.record(ProbeHistory.empty(), ProbeOutcome.of(sample), IDLE, AT);
        return CLASSIFIER.classify("h", history, IDLE, AT);
    }

    @Test
    void noPhysicallyImpossibleReadingIsEverHealthy() {
        qt().withExamples(20_000).forAll(ANY_READING).checkAssert(device -> {
            HostHealth health = classify(device);

            if (!possible(device)) {
                assertThat(health.status()).as("%s", device).isEqualTo(HealthStatus.MONITORING_LOST);
                assertThat(health.monitoringWorking()).isFalse();
                assertThat(health.reasons()).as("the reason names the field")
                        .anySatisfy(r -> assertThat(r).isInstanceOf(HealthReason.Implausible.class));
            }
        });
    }

    @Test
    void everyPhysicallyPossibleReadingIsWorkingMonitoring() {
        qt().withExamples(20_000).forAll(POSSIBLE_READING)
                .checkAssert(device -> assertThat(classify(device).monitoringWorking())
                        .as("%s", device).isTrue());
    }
}
