package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.testing.HealthReports;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edges of the cap decision: ties, a cap of zero, samples that give no memory cap, blindness. */
class EffectiveCapBoundaryTest {

    private static final Instant AT = Instant.parse("2025-01-01T12:00:00Z");
    private static final HostLimits LIMITS = HostLimits.defaults(); // static 5, headroom 2048, 460 per lobby

    private static HostHealth working(GpuSample sample) {
        return new HostHealth("h", HealthStatus.HEALTHY, true, sample, "nvml", List.of(), AT);
    }

    private static GpuSample gpus(Long... totals) {
        return new GpuSample("nvml", AT, Duration.ofMillis(3), Arrays.stream(totals)
                .map(t -> new GpuDevice(0, "GPU-test", "NVIDIA L4", t, null, null, null, null, null, null, null, null,
                        null, null, List.of()))
                .toList());
    }

    @Test
    void aCardWithNoMemoryBeyondTheHeadroomHasACapOfZero() {
        EffectiveCap cap = EffectiveCap.of(LIMITS, HealthReports.healthy("h", 2048, AT), BlindAdmission.STATIC_CAP);
        assertThat(cap.cap()).isZero();
        assertThat(cap.binding()).isEqualTo(LimitKind.GPU_MEMORY);
        EffectiveCap one = EffectiveCap.of(LIMITS, HealthReports.healthy("h", 2048 + 460, AT),
                BlindAdmission.STATIC_CAP);
        assertThat(one.cap()).isEqualTo(1);
        assertThat(EffectiveCap.of(LIMITS, HealthReports.healthy("h", 2048 + 459, AT), BlindAdmission.STATIC_CAP)
                .cap()).isZero();
    }

    @Test
    void theEncoderCapTakesAStreamThatExactlyFillsItAndRefusesOneMoreWithoutLoweringTheLobbyCap() {
        HostLimits limits = LIMITS.toBuilder().encoderSessionCap(10).encoderSessionsPerLobby(2).build();
        EffectiveCap cap = EffectiveCap.of(limits, HealthReports.healthy("h", 80_000, AT), BlindAdmission.STATIC_CAP);
        assertThat(cap.cap()).isEqualTo(5);
        assertThat(cap.binding()).isEqualTo(LimitKind.STATIC);

        assertThat(cap.encoderRefusal(4)).isNull(); // 8 sessions in use, the next stream's 2 make exactly 10
        Refusal refusal = cap.encoderRefusal(5); // 10 in use: 2 more would pass 10
        assertThat(refusal).isNotNull();
        assertThat(refusal.limit()).isEqualTo(LimitKind.ENCODER_SESSIONS);
        assertThat(refusal.active()).isEqualTo(10);
        assertThat(refusal.cap()).isEqualTo(10);
    }

    @Test
    void theSmallestGpuGivesTheMemoryCap() {
        assertThat(EffectiveCap.memoryCap(LIMITS, gpus(80_000L, 2048L + 2 * 460))).isEqualTo(2);
        assertThat(EffectiveCap.memoryCap(LIMITS, gpus(2048L + 2 * 460, 80_000L))).isEqualTo(2);
    }

    @Test
    void aSampleWithoutAPlausibleTotalGivesNoMemoryCap() {
        assertThat(EffectiveCap.memoryCap(LIMITS, null)).isEqualTo(-1);
        assertThat(EffectiveCap.memoryCap(LIMITS, gpus())).isEqualTo(-1);
        assertThat(EffectiveCap.memoryCap(LIMITS, gpus(80_000L, null))).isEqualTo(-1);
        assertThat(EffectiveCap.memoryCap(LIMITS, gpus(80_000L, 0L))).isEqualTo(-1);
        assertThat(EffectiveCap.memoryCap(LIMITS, gpus(1L))).isZero();
        EffectiveCap cap = EffectiveCap.of(LIMITS, working(gpus(0L)), BlindAdmission.STATIC_CAP);
        assertThat(cap.cap()).isEqualTo(5);
        assertThat(cap.binding()).isEqualTo(LimitKind.STATIC);
    }

    @Test
    void aHostIsBlindUnlessMonitoringWorksWithAGoodSampleAndAKnownStatus() {
        GpuSample good = HealthReports.sample(16_380, AT);
        assertThat(EffectiveCap.isBlind(new HostHealth("h", HealthStatus.HEALTHY, true, good, "nvml", List.of(), AT)))
                .isFalse();
        assertThat(EffectiveCap.isBlind(new HostHealth("h", HealthStatus.WARNING, true, good, "nvml", List.of(), AT)))
                .isFalse();
        assertThat(EffectiveCap.isBlind(new HostHealth("h", HealthStatus.EXHAUSTED, true, good, "nvml", List.of(), AT)))
                .isFalse();
        assertThat(EffectiveCap.isBlind(new HostHealth("h", HealthStatus.HEALTHY, false, good, "nvml", List.of(), AT)))
                .isTrue();
        assertThat(EffectiveCap.isBlind(
                new HostHealth("h", HealthStatus.MONITORING_LOST, true, good, "nvml", List.of(), AT))).isTrue();
        assertThat(EffectiveCap.isBlind(new HostHealth("h", HealthStatus.UNKNOWN, true, good, "nvml", List.of(), AT)))
                .isTrue();
        assertThat(EffectiveCap.isBlind(new HostHealth("h", HealthStatus.HEALTHY, true, null, "nvml", List.of(), AT)))
                .isTrue();
    }
}
