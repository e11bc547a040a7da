package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.testing.GpuSamples;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each threshold of the classifier, pinned on both sides of its edge. */
class HealthClassifierBoundaryTest {

    private static final Instant NOW = Instant.parse("2025-01-10T12:28:18Z");
    private static final HealthClassifier DEFAULTS = new HealthClassifier(HealthThresholds.defaults());

    private static HostHealth classify(HealthClassifier classifier, GpuSample sample, HostCapacity capacity) {
        ProbeHistory history = classifier.record(ProbeHistory.empty(), ProbeOutcome.of(sample), capacity, NOW);
        return classifier.classify("wolf-1", history, capacity, NOW);
    }

    private static HostHealth withDevice(GpuSamples.DeviceBuilder device) {
        return classify(DEFAULTS, GpuSamples.of("nvml", NOW, device.build()), new HostCapacity(1, 5, 4));
    }

    @Test
    void memoryWarnsFromExactlyTheWarningPercentAndNotOneMiBBelow() {
        assertThat(withDevice(GpuSamples.device().memory(900L, 1_000L)).reasons())
                .containsExactly(new HealthReason.GpuMemoryHigh(900, 1_000));
        assertThat(withDevice(GpuSamples.device().memory(899L, 1_000L)).reasons()).isEmpty();
    }

    @Test
    void memoryWithoutAUsedReadingIsNotJudged() {
        assertThat(withDevice(GpuSamples.device().memory(null, 1_000L)).status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void temperatureWarnsFromExactlyTheThresholdAndNotOneDegreeBelow() {
        assertThat(withDevice(GpuSamples.device().temperature(85)).reasons())
                .containsExactly(new HealthReason.TemperatureHigh(85, 85));
        assertThat(withDevice(GpuSamples.device().temperature(84)).reasons()).isEmpty();
        assertThat(withDevice(GpuSamples.device().temperature(null)).reasons()).isEmpty();
    }

    @Test
    void encoderSessionsOfSeveralGpusAddUp() {
        HealthClassifier limitFour = new HealthClassifier(HealthThresholds.builder().encoderSessionLimit(4).build());
        GpuSample two = GpuSamples.of("nvml", NOW, GpuSamples.device().encoderSessions(2).build(),
                GpuSamples.device().index(1).encoderSessions(2).build());
        assertThat(classify(limitFour, two, new HostCapacity(1, 5, 4)).reasons())
                .containsExactly(new HealthReason.EncoderSessionsHigh(4, 4));
    }

    @Test
    void aLimitOfOneSessionIsReachedByTheFirstAndNotWarnedAtZero() {
        HealthClassifier limitOne = new HealthClassifier(HealthThresholds.builder().encoderSessionLimit(1).build());
        HostCapacity idle = new HostCapacity(0, 5, 4);
        assertThat(classify(limitOne, GpuSamples.plausible("nvml", NOW, 1), idle).status())
                .isEqualTo(HealthStatus.EXHAUSTED);
        assertThat(classify(limitOne, GpuSamples.plausible("nvml", NOW, 0), idle).reasons()).isEmpty();
    }

    @Test
    void noEncoderLimitMeansNoEncoderReason() {
        assertThat(withDevice(GpuSamples.device().encoderSessions(30)).reasons()).isEmpty();
    }

    @Test
    void encoderSessionsExhaustAtTheLimitAndAboveAndOnlyWarnBelow() {
        assertThat(HealthClassifier.severity(new HealthReason.EncoderSessionsHigh(7, 8))).isEqualTo(HealthStatus.WARNING);
        assertThat(HealthClassifier.severity(new HealthReason.EncoderSessionsHigh(8, 8))).isEqualTo(HealthStatus.EXHAUSTED);
        assertThat(HealthClassifier.severity(new HealthReason.EncoderSessionsHigh(9, 8))).isEqualTo(HealthStatus.EXHAUSTED);
    }

    @Test
    void aSampleOneMillisecondPastTheStalenessLimitIsStale() {
        GpuSample old = GpuSamples.plausible("nvml", NOW.minus(HealthThresholds.DEFAULT_STALENESS_LIMIT).minusMillis(1));
        assertThat(classify(DEFAULTS, old, new HostCapacity(1, 5, 4)).reasons()).containsExactly(new HealthReason.Stale(
                HealthThresholds.DEFAULT_STALENESS_LIMIT.plusMillis(1), HealthThresholds.DEFAULT_STALENESS_LIMIT));
        assertThat(DEFAULTS.isGood(ProbeOutcome.of(old), new HostCapacity(1, 5, 4), NOW)).isFalse();
        assertThat(DEFAULTS.isGood(ProbeOutcome.of(old), null, NOW.minusMillis(1))).isTrue();
    }

    @Test
    void aRawTextOfExactlyTheQuoteLimitIsQuotedWholeAndOneCharacterMoreIsCut() {
        String limit = "x".repeat(HealthClassifier.RAW_QUOTE_LIMIT);
        assertThat(HealthClassifier.quote(limit)).isEqualTo(limit);
        assertThat(HealthClassifier.quote(limit + "y")).isEqualTo(limit + " ... (" + (limit.length() + 1) + " chars)");
        assertThat(HealthClassifier.quote(limit + "\n \t")).as("only blank text after the cut").isEqualTo(limit);
    }

    @Test
    void aRunOfControlCharactersBecomesOneSpaceAndNoneLeadsTheQuote() {
        assertThat(HealthClassifier.quote("\n\ta\u2028\u2029b\r\n")).isEqualTo("a b");
        assertThat(HealthClassifier.quote("")).isEmpty();
    }

    @Test
    void aCutNeverLeavesHalfACharacter() {
        String text = "x".repeat(HealthClassifier.RAW_QUOTE_LIMIT - 1) + "\uD83D\uDE00" + "tail";
        assertThat(HealthClassifier.quote(text))
                .isEqualTo("x".repeat(HealthClassifier.RAW_QUOTE_LIMIT - 1) + " ... (" + text.length() + " chars)");
    }

    @Test
    void aNearlyFullHostWarnsAndAFullOneIsExhausted() {
        GpuSample fine = GpuSamples.plausible("nvml", NOW);
        assertThat(classify(DEFAULTS, fine, new HostCapacity(3, 5, 4)).reasons()).isEmpty();
        assertThat(classify(DEFAULTS, fine, new HostCapacity(4, 5, 4)).reasons())
                .containsExactly(new HealthReason.NearCapacity(4, 5));
        assertThat(classify(DEFAULTS, fine, new HostCapacity(5, 5, 4)).reasons())
                .containsExactly(new HealthReason.AtCapacity(5, 5));
    }

    @Test
    void aStaleLastGoodSampleAfterAFailureIsReportedWithItsAge() {
        ProbeHistory history = DEFAULTS.record(ProbeHistory.empty(), ProbeOutcome.of(GpuSamples.plausible("nvml", NOW)),
                null, NOW);
        Instant later = NOW.plus(Duration.ofSeconds(20));
        history = DEFAULTS.record(history, ProbeOutcome.failed(
                new dev.lobbygovernor.core.gpu.ProbeException("nvml",
                        dev.lobbygovernor.core.gpu.ProbeFailureCause.UNKNOWN, "gone", ""), later), null, later);
        HostHealth h = DEFAULTS.classify("wolf-1", history, new HostCapacity(0, 5, 4), later);
        assertThat(h.reasons()).anyMatch(r -> r.equals(
                new HealthReason.Stale(Duration.ofSeconds(20), HealthThresholds.DEFAULT_STALENESS_LIMIT)));
        assertThat(h.lastGoodSample()).isNotNull();
    }

    @Test
    void reasonsAreSortedMostSevereFirstWhateverOrderTheyArise() {
        GpuSample hot = GpuSamples.of("nvml", NOW, GpuSamples.device().temperature(90).build());
        HostHealth h = classify(DEFAULTS, hot, new HostCapacity(5, 5, 4));
        assertThat(h.reasons()).containsExactly(new HealthReason.AtCapacity(5, 5),
                new HealthReason.TemperatureHigh(90, 85));
        assertThat(h.status()).isEqualTo(HealthStatus.EXHAUSTED);
    }

    @Test
    void theClassifierKeepsItsThresholds() {
        HealthThresholds thresholds = HealthThresholds.builder().temperatureHighCelsius(70).build();
        assertThat(new HealthClassifier(thresholds).thresholds()).isSameAs(thresholds);
    }
}
