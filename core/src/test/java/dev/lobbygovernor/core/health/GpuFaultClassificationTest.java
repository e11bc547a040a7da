package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.gpu.XidCatalog;
import dev.lobbygovernor.testing.HealthReports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** GPU faults a probe reports become health reasons; only a reset-class one makes the host exhausted. */
class GpuFaultClassificationTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final HostCapacity ROOM = new HostCapacity(0, 5, 4);

    private final HealthClassifier classifier = new HealthClassifier(HealthThresholds.defaults());

    private static GpuSample withXids(List<Integer> xids, Instant at) {
        GpuSample plain = HealthReports.sample(16380, at);
        GpuDevice gpu = plain.devices().get(0);
        List<GpuFault> faults = xids.stream().map(x -> XidCatalog.fault(x, at)).collect(Collectors.toList());
        return new GpuSample(plain.source(), at, plain.took(), List.of(gpu.withFaults(faults)));
    }

    private HostHealth classify(ProbeHistory history) {
        return classifier.classify("h", history, ROOM, AT);
    }

    private ProbeHistory sampled(GpuSample sample) {
        return classifier.record(ProbeHistory.empty(), ProbeOutcome.of(sample), ROOM, AT);
    }

    @Test
    void oneReasonPerFaultAndExhaustedExactlyWhenAFaultNeedsAReset() {
        qt().forAll(lists().of(integers().between(1, 200)).ofSizeBetween(0, 4)).checkAssert(xids -> {
            HostHealth health = classify(sampled(withXids(xids, AT)));

            List<HealthReason.GpuFaulted> reasons = health.reasons().stream()
                    .filter(HealthReason.GpuFaulted.class::isInstance).map(HealthReason.GpuFaulted.class::cast)
                    .collect(Collectors.toList());
            assertThat(reasons).extracting(r -> r.fault().xid()).containsExactlyInAnyOrderElementsOf(xids);
            boolean reset = xids.stream().anyMatch(x -> XidCatalog.fault(x, AT).effect() == GpuFault.Effect.OUT_OF_SERVICE);
            HealthStatus expected = reset ? HealthStatus.EXHAUSTED : xids.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.WARNING;
            assertThat(health.status()).isEqualTo(expected);
            assertThat(health.monitoringWorking()).isTrue();
        });
    }

    @Test
    void aGpuOutOfServiceStaysSoWhileTheProbeFails() {
        ProbeHistory history = sampled(withXids(List.of(79, 13), AT.minusSeconds(4)));
        ProbeFailure failure = new ProbeFailure("nvml", ProbeFailureCause.UNKNOWN, "GPU is lost", "");
        history = classifier.record(history, new ProbeOutcome.Failed(failure, AT), ROOM, AT);

        HostHealth health = classify(history);

        assertThat(health.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(health.reasons()).filteredOn(HealthReason.GpuFaulted.class::isInstance)
                .extracting(r -> ((HealthReason.GpuFaulted) r).fault().xid()).containsExactly(79);
    }

    @Test
    void faultsOfAnImplausibleReadingAreStillReported() {
        GpuDevice unreadable = new GpuDevice(0, "", "", null, null, null, null, null, null, null, null, null, null,
                null, List.of(), List.of(XidCatalog.fault(79, AT)), null);
        GpuSample sample = new GpuSample("nvml", AT, Duration.ofMillis(1), List.of(unreadable));

        HostHealth health = classify(sampled(sample));

        assertThat(health.reasons()).anyMatch(r -> r instanceof HealthReason.GpuFaulted g && g.outOfService());
    }
}
