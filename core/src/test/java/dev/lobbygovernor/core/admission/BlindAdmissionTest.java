package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How reported health moves the caps: GPU-derived caps only while monitoring works. */
class BlindAdmissionTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();

    private LobbyGovernor governor(BlindAdmission mode) {
        return LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .config(GovernorConfig.builder().blindAdmission(mode).build())
                .host(Host.of("wolf-1", runtime)).build();
    }

    @Test
    void memoryCapOfTheLastPlausibleSampleHoldsWhileMonitoringIsLost() {
        LobbyGovernor g = governor(BlindAdmission.STATIC_CAP);
        g.reportHealth(HealthReports.healthy("wolf-1", 3428, clock.instant()));
        assertThat(g.capacity("wolf-1").cap()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(5));
        g.reportHealth(HealthReports.monitoringLost("wolf-1", 3428, clock.instant()));

        // total memory is a fact of the card: blindness must not loosen the cap to the static 5
        assertThat(g.capacity("wolf-1").cap()).isEqualTo(3);
    }

    @Test
    void staticCapModeAdmitsUpToTheStaticCapWhileMonitoringIsLost() {
        LobbyGovernor g = governor(BlindAdmission.STATIC_CAP);
        g.reportHealth(HealthReports.monitoringLost("wolf-1", 16380, clock.instant()));
        for (int i = 0; i < 5; i++) {
            assertThat(g.acquire(AdmissionRequest.forSession("s" + i)).healthStatus())
                    .isEqualTo(HealthStatus.MONITORING_LOST);
        }

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s6")));

        assertThat(denied.reason()).isEqualTo(DenialReason.LOBBY_LIMIT);
        assertThat(denied.healthStatus()).isEqualTo(HealthStatus.MONITORING_LOST);
    }

    @Test
    void failClosedModeRefusesEverythingWhileMonitoringIsLost() {
        LobbyGovernor g = governor(BlindAdmission.FAIL_CLOSED);
        g.reportHealth(HealthReports.monitoringLost("wolf-1", 16380, clock.instant()));

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s")));

        assertThat(denied.reason()).isEqualTo(DenialReason.MONITORING_LOST);
        assertThat(denied.active()).isZero();
        assertThat(denied.getMessage()).isEqualTo("GPU monitoring is not working on host wolf-1, so it admits"
                + " no new lobby (0/5 lobbies active). Check nvidia-smi on that host or restart its streaming"
                + " server, then try again.");
    }

    @Test
    void failClosedModeRefusesWhileHealthIsStillUnknown() {
        LobbyGovernor g = governor(BlindAdmission.FAIL_CLOSED);

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s")));

        assertThat(denied.reason()).isEqualTo(DenialReason.MONITORING_LOST);
        assertThat(denied.healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void failClosedModeAdmitsAgainOnceMonitoringWorks() {
        LobbyGovernor g = governor(BlindAdmission.FAIL_CLOSED);
        g.reportHealth(HealthReports.healthy("wolf-1", 16380, clock.instant()));

        Permit p = g.acquire(AdmissionRequest.forSession("s"));

        assertThat(p.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void sampleWithZeroTotalMemoryNeverYieldsAMemoryCapEvenIfReportedWorking() {
        LobbyGovernor g = governor(BlindAdmission.STATIC_CAP);
        g.reportHealth(HealthReports.healthy("wolf-1", 0, clock.instant()));

        assertThat(g.capacity("wolf-1").cap()).isEqualTo(5);
    }

    @Test
    void olderHealthReportDoesNotOverrideANewerOne() {
        LobbyGovernor g = governor(BlindAdmission.STATIC_CAP);
        g.reportHealth(HealthReports.healthy("wolf-1", 3428, clock.instant()));

        g.reportHealth(HealthReports.monitoringLost("wolf-1", 3428, clock.instant().minusSeconds(10)));

        assertThat(g.capacity("wolf-1").cap()).isEqualTo(3);
    }

    @Test
    void healthForAnUnknownHostIsIgnored() {
        LobbyGovernor g = governor(BlindAdmission.STATIC_CAP);

        g.reportHealth(HostHealth.unknown("nobody", clock.instant()));

        assertThat(g.capacity("wolf-1").cap()).isEqualTo(5);
    }

    @Test
    void capacityGivesTheCountCapAndWarningThresholdThroughTheHealthSeam() {
        LobbyGovernor gate = governor(BlindAdmission.STATIC_CAP);
        runtime.start("leaked", null);
        gate.acquire(AdmissionRequest.forSession("s1"));
        gate.acquire(AdmissionRequest.forSession("s2"));
        gate.acquire(AdmissionRequest.forSession("s3"));

        HostCapacity capacity = gate.capacity("wolf-1");

        assertThat(capacity).isEqualTo(new HostCapacity(4, 5, 4, 0));
        assertThat(capacity.nearCapacity()).isTrue();
        assertThat(capacity.atCapacity()).isFalse();
    }
}
