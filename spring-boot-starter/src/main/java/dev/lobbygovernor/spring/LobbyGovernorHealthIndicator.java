package dev.lobbygovernor.spring;

import dev.lobbygovernor.core.admission.GovernorStatus;
import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.health.HealthStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code lobbyGovernor} health component: DOWN while any host's GPU monitoring is lost, UP
 * otherwise, with each host's health, count, cap, monitoring and reading age in the details. A
 * full (exhausted) host is reported in the details but is not DOWN: refusing lobbies is the
 * governor working.
 *
 * <p>Put it in a readiness or custom health group, never in liveness: a GPU host that goes dark
 * is no reason to restart the control plane, which would only lose the state that tells people
 * what happened. For example {@code management.endpoint.health.group.readiness.include=readinessState,lobbyGovernor}.
 */
public final class LobbyGovernorHealthIndicator implements HealthIndicator {

    private final LobbyGovernor governor;

    /**
     * An indicator over one governor.
     *
     * @param governor the governor; not null
     */
    public LobbyGovernorHealthIndicator(LobbyGovernor governor) {
        this.governor = Objects.requireNonNull(governor, "governor");
    }

    @Override
    public Health health() {
        GovernorStatus status = governor.status();
        boolean lost = false;
        Map<String, Object> hosts = new LinkedHashMap<>();
        for (HostStatus h : status.hosts()) {
            lost |= h.healthStatus() == HealthStatus.MONITORING_LOST;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("health", h.healthStatus().name());
            d.put("active", h.active());
            d.put("cap", h.cap());
            d.put("warningThreshold", h.warningThreshold());
            d.put("monitoringWorking", h.monitoringWorking());
            d.put("reachable", h.reachable());
            h.lastGoodSampleAge().ifPresent(a -> d.put("lastGoodReadingAgeSeconds", a.toMillis() / 1000.0));
            hosts.put(h.hostId(), Map.copyOf(d));
        }
        return (lost ? Health.down() : Health.up()).withDetail("hosts", hosts).build();
    }
}
