package dev.lobbygovernor.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.GpuSamples;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a scrape shows: host and GPU gauges, admission, cleanup and probe counters, probe latency. */
class LobbyGovernorMetricsTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final LobbyGovernorMetrics metrics = new LobbyGovernorMetrics(clock);
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);
    private final GpuProbe timed = metrics.timed("wolf-1", probe);
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .listener(metrics.admissionListener())
            .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(5).build())).build();
    private final HealthMonitor monitor = HealthMonitor.builder().clock(clock).host("wolf-1", timed)
            .capacity(governor::capacity).sink(governor::reportHealth).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private void createLobbies(int n) {
        for (int i = 0; i < n; i++) {
            String id = "lobby-" + i;
            try (Permit p = governor.acquire(AdmissionRequest.forSession("s" + i))) {
                p.create(c -> runtime.create(id, c));
            }
            store.putSession("s" + i);
        }
        clock.advance(Duration.ofSeconds(5)); // past the listing cache
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void hostGaugesShowTheCountTheCapAndTheWarningThreshold() {
        metrics.watch(governor, monitor).bindTo(registry);
        createLobbies(4);
        clock.advance(Duration.ofSeconds(2));

        assertThat(gauge("lobbygovernor.host.lobbies.active", "host", "wolf-1")).isEqualTo(4);
        assertThat(gauge("lobbygovernor.host.lobbies.cap", "host", "wolf-1")).isEqualTo(5);
        assertThat(gauge("lobbygovernor.host.lobbies.warning.threshold", "host", "wolf-1")).isEqualTo(4);
    }

    @Test
    void admissionsAreCountedByOutcomeAndRefusalsByReason() {
        metrics.watch(governor, monitor).bindTo(registry);
        createLobbies(5);

        assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("sixth")))
                .isInstanceOf(AdmissionDeniedException.class);

        assertThat(registry.get("lobbygovernor.admissions").tags("outcome", "granted").counter().count()).isEqualTo(5);
        assertThat(registry.get("lobbygovernor.admissions").tags("outcome", "committed").counter().count())
                .isEqualTo(5);
        assertThat(registry.get("lobbygovernor.admissions").tags("outcome", "refused", "reason", "lobby_limit")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void monitoringAndHealthGaugesFollowThePolls() {
        metrics.watch(governor, monitor).bindTo(registry);
        probe.thenPlausible();
        monitor.pollOnce();
        clock.advance(Duration.ofSeconds(2));

        assertThat(gauge("lobbygovernor.host.monitoring.working", "host", "wolf-1")).isEqualTo(1);
        assertThat(gauge("lobbygovernor.host.health", "host", "wolf-1", "status", "healthy")).isEqualTo(1);
        assertThat(gauge("lobbygovernor.host.gpu.reading.age", "host", "wolf-1")).isEqualTo(2.0);

        probe.clearScript().thenNvmlUnknownError();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            monitor.pollOnce();
        }

        assertThat(gauge("lobbygovernor.host.monitoring.working", "host", "wolf-1")).isZero();
        assertThat(gauge("lobbygovernor.host.health", "host", "wolf-1", "status", "monitoring_lost")).isEqualTo(1);
        assertThat(registry.get("lobbygovernor.probe.failures").tags("host", "wolf-1", "probe", "nvml").counter()
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void gpuGaugesCarryHostIndexUuidAndNameInBaseUnits() throws ProbeException {
        metrics.watch(governor, monitor).bindTo(registry);
        probe.thenPlausible();
        monitor.pollOnce();

        Meter used = registry.get("lobbygovernor.gpu.memory.used").tags("host", "wolf-1", "gpu", "0").meter();
        assertThat(used.getId().getTag("name")).isEqualTo(GpuSamples.RTX_2000_ADA);
        assertThat(used.getId().getTag("uuid")).isNotBlank();
        assertThat(used.getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(gauge("lobbygovernor.gpu.memory.used", "host", "wolf-1", "gpu", "0")).isEqualTo(2240.0 * 1024 * 1024);
        assertThat(gauge("lobbygovernor.gpu.memory.total", "host", "wolf-1", "gpu", "0"))
                .isEqualTo(GpuSamples.RTX_2000_ADA_MIB * 1024.0 * 1024);
        assertThat(gauge("lobbygovernor.gpu.temperature", "host", "wolf-1", "gpu", "0")).isEqualTo(52);
        assertThat(gauge("lobbygovernor.gpu.encoder.sessions", "host", "wolf-1", "gpu", "0")).isEqualTo(2);
        assertThat(registry.get("lobbygovernor.probe.latency").tags("host", "wolf-1", "result", "success").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void probeFailuresAreCountedByCause() {
        metrics.bindTo(registry);
        probe.thenFail(ProbeFailureCause.TIMEOUT, "timed out");

        assertThatThrownBy(timed::sample).isInstanceOf(ProbeException.class);

        assertThat(registry.get("lobbygovernor.probe.failures").tags("cause", "timeout").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("lobbygovernor.probe.latency").tags("result", "failure").timer().count())
                .isEqualTo(1);
    }

    @Test
    void cleanupOutcomesAreCountedByKind() {
        metrics.bindTo(registry);
        LobbyReaper reaper = LobbyReaper.builder(store, Map.of("wolf-1", runtime)).clock(clock)
                .listener(metrics.cleanupListener()).build();
        runtime.start("gone-session-lobby", LobbyPin.of("1234"));
        store.saveLobby(new LobbyRecord("gone-session-lobby", "wolf-1", "nobody", LobbyPin.of("1234"),
                clock.instant(), clock.instant()));

        reaper.runOnce();

        assertThat(registry.get("lobbygovernor.cleanup.outcomes").tags("kind", "stopped", "host", "wolf-1")
                .counter().count()).isEqualTo(1);
    }
}
