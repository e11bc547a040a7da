package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.gpu.XidCatalog;
import dev.lobbygovernor.core.health.HealthClassifier;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.testing.HealthReports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The pure cap decision: smallest applicable cap wins, and blindness is never permissive. */
class EffectiveCapTest {

    private static final Instant AT = Instant.parse("2025-01-01T12:00:00Z");

    private static Gen<HostLimits> limits() {
        return integers().between(1, 12).zip(integers().between(0, 16), longs().between(0, 4096),
                integers().between(1, 4), (staticCap, encoder, headroom, perSession) -> {
                    HostLimits.Builder b = HostLimits.builder().staticCap(staticCap).headroomMiB(headroom)
                            .perLobbyMiB(200 + headroom % 700).encoderSessionsPerLobby(perSession);
                    return encoder == 0 ? b.build() : b.encoderSessionCap(encoder).build();
                });
    }

    private static HostHealth working(long totalMiB) {
        return HealthReports.healthy("h", totalMiB, AT);
    }

    @Test
    void capNeverExceedsTheStaticCapAndTheEncoderCapCountsStreamsBesideIt() {
        qt().forAll(limits(), longs().between(0, 100_000), booleans().all()).checkAssert((limits, total, works) -> {
            HostHealth health = works ? working(total) : HealthReports.monitoringLost("h", total, AT);
            EffectiveCap cap = EffectiveCap.of(limits, health, BlindAdmission.STATIC_CAP);
            assertThat(cap.cap()).isLessThanOrEqualTo(limits.staticCap());
            assertThat(cap.binding()).isNotEqualTo(LimitKind.ENCODER_SESSIONS);
            assertThat(cap.encoderSessionCap()).isEqualTo(limits.encoderSessionCap().orElse(0));
            assertThat(cap.warningThreshold()).isBetween(1, Math.max(cap.cap(), 1));
        });
    }

    @Test
    void whileBlindTheLastPlausibleMemoryCapStillHolds() {
        qt().forAll(limits(), longs().between(0, 100_000)).checkAssert((limits, total) -> {
            EffectiveCap blind = EffectiveCap.of(limits, HealthReports.monitoringLost("h", total, AT),
                    BlindAdmission.STATIC_CAP);
            EffectiveCap seeing = EffectiveCap.of(limits, working(total), BlindAdmission.STATIC_CAP);
            EffectiveCap neverSeen = EffectiveCap.of(limits, HostHealth.unknown("h", AT), BlindAdmission.STATIC_CAP);
            assertThat(blind.cap()).isEqualTo(seeing.cap()).isLessThanOrEqualTo(neverSeen.cap());
        });
    }

    @Test
    void moreGpuMemoryNeverLowersTheCap() {
        qt().forAll(limits(), longs().between(0, 50_000), longs().between(0, 50_000)).checkAssert((limits, a, b) -> {
            int small = EffectiveCap.of(limits, working(Math.min(a, b) + 1), BlindAdmission.STATIC_CAP).cap();
            int large = EffectiveCap.of(limits, working(Math.max(a, b) + 1), BlindAdmission.STATIC_CAP).cap();
            assertThat(large).isGreaterThanOrEqualTo(small);
        });
    }

    @Test
    void failClosedRefusesExactlyWhileBlind() {
        qt().forAll(limits(), booleans().all()).checkAssert((limits, works) -> {
            HostHealth health = works ? working(16380) : HealthReports.monitoringLost("h", 16380, AT);
            assertThat(EffectiveCap.of(limits, health, BlindAdmission.FAIL_CLOSED).refuseAll()).isEqualTo(!works);
            assertThat(EffectiveCap.of(limits, health, BlindAdmission.STATIC_CAP).refuseAll()).isFalse();
        });
    }

    @Test
    void memoryCapIsTotalLessHeadroomOverPerLobbyEstimate() {
        EffectiveCap cap = EffectiveCap.of(HostLimits.builder().staticCap(50).build(), working(16380),
                BlindAdmission.STATIC_CAP);

        assertThat(cap.cap()).isEqualTo((16380 - 2048) / 460);
        assertThat(cap.binding()).isEqualTo(LimitKind.GPU_MEMORY);
    }

    @Test
    void staticCapWinsTiesSoItsMessageIsTheOneUsersSee() {
        // (2048 + 5 * 460 - 2048) / 460 = 5 = the static cap
        EffectiveCap cap = EffectiveCap.of(HostLimits.defaults(), working(2048 + 5 * 460), BlindAdmission.STATIC_CAP);

        assertThat(cap.cap()).isEqualTo(5);
        assertThat(cap.binding()).isEqualTo(LimitKind.STATIC);
    }

    @Test
    void workingReportWithoutASampleCountsAsBlind() {
        HostHealth noSample = new HostHealth("h", HealthStatus.HEALTHY, true, null, "nvml", List.of(), AT);

        assertThat(EffectiveCap.of(HostLimits.defaults(), noSample, BlindAdmission.FAIL_CLOSED).refuseAll()).isTrue();
    }

    private static HostHealth faulted(long totalMiB, int xid) {
        HostHealth healthy = working(totalMiB);
        GpuDevice gpu = healthy.lastGoodSample().devices().get(0);
        GpuFault fault = XidCatalog.fault(xid, AT);
        HealthStatus status = HealthClassifier.severity(new HealthReason.GpuFaulted(0, "", fault));
        return new HostHealth("h", status, true, healthy.lastGoodSample(), "nvml",
                List.of(new HealthReason.GpuFaulted(gpu.index(), gpu.uuid(), fault)), AT);
    }

    @Test
    void aGpuOutOfServiceRefusesEverythingWhateverTheBlindModeAndOtherFaultsDoNot() {
        qt().forAll(limits(), integers().between(1, 200), booleans().all()).checkAssert((limits, xid, failClosed) -> {
            HostHealth health = faulted(16380, xid);
            BlindAdmission mode = failClosed ? BlindAdmission.FAIL_CLOSED : BlindAdmission.STATIC_CAP;
            EffectiveCap cap = EffectiveCap.of(limits, health, mode);
            boolean outOfService = XidCatalog.fault(xid, AT).effect()
                    == GpuFault.Effect.OUT_OF_SERVICE;
            assertThat(cap.refuseAll()).isEqualTo(outOfService);
            if (outOfService) {
                assertThat(cap.binding()).isEqualTo(LimitKind.GPU_FAULT);
                assertThat(Denials.reasonFor(new LedgerCounts(0, 0, cap.cap(), cap.binding(), cap.warningThreshold(),
                        cap.refusal()))).isEqualTo(DenialReason.GPU_FAULT);
            }
        });
    }

    @Test
    void encoderRefusesExactlyWhenOneMoreStreamWouldPassTheCap() {
        qt().forAll(integers().between(1, 16), integers().between(1, 4), integers().between(0, 20),
                integers().between(0, 20)).checkAssert((sessionCap, perStream, streams, observed) -> {
                    EffectiveCap cap = new EffectiveCap(5, LimitKind.STATIC, 4, null, sessionCap, perStream, observed);
                    long used = Math.max((long) streams * perStream, observed);
                    Refusal refusal = cap.encoderRefusal(streams);
                    assertThat(refusal != null).isEqualTo(used + perStream > sessionCap);
                    if (refusal != null) {
                        assertThat(refusal.limit()).isEqualTo(LimitKind.ENCODER_SESSIONS);
                        assertThat(refusal.active()).isEqualTo((int) used);
                        assertThat(refusal.cap()).isEqualTo(sessionCap);
                    }
                    EffectiveCap none = new EffectiveCap(5, LimitKind.STATIC, 4, null, 0, perStream, observed);
                    assertThat(none.encoderRefusal(streams)).isNull();
                });
    }

    private static final RenderNode FIRST = new RenderNode("/dev/dri/renderD128", "GPU-first");
    private static final RenderNode SECOND = new RenderNode("/dev/dri/renderD129", "GPU-second");

    private static GpuDevice card(int index, String uuid, Long totalMiB) {
        return new GpuDevice(index, uuid, "card", totalMiB, 0L, totalMiB, 0, 0, 0, 40, 30.0, 0, 0, 0, List.of());
    }

    private static HostHealth reading(List<HealthReason> reasons, GpuDevice... devices) {
        return new HostHealth("h", reasons.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.EXHAUSTED, true,
                new GpuSample("nvml", AT, Duration.ZERO, List.of(devices), List.of()), "nvml", reasons, AT);
    }

    private static HealthReason.GpuFaulted resetNeeded(String uuid) {
        return new HealthReason.GpuFaulted(0, uuid, XidCatalog.fault(119, AT));
    }

    @Test
    void eachGpuHasItsOwnMemoryCapAndTheHostTheSumOfThoseRead() {
        HostLimits limits = HostLimits.builder().staticCap(20).headroomMiB(1000).perLobbyMiB(1000).build();

        EffectiveCap cap = EffectiveCap.of(limits, reading(List.of(), card(0, "GPU-first", 4000L),
                card(1, "GPU-second", 6000L)), BlindAdmission.STATIC_CAP, List.of(FIRST, SECOND));

        assertThat(cap.gpus()).extracting(GpuSlot::cap).containsExactly(3, 5);
        assertThat(cap.cap()).isEqualTo(8);
        assertThat(cap.binding()).isEqualTo(LimitKind.GPU_MEMORY);
        assertThat(cap.refuseAll()).isFalse();
    }

    @Test
    void aGpuNoLargerThanTheHeadroomTakesNoneAndOneWithoutATotalFallsBackToTheStaticCap() {
        HostLimits limits = HostLimits.builder().staticCap(7).headroomMiB(1000).perLobbyMiB(1000).build();

        EffectiveCap cap = EffectiveCap.of(limits, reading(List.of(), card(0, "GPU-first", 1000L),
                card(1, "GPU-second", 0L)), BlindAdmission.STATIC_CAP, List.of(FIRST, SECOND));

        assertThat(cap.gpus()).extracting(GpuSlot::cap).containsExactly(0, 7);
        assertThat(EffectiveCap.of(limits, reading(List.of(), card(0, "GPU-first", 1999L), card(1, "GPU-second", 2000L)),
                BlindAdmission.STATIC_CAP, List.of(FIRST, SECOND)).gpus()).extracting(GpuSlot::cap).containsExactly(0, 1);
    }

    @Test
    void aFaultHoldsOnlyItsGpuUnlessItNamesNoGpuOrEveryGpuIsHeld() {
        HostLimits limits = HostLimits.builder().staticCap(20).headroomMiB(0).perLobbyMiB(1000).build();
        GpuDevice first = card(0, "GPU-first", 3000L);
        GpuDevice second = card(1, "GPU-second", 5000L);
        List<RenderNode> nodes = List.of(FIRST, SECOND);

        EffectiveCap one = EffectiveCap.of(limits, reading(List.of(resetNeeded("GPU-first")), first, second),
                BlindAdmission.STATIC_CAP, nodes);
        assertThat(one.refuseAll()).isFalse();
        assertThat(one.gpus()).extracting(GpuSlot::unavailable).containsExactly(LimitKind.GPU_FAULT, null);
        assertThat(one.cap()).as("a held GPU's lobbies still count against its cap").isEqualTo(8);

        EffectiveCap unnamed = EffectiveCap.of(limits, reading(List.of(resetNeeded("")), first, second),
                BlindAdmission.STATIC_CAP, nodes);
        assertThat(unnamed.refusal()).isEqualTo(LimitKind.GPU_FAULT);

        EffectiveCap both = EffectiveCap.of(limits, reading(List.of(resetNeeded("GPU-first"), resetNeeded("GPU-second")),
                first, second), BlindAdmission.STATIC_CAP, nodes);
        assertThat(both.refusal()).isEqualTo(LimitKind.GPU_FAULT);
        assertThat(both.binding()).isEqualTo(LimitKind.GPU_FAULT);

        EffectiveCap otherCard = EffectiveCap.of(limits, reading(List.of(resetNeeded("GPU-not-placed-on")), first,
                second), BlindAdmission.STATIC_CAP, nodes);
        assertThat(otherCard.refuseAll()).as("a card lobbies are not placed on").isFalse();
        assertThat(otherCard.gpus()).extracting(GpuSlot::unavailable).containsOnlyNulls();
    }

    @Test
    void aGpuTheReadingLeavesOutAddsNothingAndBeforeAnyReadingEachHasTheStaticCap() {
        HostLimits limits = HostLimits.builder().staticCap(6).headroomMiB(0).perLobbyMiB(1000).build();

        EffectiveCap missing = EffectiveCap.of(limits, reading(List.of(), card(0, "GPU-second", 4000L)),
                BlindAdmission.STATIC_CAP, List.of(FIRST, SECOND));
        assertThat(missing.gpus()).extracting(GpuSlot::unavailable).containsExactly(LimitKind.BLIND_REFUSAL, null);
        assertThat(missing.cap()).isEqualTo(4);

        EffectiveCap never = EffectiveCap.of(limits, HostHealth.unknown("h", AT), BlindAdmission.STATIC_CAP,
                List.of(FIRST, SECOND));
        assertThat(never.gpus()).extracting(GpuSlot::cap).containsExactly(6, 6);
        assertThat(never.gpus()).extracting(GpuSlot::unavailable).containsOnlyNulls();
        assertThat(never.cap()).isEqualTo(6);
    }

    @Test
    void whileBlindAGpusLastReadEncoderSessionsDoNotCount() {
        GpuDevice busy = new GpuDevice(0, "GPU-first", "card", 4000L, 0L, 4000L, 0, 0, 0, 40, 30.0, 3, 60, 2000,
                List.of());
        HostHealth seeing = reading(List.of(), busy);
        HostHealth blind = new HostHealth("h", HealthStatus.MONITORING_LOST, false, seeing.lastGoodSample(), "nvml",
                List.of(), AT);

        assertThat(EffectiveCap.of(HostLimits.defaults(), seeing, BlindAdmission.STATIC_CAP, List.of(FIRST)).gpus())
                .extracting(GpuSlot::observedEncoderSessions).containsExactly(3);
        assertThat(EffectiveCap.of(HostLimits.defaults(), blind, BlindAdmission.STATIC_CAP, List.of(FIRST)).gpus())
                .extracting(GpuSlot::observedEncoderSessions).containsExactly(0);
    }
}
