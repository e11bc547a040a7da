package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.health.HealthClassifier;
import dev.lobbygovernor.core.health.HealthThresholds;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.ProbeHistory;
import dev.lobbygovernor.core.health.ProbeOutcome;
import dev.lobbygovernor.core.health.ServerHealth;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.testing.GpuSamples;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A streaming server's own critical report, through the classifier to the cap: the host refuses
 * everything exactly when the server says it cannot take a lobby (or it is blind and fails
 * closed), and the refusal names the server's report.
 */
class ServerCriticalCapTest {

    private static final Instant AT = Instant.parse("2025-01-01T12:00:00Z");
    private static final List<String> STATUSES = List.of("healthy", "degraded", "critical", "");
    private static final HealthClassifier CLASSIFIER = new HealthClassifier(HealthThresholds.defaults());

    @Test
    void refusesEverythingExactlyWhenTheServerSaysItCannotTakeALobbyOrItIsBlindAndFailsClosed() {
        qt().forAll(booleans().all(), integers().between(0, 3), integers().between(0, 3),
                booleans().all().zip(booleans().all(), (gpuReads, failClosed) -> new boolean[] {gpuReads, failClosed}))
                .checkAssert((canCreate, status, stuck, flags) -> {
                    ServerHealth server = new ServerHealth(canCreate, STATUSES.get(status), stuck, 4, List.of());
                    HostHealth health = classify(flags[0], ServerReport.answered("Wolf", AT, Optional.of(server),
                            Optional.empty()));
                    BlindAdmission mode = flags[1] ? BlindAdmission.FAIL_CLOSED : BlindAdmission.STATIC_CAP;

                    EffectiveCap cap = EffectiveCap.of(HostLimits.defaults(), health, mode);

                    boolean critical = !canCreate || status == 2;
                    assertThat(cap.refuseAll()).isEqualTo(critical || (!flags[0] && flags[1]));
                    if (critical) {
                        assertThat(cap.refusal()).isEqualTo(LimitKind.SERVER_CRITICAL);
                        assertThat(Denials.reasonFor(new Refusal(cap.refusal(), 0, cap.cap())))
                                .isEqualTo(DenialReason.SERVER_UNHEALTHY);
                    }
                });
    }

    @Test
    void aServerWithoutAHealthReportAddsNoReason() {
        HostHealth health = classify(true, ServerReport.answered("Wolf", AT, Optional.empty(), Optional.empty()));

        assertThat(health.reasons()).isEmpty();
        assertThat(EffectiveCap.of(HostLimits.defaults(), health, BlindAdmission.FAIL_CLOSED).refuseAll()).isFalse();
    }

    @Test
    void aServerThatFallsSilentAfterSayingItIsCriticalStaysRefused() {
        ServerReport critical = ServerReport.answered("Wolf", AT,
                Optional.of(new ServerHealth(false, "critical", 0, 2, List.of())), Optional.empty());
        ServerReport silent = ServerReport.unreadable("Wolf", AT, "connection refused", critical);
        ServerReport silentAfterHealthy = ServerReport.unreadable("Wolf", AT, "connection refused",
                ServerReport.answered("Wolf", AT, Optional.of(new ServerHealth(true, "healthy", 0, 2, List.of())),
                        Optional.empty()));

        assertThat(EffectiveCap.of(HostLimits.defaults(), classify(true, silent), BlindAdmission.STATIC_CAP).refusal())
                .isEqualTo(LimitKind.SERVER_CRITICAL);
        assertThat(EffectiveCap.of(HostLimits.defaults(), classify(true, silentAfterHealthy), BlindAdmission.STATIC_CAP)
                .refuseAll()).isFalse();
    }

    private static HostHealth classify(boolean gpuReads, ServerReport server) {
        ProbeOutcome outcome = gpuReads ? ProbeOutcome.of(GpuSamples.plausible("nvml", AT))
                : ProbeOutcome.of(GpuSamples.allZero("nvml", AT));
        HostCapacity none = new HostCapacity(0, 5, 4, 0);
        ProbeHistory history = CLASSIFIER.record(ProbeHistory.empty(), outcome, none, AT);
        return CLASSIFIER.classify("h", history, none, server, AT);
    }
}
