package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code status}'s probe chain blames the probe that failed, never one whose library is merely absent. */
class StatusGpuProbeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-12T10:00:00Z"), ZoneOffset.UTC);

    private static ScriptedGpuProbe probe(String name) {
        return new ScriptedGpuProbe(name, CLOCK);
    }

    private static ScriptedGpuProbe absent(String name) {
        return probe(name).thenFail(ProbeFailureCause.LIBRARY_MISSING, "not found");
    }

    private static ProbeException failureOf(StatusGpuProbe chain) {
        return catchThrowableOfType(ProbeException.class, chain::sample);
    }

    @Test
    void blamesWolfWhenEveryLocalProbeIsAbsent() {
        try (StatusGpuProbe chain = new StatusGpuProbe(List.of(absent("nvml"), absent("nvidia-smi"),
                probe("wolf").thenNvmlUnknownError()))) {
            ProbeException e = failureOf(chain);

            assertThat(e.probeName()).isEqualTo("wolf");
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(e.rawMessage()).isEqualTo(ScriptedGpuProbe.NVML_UNKNOWN_ERROR);
            assertThat(Arrays.stream(e.getSuppressed()).map(t -> ((ProbeException) t).probeName()))
                    .containsExactly("nvml", "nvidia-smi");
        }
    }

    @Test
    void blamesTheFirstProbeThatFailedInChainOrder() {
        try (StatusGpuProbe chain = new StatusGpuProbe(List.of(absent("nvml"),
                probe("nvidia-smi").thenFail(ProbeFailureCause.TIMEOUT, ""),
                probe("wolf").thenNvmlUnknownError()))) {
            ProbeException e = failureOf(chain);

            assertThat(e.probeName()).isEqualTo("nvidia-smi");
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
        }
    }

    @Test
    void keepsTheBestProbesFailureWhenItsLibraryIsThere() {
        try (StatusGpuProbe chain = new StatusGpuProbe(List.of(probe("nvml").thenNvmlUnknownError(),
                probe("wolf").thenFail(ProbeFailureCause.UNKNOWN, "exited with code 255")))) {
            ProbeException e = failureOf(chain);

            assertThat(e.probeName()).isEqualTo("nvml");
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(e.getMessage()).contains("wolf: UNKNOWN"); // the chain's summary of the others
        }
    }

    @Test
    void reportsTheMissingLibraryWhenNoProbeHasOne() {
        try (StatusGpuProbe chain = new StatusGpuProbe(List.of(absent("nvml"), absent("nvidia-smi"),
                absent("wolf")))) {
            ProbeException e = failureOf(chain);

            assertThat(e.probeName()).isEqualTo("nvml");
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
        }
    }

    @Test
    void leavesAbsentProbesOutOfAnImplausibleSamplesSkippedFailures() throws Exception {
        try (StatusGpuProbe chain = new StatusGpuProbe(List.of(absent("nvml"),
                probe("nvidia-smi").thenFail(ProbeFailureCause.TIMEOUT, ""), probe("wolf").thenAllZero()))) {
            GpuSample sample = chain.sample();

            assertThat(sample.source()).isEqualTo("wolf");
            assertThat(sample.skippedFailures()).extracting(ProbeFailure::probeName).containsExactly("nvidia-smi");
        }
    }

    @Test
    void passesAPlausibleSampleThrough() throws Exception {
        try (StatusGpuProbe chain = new StatusGpuProbe(List.of(absent("nvml"), probe("wolf").thenPlausible()))) {
            GpuSample sample = chain.sample();

            assertThat(sample.source()).isEqualTo("wolf");
            assertThat(sample.devices()).isNotEmpty();
        }
    }
}
