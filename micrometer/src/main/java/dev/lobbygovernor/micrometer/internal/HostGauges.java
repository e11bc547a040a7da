package dev.lobbygovernor.micrometer.internal;

import dev.lobbygovernor.core.admission.GovernorStatus;
import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.health.HealthStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Per-host gauges over {@link LobbyGovernor#status()}. A scrape reads every gauge of every host
 * at once, and {@code status()} lists hosts and reads the store, so one status serves all the
 * gauges read within a second.
 */
public final class HostGauges {

    private static final Duration REUSE_FOR = Duration.ofSeconds(1);

    private final LobbyGovernor governor;
    private final Clock clock;
    private GovernorStatus cached; // guarded by this
    private long cachedAtMillis; // guarded by this

    /**
     * Gauges over one governor.
     *
     * @param governor the governor whose hosts are measured
     * @param clock when a status is too old to reuse
     */
    public HostGauges(LobbyGovernor governor, Clock clock) {
        this.governor = governor;
        this.clock = clock;
    }

    /**
     * Registers every host's gauges.
     *
     * @param r the registry
     */
    public void bind(MeterRegistry r) {
        // not through the scrape cache: a scrape right after binding must see the hosts as they
        // are then, not as they were at start-up
        for (HostStatus h : governor.status().hosts()) {
            String id = h.hostId();
            gauge(r, MeterNames.HOST_LOBBIES_ACTIVE, null, id, HostStatus::active);
            gauge(r, MeterNames.HOST_LOBBIES_CAP, null, id, HostStatus::cap);
            gauge(r, MeterNames.HOST_LOBBIES_WARNING, null, id, HostStatus::warningThreshold);
            gauge(r, MeterNames.HOST_MONITORING, null, id, s -> s.monitoringWorking() ? 1 : 0);
            gauge(r, MeterNames.HOST_READING_AGE, "seconds", id,
                    s -> s.lastGoodSampleAge().map(a -> a.toMillis() / 1000.0).orElse(Double.NaN));
            for (HealthStatus status : HealthStatus.values()) {
                Gauge.builder(MeterNames.HOST_HEALTH, this, self -> self.host(id)
                                .map(s -> s.healthStatus() == status ? 1.0 : 0.0).orElse(Double.NaN))
                        .description("1 for the host's current health status, 0 for the others")
                        .tag("host", id).tag("status", status.name().toLowerCase(Locale.ROOT))
                        .strongReference(true).register(r);
            }
        }
    }

    private void gauge(MeterRegistry r, String name, String unit, String hostId, ToDoubleFunction<HostStatus> value) {
        Gauge.builder(name, this, self -> self.host(hostId).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("host", hostId).baseUnit(unit).strongReference(true).register(r);
    }

    private Optional<HostStatus> host(String hostId) {
        try {
            return status().host(hostId);
        } catch (RuntimeException e) {
            // a store that cannot be read makes the gauges NaN for this scrape, never a failed scrape
            return Optional.empty();
        }
    }

    private synchronized GovernorStatus status() {
        long now = clock.millis();
        if (cached == null || now - cachedAtMillis >= REUSE_FOR.toMillis()) {
            cached = governor.status();
            cachedAtMillis = now;
        }
        return cached;
    }
}
