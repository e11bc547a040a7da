package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.GpuSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The health values an operator reads: every reason's sentence word for word, and the
 * validation of the records a streaming server's report and the probe history are made of.
 */
class HealthValuesTest {

    private static final Instant AT = Instant.parse("2025-01-10T12:28:18Z");

    @Test
    void eachReasonRendersItsNumbersInItsOwnSentence() {
        assertThat(new HealthReason.ProbeFailed(ProbeFailureCause.GPU_LOST, "nvml", "GPU has fallen off the bus")
                .message()).isEqualTo("GPU probe nvml failed (GPU_LOST): GPU has fallen off the bus");
        assertThat(new HealthReason.Stale(Duration.ofMillis(15_001), Duration.ofSeconds(15)).message())
                .isEqualTo("latest GPU sample is 15001 ms old (limit 15000 ms)");
        assertThat(new HealthReason.Implausible("devices[0].name", "empty").message())
                .isEqualTo("implausible GPU reading: devices[0].name (empty)");
        assertThat(new HealthReason.Recovering(2, 3).message())
                .isEqualTo("GPU readings good again, 2 of 3 in a row needed before monitoring counts as restored");
        assertThat(new HealthReason.NearCapacity(4, 5).message()).isEqualTo("near capacity: 4/5 lobbies");
        assertThat(new HealthReason.AtCapacity(5, 5).message()).isEqualTo("at capacity: 5/5 lobbies");
        assertThat(new HealthReason.GpuMemoryHigh(14_800, 16_380).message())
                .isEqualTo("GPU memory high: 14800/16380 MiB");
        assertThat(new HealthReason.TemperatureHigh(86, 85).message())
                .isEqualTo("GPU temperature high: 86 °C (limit 85 °C)");
        assertThat(new HealthReason.EncoderSessionsHigh(7, 8).message()).isEqualTo("encoder sessions high: 7/8");
        assertThat(new HealthReason.ServerReportUnreadable("Wolf", "connection refused").message())
                .isEqualTo("Wolf's own health report could not be read: connection refused");
    }

    @Test
    void aProbeFailureWithoutNameOrDetailReadsAsEmptyButNeedsItsCause() {
        var failed = new HealthReason.ProbeFailed(ProbeFailureCause.TIMEOUT, null, null);
        assertThat(failed.probeName()).isEmpty();
        assertThat(failed.detail()).isEmpty();
        assertThat(failed.message()).isEqualTo("GPU probe  failed (TIMEOUT): ");
        assertThatThrownBy(() -> new HealthReason.ProbeFailed(null, "nvml", "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("cause");
    }

    @Test
    void aCriticalServerSaysItsStatusOnlyIfItGaveOneAndWhetherItStillAnswers() {
        assertThat(new HealthReason.ServerCritical("Wolf", "critical", true).message())
                .isEqualTo("Wolf's own health report: it cannot create new pipelines (status critical)");
        assertThat(new HealthReason.ServerCritical("Wolf", "", true).message())
                .isEqualTo("Wolf's own health report: it cannot create new pipelines");
        assertThat(new HealthReason.ServerCritical("Wolf", "", false).message())
                .isEqualTo("Wolf's own health report: it cannot create new pipelines; it no longer answers,"
                        + " and this was its last report");
    }

    @Test
    void stuckThreadsAreNamedWhenTheServerNamedThemAndTheNamesAreCopied() {
        List<String> names = new ArrayList<>(List.of("encoder-0", "audio"));
        var stuck = new HealthReason.ServerThreadsStuck("Wolf", 2, 9, names);
        names.clear();
        assertThat(stuck.names()).containsExactly("encoder-0", "audio");
        assertThat(stuck.message()).isEqualTo("Wolf's own health report: 2 of 9 threads stuck (encoder-0, audio)");
        var unnamed = new HealthReason.ServerThreadsStuck("Wolf", 1, 9, null);
        assertThat(unnamed.names()).isEmpty();
        assertThat(unnamed.message()).isEqualTo("Wolf's own health report: 1 of 9 threads stuck");
    }

    @Test
    void aGpuFaultNamesTheGpuItsUuidIfKnownAndWhatItsEffectMeans() {
        var app = new GpuFault(13, "graphics engine exception", "check the lobby application",
                GpuFault.Effect.APPLICATION, AT);
        var degraded = new GpuFault(0, "clocks throttled", "check cooling", GpuFault.Effect.DEGRADED, AT);
        var gone = new GpuFault(79, "GPU has fallen off the bus", "reboot the host", GpuFault.Effect.OUT_OF_SERVICE, AT);

        assertThat(new HealthReason.GpuFaulted(0, "GPU-1234", app).message()).isEqualTo(
                "lobby application error on GPU 0 (GPU-1234): Xid 13 (graphics engine exception): "
                        + "check the lobby application");
        assertThat(new HealthReason.GpuFaulted(1, "", degraded).message())
                .isEqualTo("fault on GPU 1: clocks throttled: check cooling");
        assertThat(new HealthReason.GpuFaulted(2, null, gone).message())
                .isEqualTo("GPU 2 out of service until it recovers: Xid 79 (GPU has fallen off the bus): reboot the host");
        assertThat(new HealthReason.GpuFaulted(2, null, gone).gpuUuid()).isEmpty();
        assertThat(new HealthReason.GpuFaulted(2, "", gone).outOfService()).isTrue();
        assertThat(new HealthReason.GpuFaulted(0, "", app).outOfService()).isFalse();
        assertThat(new HealthReason.GpuFaulted(1, "", degraded).outOfService()).isFalse();
        assertThatThrownBy(() -> new HealthReason.GpuFaulted(0, "", null))
                .isInstanceOf(NullPointerException.class).hasMessage("fault");
    }

    @Test
    void aGpuFaultNeedsAllItsPartsAndANonNegativeXid() {
        assertThat(new GpuFault(0, "m", "a", GpuFault.Effect.DEGRADED, AT).isXid()).isFalse();
        assertThat(new GpuFault(1, "m", "a", GpuFault.Effect.DEGRADED, AT).isXid()).isTrue();
        assertThatThrownBy(() -> new GpuFault(-1, "m", "a", GpuFault.Effect.DEGRADED, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("xid must not be negative, was -1");
        assertThatThrownBy(() -> new GpuFault(1, null, "a", GpuFault.Effect.DEGRADED, AT))
                .hasMessage("meaning");
        assertThatThrownBy(() -> new GpuFault(1, "m", null, GpuFault.Effect.DEGRADED, AT)).hasMessage("action");
        assertThatThrownBy(() -> new GpuFault(1, "m", "a", null, AT)).hasMessage("effect");
        assertThatThrownBy(() -> new GpuFault(1, "m", "a", GpuFault.Effect.DEGRADED, null)).hasMessage("seenAt");
    }

    @Test
    void serverUsageTakesZeroCountsAndRefusesNegativeOnes() {
        var idle = new ServerUsage(0, 0, OptionalLong.of(0));
        assertThat(idle.lobbies()).isZero();
        assertThat(new ServerUsage(3, 2, OptionalLong.empty()).processMemoryBytes()).isEmpty();
        assertThatThrownBy(() -> new ServerUsage(-1, 0, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lobby and client counts must not be negative");
        assertThatThrownBy(() -> new ServerUsage(0, -1, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lobby and client counts must not be negative");
        assertThatThrownBy(() -> new ServerUsage(0, 0, OptionalLong.of(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("process memory must not be negative");
    }

    @Test
    void serverHealthIsCriticalWhenItCannotCreatePipelinesOrSaysCriticalInAnyCase() {
        assertThat(new ServerHealth(true, "ok", 0, 4, null).critical()).isFalse();
        assertThat(new ServerHealth(false, "ok", 0, 4, null).critical()).isTrue();
        assertThat(new ServerHealth(true, "CRITICAL", 0, 4, null).critical()).isTrue();
        assertThat(new ServerHealth(true, null, 0, 0, null).overallStatus()).isEmpty();
        assertThat(new ServerHealth(true, null, 0, 0, null).stuckThreadNames()).isEmpty();
        assertThatThrownBy(() -> new ServerHealth(true, "ok", -1, 4, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("thread counts must not be negative");
        assertThatThrownBy(() -> new ServerHealth(true, "ok", 0, -1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("thread counts must not be negative");
    }

    @Test
    void anUnreadableReportKeepsOnlyTheEarlierCriticalWord() {
        var critical = ServerReport.answered("Wolf", AT, Optional.of(new ServerHealth(false, "critical", 0, 4, null)),
                Optional.of(new ServerUsage(2, 1, OptionalLong.empty())));
        var fine = ServerReport.answered("Wolf", AT, Optional.of(new ServerHealth(true, "ok", 0, 4, null)),
                Optional.empty());

        var afterCritical = ServerReport.unreadable("Wolf", AT, "refused", critical);
        assertThat(afterCritical.health()).isEqualTo(critical.health());
        assertThat(afterCritical.usage()).isEmpty();
        assertThat(afterCritical.answered()).isFalse();
        assertThat(afterCritical.supported()).isFalse();
        assertThat(afterCritical.failure()).isEqualTo("refused");
        assertThat(ServerReport.unreadable("Wolf", AT, "refused", fine).health()).isEmpty();
        assertThat(ServerReport.unreadable("Wolf", AT, "refused", null).health()).isEmpty();
        assertThat(fine.answered()).isTrue();
        assertThat(fine.supported()).isTrue();
        assertThat(ServerReport.answered("Wolf", AT, Optional.empty(), Optional.empty()).supported()).isFalse();
        assertThat(new ServerReport("Wolf", AT, Optional.empty(), Optional.empty(), null).answered()).isTrue();
    }

    @Test
    void probeHistoryRefusesNegativeCountsAndFailuresWithoutAnOutcome() {
        var failed = new ProbeOutcome.Failed(new ProbeFailure("nvml", ProbeFailureCause.TIMEOUT, "slow", ""), AT);
        assertThat(new ProbeHistory(failed, 0, null).consecutiveFailures()).isZero();
        assertThat(new ProbeHistory(failed, 1, null).consecutiveFailures()).isEqualTo(1);
        assertThat(new ProbeHistory(null, 0, null).latest()).isNull();
        assertThatThrownBy(() -> new ProbeHistory(failed, -1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("consecutiveFailures must not be negative");
        assertThatThrownBy(() -> new ProbeHistory(null, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("failures without a latest outcome");
    }

    @Test
    void probeHistoryCountsFailuresUpToTheLargestIntAndAGoodReadingResetsThem() {
        var failed = new ProbeOutcome.Failed(new ProbeFailure("nvml", ProbeFailureCause.TIMEOUT, "slow", ""), AT);
        var good = ProbeOutcome.of(GpuSamples.plausible("nvml", AT));
        assertThat(new ProbeHistory(failed, 4, null).then(failed, false).consecutiveFailures()).isEqualTo(5);
        assertThat(new ProbeHistory(failed, Integer.MAX_VALUE, null).then(failed, false).consecutiveFailures())
                .isEqualTo(Integer.MAX_VALUE);
        var recovered = new ProbeHistory(failed, 4, null).then(good, true);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastGoodSample()).isSameAs(((ProbeOutcome.Sampled) good).sample());
        assertThat(recovered.then(failed, false).lastGoodSample()).isSameAs(recovered.lastGoodSample());
    }

    @Test
    void anOutcomeTellsWhereAndWhenItCameFrom() {
        var failed = new ProbeOutcome.Failed(new ProbeFailure("smi", ProbeFailureCause.TIMEOUT, "slow", ""), AT);
        assertThat(failed.source()).isEqualTo("smi");
        assertThat(failed.at()).isEqualTo(AT);
        var sampled = ProbeOutcome.of(GpuSamples.plausible("nvml", AT.plusSeconds(1)));
        assertThat(sampled.source()).isEqualTo("nvml");
        assertThat(sampled.at()).isEqualTo(AT.plusSeconds(1));
        assertThatThrownBy(() -> new ProbeOutcome.Failed(null, AT)).hasMessage("failure");
        assertThatThrownBy(() -> new ProbeOutcome.Failed(failed.failure(), null)).hasMessage("at");
        assertThatThrownBy(() -> new ProbeOutcome.Sampled(null)).hasMessage("sample");
    }
    @Test
    void aHostIsServerCriticalOnlyWhileAReasonSaysTheServerIsCritical() {
        var critical = new HostHealth("wolf-1", HealthStatus.EXHAUSTED, true, null, "nvml",
                List.of(new HealthReason.AtCapacity(5, 5), new HealthReason.ServerCritical("Wolf", "", true)), AT);
        var busy = new HostHealth("wolf-1", HealthStatus.EXHAUSTED, true, null, "nvml",
                List.of(new HealthReason.AtCapacity(5, 5)), AT);
        assertThat(critical.serverCritical()).isTrue();
        assertThat(busy.serverCritical()).isFalse();
    }
}
