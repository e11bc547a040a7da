package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackProbeTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final ScriptedGpuProbe nvml = new ScriptedGpuProbe("nvml", clock);
    private final ScriptedGpuProbe smi = new ScriptedGpuProbe("nvidia-smi", clock);
    private final ScriptedGpuProbe wolf = new ScriptedGpuProbe("wolf", clock);
    private final GpuProbe chain = Probes.fallback(List.of(nvml, smi, wolf));

    @Test
    void theFirstPlausibleSampleWinsAndNamesItsSource() throws Exception {
        nvml.thenPlausible();
        smi.thenPlausible();
        GpuSample sample = chain.sample();
        assertThat(sample.source()).isEqualTo("nvml");
        assertThat(sample.skippedFailures()).isEmpty();
        assertThat(smi.calls()).isZero();
    }

    @Test
    void failuresOfTheProbesTriedFirstAreKeptInTheWinningSample() throws Exception {
        nvml.thenNvmlUnknownError();
        smi.thenPlausible();
        GpuSample sample = chain.sample();
        assertThat(sample.source()).isEqualTo("nvidia-smi");
        assertThat(sample.skippedFailures()).singleElement().satisfies(f -> {
            assertThat(f.probeName()).isEqualTo("nvml");
            assertThat(f.cause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(f.rawMessage()).isEqualTo(ScriptedGpuProbe.NVML_UNKNOWN_ERROR);
        });
        assertThat(wolf.calls()).isZero();
    }

    @Test
    void anImplausibleSampleIsSkippedAndRecordedNamingTheField() throws Exception {
        nvml.thenAllZero();
        smi.thenPlausible();
        GpuSample sample = chain.sample();
        assertThat(sample.source()).isEqualTo("nvidia-smi");
        assertThat(sample.skippedFailures()).singleElement().satisfies(f -> {
            assertThat(f.cause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
            assertThat(f.message()).contains("implausible").contains("devices[0].name");
        });
    }

    @Test
    void withoutAPlausibleSampleTheFirstImplausibleOneIsReturnedWithEveryOtherFailure() throws Exception {
        nvml.thenNvmlUnknownError();
        smi.thenAllZero();
        wolf.thenAllZero();
        GpuSample sample = chain.sample();
        assertThat(sample.source()).isEqualTo("nvidia-smi");
        assertThat(sample.skippedFailures()).extracting(ProbeFailure::probeName).containsExactly("nvml", "wolf");
        assertThat(SamplePlausibility.isPlausible(sample)).isFalse();
    }

    @Test
    void whenEveryProbeFailsTheBestProbesFailureIsThrownWithTheOthersSummarised() {
        nvml.thenNvmlUnknownError();
        smi.thenFail(ProbeFailureCause.INIT_FAILED, ScriptedGpuProbe.NVML_UNKNOWN_ERROR);
        wolf.thenFail(ProbeFailureCause.TIMEOUT, "");
        assertThatThrownBy(chain::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
            assertThat(e.probeName()).isEqualTo("nvml");
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(e.rawMessage()).isEqualTo(ScriptedGpuProbe.NVML_UNKNOWN_ERROR);
            assertThat(e.getMessage()).contains("nvml: INIT_FAILED", "nvidia-smi: INIT_FAILED", "wolf: TIMEOUT");
            assertThat(e.getSuppressed()).hasSize(2);
        });
    }

    @Test
    void aProbeThatThrowsUncheckedIsSkippedAsATypedFailure() throws Exception {
        nvml.thenThrow(new NullPointerException("no handle"));
        smi.thenPlausible();
        GpuSample sample = chain.sample();
        assertThat(sample.skippedFailures()).singleElement()
                .satisfies(f -> assertThat(f.cause()).isEqualTo(ProbeFailureCause.UNKNOWN));
    }

    @Test
    void itsNameListsTheChainAndCloseClosesEveryProbe() {
        assertThat(chain.name()).isEqualTo("fallback[nvml,nvidia-smi,wolf]");
        chain.close();
        assertThat(List.of(nvml.closes(), smi.closes(), wolf.closes())).containsOnly(1);
    }

    @Test
    void rejectsAnEmptyChain() {
        assertThatThrownBy(() -> Probes.fallback(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
