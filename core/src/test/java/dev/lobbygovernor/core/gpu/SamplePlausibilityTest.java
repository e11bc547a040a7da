package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.GpuSamples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePlausibilityTest {

    private static final Instant AT = Instant.parse("2025-01-10T12:28:18Z");

    private static List<String> fields(List<SamplePlausibility.Finding> findings) {
        return findings.stream().map(SamplePlausibility.Finding::field).toList();
    }

    @Test
    void plausibleReadingHasNoFindingEvenWithLobbiesRunning() {
        assertThat(SamplePlausibility.check(GpuSamples.plausible("nvml", AT), 6, true)).isEmpty();
    }

    @Test
    void sampleWithoutDevicesIsImplausible() {
        assertThat(fields(SamplePlausibility.check(GpuSamples.noDevices("nvml", AT)))).containsExactly("devices");
    }

    @Test
    void emptyNameAndZeroTotalMemoryAreImplausibleWithoutContext() {
        var sample = GpuSamples.of("nvml", AT, GpuSamples.device().name("").memory(0L, 0L).build());
        assertThat(fields(SamplePlausibility.check(sample)))
                .containsExactly("devices[0].name", "devices[0].memoryTotalMiB");
    }

    @Test
    void usedMemoryAboveTotalIsImplausible() {
        var sample = GpuSamples.of("nvml", AT, GpuSamples.device().memory(20_000L, 16_380L).build());
        assertThat(fields(SamplePlausibility.check(sample))).containsExactly("devices[0].memoryUsedMiB");
    }

    @Test
    void incidentsAllZeroReadingNamesEveryBrokenField() {
        var findings = SamplePlausibility.check(GpuSamples.allZero("wolf", AT), 6, true);
        assertThat(fields(findings)).containsExactly("devices[0].name", "devices[0].memoryTotalMiB",
                "devices[0]", "devices[*].encoderSessions");
        assertThat(findings.get(3).detail()).isEqualTo("0 encoder sessions while 6 lobbies stream");
    }

    @Test
    void allZeroNumbersAreImplausibleOnlyWhileLobbiesRun() {
        var zeros = GpuSamples.of("nvml", AT, GpuSamples.device().memory(0L, null).gpuUtilization(0)
                .temperature(0).power(0.0).encoderSessions(0).build());
        // without a total (required) it is implausible anyway; the zeros count only under lobbies
        assertThat(fields(SamplePlausibility.check(zeros, 0, true)))
                .containsExactly("devices[0].memoryTotalMiB");
        assertThat(fields(SamplePlausibility.check(zeros, 1, false)))
                .containsExactly("devices[0].memoryTotalMiB", "devices[0]");
    }

    @Test
    void zeroEncoderSessionsWhileLobbiesRunIsImplausibleOnlyWhenLobbiesEncode() {
        var noEncoders = GpuSamples.plausible("nvml", AT, 0);
        assertThat(fields(SamplePlausibility.check(noEncoders, 3, true))).containsExactly("devices[*].encoderSessions");
        assertThat(SamplePlausibility.check(noEncoders, 3, false)).isEmpty();
        assertThat(SamplePlausibility.check(noEncoders, 0, true)).isEmpty();
    }

    @Test
    void unreportedReadingsAreNeverTakenForZero() {
        // A MIG device reports no utilisation and a probe may not read encoder stats: null, not 0.
        var mig = GpuSamples.of("nvml", AT, GpuSamples.device().gpuUtilization(null).encoderSessions(null)
                .temperature(null).power(null).build());
        assertThat(SamplePlausibility.check(mig, 4, true)).isEmpty();
    }

    @Test
    void deviceWithNoNumericReadingWhileLobbiesRunIsImplausible() {
        var empty = GpuSamples.of("nvml", AT, GpuSamples.device().memory(null, null).gpuUtilization(null)
                .encoderSessions(null).temperature(null).power(null).build());
        assertThat(fields(SamplePlausibility.check(empty, 2, true)))
                .containsExactly("devices[0].memoryTotalMiB", "devices[0]");
    }

    @Test
    void deviceWithANameButNoTotalMemoryIsImplausible() {
        var noTotal = GpuSamples.of("nvml", AT, GpuSamples.device().memory(null, null).build());

        assertThat(SamplePlausibility.check(noTotal)).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("devices[0].memoryTotalMiB");
            assertThat(f.detail()).isEqualTo("no total memory reading");
        });
    }

    @Test
    void negativeUsedMemoryIsImplausibleAndNamesTheValue() {
        var sample = GpuSamples.of("nvml", AT, GpuSamples.device().memory(-5L, 16_380L).build());

        assertThat(SamplePlausibility.check(sample))
                .contains(new SamplePlausibility.Finding("devices[0].memoryUsedMiB", "-5 MiB used, negative"));
    }

    @Test
    void powerThatIsNotANumberOrInfiniteOrNegativeIsImplausible() {
        for (double watts : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1.0, 1e9}) {
            var sample = GpuSamples.of("nvml", AT, GpuSamples.device().power(watts).build());

            assertThat(SamplePlausibility.check(sample)).as("%s W", watts).singleElement()
                    .satisfies(f -> assertThat(f.field()).isEqualTo("devices[0].powerWatts"));
        }
    }

    @Test
    void temperatureBeyondWhatSiliconSurvivesIsImplausible() {
        var frozen = GpuSamples.of("nvml", AT, GpuSamples.device().temperature(-40_000).build());
        var molten = GpuSamples.of("nvml", AT, GpuSamples.device().temperature(151).build());
        var cold = GpuSamples.of("nvml", AT, GpuSamples.device().temperature(-20).build());

        assertThat(SamplePlausibility.check(frozen)).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("devices[0].temperatureC");
            assertThat(f.detail()).startsWith("-40000 °C");
        });
        assertThat(fields(SamplePlausibility.check(molten))).containsExactly("devices[0].temperatureC");
        assertThat(SamplePlausibility.check(cold)).isEmpty();
    }

    @Test
    void utilisationOutsideZeroToHundredPercentIsImplausible() {
        var over = GpuSamples.of("nvml", AT, GpuSamples.device().gpuUtilization(250).build());
        var under = GpuSamples.of("nvml", AT, GpuSamples.device().gpuUtilization(-1).build());

        // the test device derives memory utilisation from GPU utilisation: both are off
        assertThat(SamplePlausibility.check(over)).contains(new SamplePlausibility.Finding(
                "devices[0].gpuUtilizationPercent", "250 %, outside 0 to 100 %"));
        assertThat(fields(SamplePlausibility.check(under)))
                .contains("devices[0].gpuUtilizationPercent");
    }

    @Test
    void negativeEncoderSessionsAreImplausible() {
        var sample = GpuSamples.of("nvml", AT, GpuSamples.device().encoderSessions(-1).build());

        assertThat(SamplePlausibility.check(sample)).contains(
                new SamplePlausibility.Finding("devices[0].encoderSessions", "-1, negative"));
    }

    @Test
    void findingsNameTheDeviceIndexOnMultiGpuHosts() {
        var sample = GpuSamples.of("nvml", AT, GpuSamples.device().index(0).build(),
                GpuSamples.device().index(1).name(" ").build());
        assertThat(fields(SamplePlausibility.check(sample))).containsExactly("devices[1].name");
    }

    @Test
    void aSampleIsPlausibleExactlyWhenTheContextFreeChecksFindNothing() {
        assertThat(SamplePlausibility.isPlausible(GpuSamples.plausible("nvml", java.time.Instant.EPOCH))).isTrue();
        assertThat(SamplePlausibility.isPlausible(GpuSamples.noDevices("nvml", java.time.Instant.EPOCH))).isFalse();
    }
}
