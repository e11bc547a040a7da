package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.GpuSamples;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthClassifierTest {

    private static final Instant NOW = Instant.parse("2025-01-10T12:28:18Z");
    private static final HealthClassifier CLASSIFIER = new HealthClassifier(HealthThresholds.defaults());

    private static HostCapacity lobbies(int active) {
        return new HostCapacity(active, 5, 4);
    }

    private static HostHealth classify(ProbeOutcome outcome, HostCapacity capacity) {
        ProbeHistory history = CLASSIFIER.record(ProbeHistory.empty(), outcome, capacity, NOW);
        return CLASSIFIER.classify("wolf-1", history, capacity, NOW);
    }

    private static HostHealth classify(GpuSample sample, int active) {
        return classify(ProbeOutcome.of(sample), lobbies(active));
    }

    private static ProbeOutcome nvmlUnknownError() {
        return ProbeOutcome.failed(new ProbeException("nvml", ProbeFailureCause.INIT_FAILED,
                "NVML could not initialise", ScriptedGpuProbe.NVML_UNKNOWN_ERROR), NOW);
    }

    @Test
    void isUnknownBeforeTheFirstProbeCall() {
        HostHealth h = CLASSIFIER.classify("wolf-1", ProbeHistory.empty(), lobbies(0), NOW);
        assertThat(h.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(h.monitoringWorking()).isFalse();
        assertThat(h.reasons()).isEmpty();
    }

    @Test
    void isHealthyOnAFreshPlausibleSampleWithRoomForLobbies() {
        HostHealth h = classify(GpuSamples.plausible("nvml", NOW), 2);
        assertThat(h.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(h.monitoringWorking()).isTrue();
        assertThat(h.reasons()).isEmpty();
        assertThat(h.probeSource()).isEqualTo("nvml");
        assertThat(h.lastGoodSampleAt()).contains(NOW);
    }

    @Test
    void aProbeFailureIsMonitoringLostWithItsCauseAndTheToolsWords() {
        HostHealth h = classify(nvmlUnknownError(), lobbies(5));
        assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(h.monitoringWorking()).isFalse();
        assertThat(h.reasons().get(0)).isInstanceOfSatisfying(HealthReason.ProbeFailed.class, r -> {
            assertThat(r.cause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(r.probeName()).isEqualTo("nvml");
            assertThat(r.detail()).contains(ScriptedGpuProbe.NVML_UNKNOWN_ERROR);
        });
    }

    @Test
    void aTenKilobyteMultiLineRawMessageIsQuotedAsOneShortLine() {
        String line = "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\r\n";
        String raw = line.repeat(10_240 / line.length() + 1) + "\u001b[0m\ttail";
        ProbeOutcome failed = ProbeOutcome.failed(new ProbeException("nvidia-smi",
                ProbeFailureCause.DRIVER_NOT_LOADED, "nvidia-smi failed", raw), NOW);

        String message = classify(failed, lobbies(1)).reasons().get(0).message();

        assertThat(raw).hasSizeGreaterThan(10_240);
        assertThat(message).doesNotContain("\n", "\r", "\t", "\u001b")
                .contains("[NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. NVIDIA-SMI")
                .endsWith("... (" + raw.length() + " chars)]")
                .hasSizeLessThan(HealthClassifier.RAW_QUOTE_LIMIT + 100);
    }

    @Test
    void aShortRawMessageIsQuotedWholeWithItsLineBreaksFlattened() {
        assertThat(HealthClassifier.quote("Failed to initialize NVML: Unknown Error\n\n"))
                .isEqualTo("Failed to initialize NVML: Unknown Error");
        assertThat(HealthClassifier.quote("line one\r\n\tline two")).isEqualTo("line one line two");
    }

    @Test
    void aSampleOlderThanTheStalenessLimitIsStaleWithItsAge() {
        GpuSample old = GpuSamples.plausible("nvml", NOW.minusSeconds(16));
        HostHealth h = classify(old, 1);
        assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(h.reasons()).containsExactly(
                new HealthReason.Stale(Duration.ofSeconds(16), HealthThresholds.DEFAULT_STALENESS_LIMIT));
        assertThat(h.lastGoodSample()).isNull();
    }

    @Test
    void aSampleExactlyAtTheStalenessLimitIsStillFresh() {
        assertThat(classify(GpuSamples.plausible("nvml", NOW.minusSeconds(15)), 1).status())
                .isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void theIncidentsAllZeroSampleIsMonitoringLostNamingEachField() {
        HostHealth h = classify(GpuSamples.allZero("wolf", NOW), 6);
        assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(h.reasons()).filteredOn(HealthReason.Implausible.class::isInstance)
                .extracting(r -> ((HealthReason.Implausible) r).field())
                .containsExactly("devices[0].name", "devices[0].memoryTotalMiB", "devices[0]",
                        "devices[*].encoderSessions");
    }

    @Test
    void zeroEncoderSessionsWhileNoLobbyHasAClientIsAnIdleEncoderNotLostMonitoring() {
        // Wolf encodes per connected client: lobbies nobody watches hold no NVENC session.
        GpuSample noEncoders = GpuSamples.plausible("nvml", NOW, 0);
        HostHealth idle = classify(ProbeOutcome.of(noEncoders), new HostCapacity(3, 5, 4, 0));
        assertThat(idle.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(idle.monitoringWorking()).isTrue();

        HostHealth watched = classify(ProbeOutcome.of(noEncoders), new HostCapacity(3, 5, 4, 1));
        assertThat(watched.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(watched.reasons()).contains(
                new HealthReason.Implausible("devices[*].encoderSessions", "0 encoder sessions while 1 lobbies stream"));
    }

    @Test
    void zeroEncoderSessionsWhileLobbiesRunIsLostUnlessLobbiesDoNotEncode() {
        GpuSample noEncoders = GpuSamples.plausible("nvml", NOW, 0);
        assertThat(classify(noEncoders, 3).status()).isEqualTo(HealthStatus.MONITORING_LOST);
        var software = new HealthClassifier(HealthThresholds.builder().lobbiesEncode(false).build());
        ProbeOutcome outcome = ProbeOutcome.of(noEncoders);
        var history = software.record(ProbeHistory.empty(), outcome, lobbies(3), NOW);
        assertThat(software.classify("wolf-1", history, lobbies(3), NOW).status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void aFallbackChainsSkippedFailuresAreReasonsWhenItHadToReturnABadReading() {
        GpuSample zeros = GpuSamples.allZero("wolf", NOW).withSkippedFailures(List.of(
                new ProbeFailure("nvml", ProbeFailureCause.INIT_FAILED, "NVML could not initialise",
                        ScriptedGpuProbe.NVML_UNKNOWN_ERROR)));
        assertThat(classify(zeros, 6).reasons()).anySatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(HealthReason.ProbeFailed.class,
                        f -> assertThat(f.cause()).isEqualTo(ProbeFailureCause.INIT_FAILED)));
    }

    @Test
    void aWinningFallbackSampleIsHealthyDespiteSkippedFailures() {
        GpuSample viaSmi = GpuSamples.plausible("nvidia-smi", NOW).withSkippedFailures(List.of(
                new ProbeFailure("nvml", ProbeFailureCause.LIBRARY_MISSING, "no libnvidia-ml.so.1", "")));
        assertThat(classify(viaSmi, 1).status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void nearCapacityWarnsWithTheCount() {
        HostHealth h = classify(GpuSamples.plausible("nvml", NOW), 4);
        assertThat(h.status()).isEqualTo(HealthStatus.WARNING);
        assertThat(h.reasons()).containsExactly(new HealthReason.NearCapacity(4, 5));
        assertThat(h.reasons().get(0).message()).isEqualTo("near capacity: 4/5 lobbies");
    }

    @Test
    void atCapacityIsExhausted() {
        HostHealth h = classify(GpuSamples.plausible("nvml", NOW), 5);
        assertThat(h.status()).isEqualTo(HealthStatus.EXHAUSTED);
        assertThat(h.reasons()).containsExactly(new HealthReason.AtCapacity(5, 5));
    }

    @Test
    void capacityCountsEvenWhileMonitoringIsLost() {
        HostHealth h = classify(nvmlUnknownError(), lobbies(5));
        assertThat(h.reasons()).contains(new HealthReason.AtCapacity(5, 5));
    }

    @Test
    void highGpuMemoryWarns() {
        GpuSample full = GpuSamples.of("nvml", NOW, GpuSamples.device().memory(15_000L, 16_380L).build());
        HostHealth h = classify(full, 1);
        assertThat(h.status()).isEqualTo(HealthStatus.WARNING);
        assertThat(h.reasons()).containsExactly(new HealthReason.GpuMemoryHigh(15_000, 16_380));
    }

    @Test
    void highTemperatureWarns() {
        GpuSample hot = GpuSamples.of("nvml", NOW, GpuSamples.device().temperature(91).build());
        assertThat(classify(hot, 1).reasons()).containsExactly(new HealthReason.TemperatureHigh(91, 85));
    }

    @Test
    void encoderSessionsWarnOneShortOfTheLimitAndExhaustAtIt() {
        var consumerCard = new HealthClassifier(HealthThresholds.builder().encoderSessionLimit(8).build());
        for (int sessions : new int[] {6, 7, 8}) {
            ProbeOutcome outcome = ProbeOutcome.of(GpuSamples.plausible("nvml", NOW, sessions));
            var history = consumerCard.record(ProbeHistory.empty(), outcome, lobbies(1), NOW);
            HostHealth h = consumerCard.classify("wolf-1", history, lobbies(1), NOW);
            HealthStatus expected = sessions == 6 ? HealthStatus.HEALTHY
                    : sessions == 7 ? HealthStatus.WARNING : HealthStatus.EXHAUSTED;
            assertThat(h.status()).as("%d sessions", sessions).isEqualTo(expected);
        }
    }

    @Test
    void loadIsNotJudgedFromABadReading() {
        GpuSample hotButStale = GpuSamples.of("nvml", NOW.minusSeconds(60), GpuSamples.device().temperature(95).build());
        assertThat(classify(hotButStale, 1).reasons()).noneMatch(HealthReason.TemperatureHigh.class::isInstance);
    }

    @Test
    void reasonsComeMostSevereFirst() {
        HostHealth h = classify(nvmlUnknownError(), lobbies(4));
        assertThat(h.reasons()).hasSize(2);
        assertThat(h.reasons().get(0)).isInstanceOf(HealthReason.ProbeFailed.class);
        assertThat(h.reasons().get(1)).isInstanceOf(HealthReason.NearCapacity.class);
    }

    @Test
    void aFailureKeepsTheLastGoodSampleAndCountsConsecutiveFailures() {
        ProbeHistory history = CLASSIFIER.record(ProbeHistory.empty(),
                ProbeOutcome.of(GpuSamples.plausible("nvml", NOW)), lobbies(2), NOW);
        GpuSample good = history.lastGoodSample();
        Instant later = NOW.plusSeconds(20);
        history = CLASSIFIER.record(history, nvmlUnknownError(), lobbies(2), later);
        history = CLASSIFIER.record(history, ProbeOutcome.of(GpuSamples.allZero("wolf", later)), lobbies(2), later);
        assertThat(history.consecutiveFailures()).isEqualTo(2);
        HostHealth h = CLASSIFIER.classify("wolf-1", history, lobbies(2), later);
        assertThat(h.lastGoodSample()).isSameAs(good);
        assertThat(h.probeSource()).isEqualTo("wolf");
    }

    @Test
    void aFailureWhileTheLastGoodSampleHasAgedAlsoSaysHowStaleItIs() {
        ProbeHistory history = CLASSIFIER.record(ProbeHistory.empty(),
                ProbeOutcome.of(GpuSamples.plausible("nvml", NOW)), lobbies(2), NOW);
        Instant later = NOW.plusSeconds(60);
        history = CLASSIFIER.record(history, nvmlUnknownError(), lobbies(2), later);
        assertThat(CLASSIFIER.classify("wolf-1", history, lobbies(2), later).reasons())
                .contains(new HealthReason.Stale(Duration.ofSeconds(60), HealthThresholds.DEFAULT_STALENESS_LIMIT));
    }
}
