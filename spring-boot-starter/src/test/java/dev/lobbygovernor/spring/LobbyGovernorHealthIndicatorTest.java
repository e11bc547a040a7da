package dev.lobbygovernor.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Monitoring lost is DOWN for the component; a full host is reported but stays UP. */
class LobbyGovernorHealthIndicatorTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
            .host(Host.of("wolf-1", new FakeLobbyRuntime())).build();
    private final LobbyGovernorHealthIndicator indicator = new LobbyGovernorHealthIndicator(governor);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> host(Health health) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("hosts")).get("wolf-1");
    }

    @Test
    void monitoringLostIsDownWithTheHostInTheDetails() {
        governor.reportHealth(HealthReports.monitoringLost("wolf-1", 16380, clock.instant()));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(host(health)).containsEntry("health", "MONITORING_LOST").containsEntry("monitoringWorking", false);
    }

    @Test
    void anExhaustedHostIsReportedButNotDown() {
        HostHealth healthy = HealthReports.healthy("wolf-1", 16380, clock.instant());
        governor.reportHealth(new HostHealth("wolf-1", HealthStatus.EXHAUSTED, true, healthy.lastGoodSample(),
                healthy.probeSource(), List.of(), clock.instant()));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(host(health)).containsEntry("health", "EXHAUSTED").containsEntry("cap", 5);
    }
}
