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
        assertThat(SamplePlausibility.check(zeros, 0, true)).isEmpty();
        assertThat(fields(SamplePlausibility.check(zeros, 1, false))).containsExactly("devices[0]");
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
        assertThat(fields(SamplePlausibility.check(empty, 2, true))).containsExactly("devices[0]");
        assertThat(SamplePlausibility.isPlausible(empty)).isTrue();
    }

    @Test
    void findingsNameTheDeviceIndexOnMultiGpuHosts() {
        var sample = GpuSamples.of("nvml", AT, GpuSamples.device().index(0).build(),
                GpuSamples.device().index(1).name(" ").build());
        assertThat(fields(SamplePlausibility.check(sample))).containsExactly("devices[1].name");
    }
}
