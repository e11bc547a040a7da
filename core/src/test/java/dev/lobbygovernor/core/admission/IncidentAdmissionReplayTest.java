package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.MonitorConfig;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The incident of reference/INCIDENT.md replayed through the health monitor <em>and</em> the
 * governor on a fake clock: a good reading at 12:28:18, then NVML's "Unknown Error" with
 * all-zero readings from Wolf's stats while lobbies run. The governor must notice within one
 * probe interval, log it once, keep admitting only under the count-based cap (never a permissive
 * default such as the peer's 12), and see recovery once good readings return.
 */
class IncidentAdmissionReplayTest {

    private static final Instant LAST_GOOD = Instant.parse("2025-11-05T12:28:18Z");
    private static final Duration INTERVAL = MonitorConfig.DEFAULT_PROBE_INTERVAL;
    private static final String EXACT_REFUSAL =
            "GPU resource limit reached (5/5 lobbies active). Please close an unused session and try again.";

    private final MutableClock clock = new MutableClock(LAST_GOOD);
    private final FakeLobbyRuntime wolf = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final ScriptedGpuProbe nvml = new ScriptedGpuProbe("nvml", clock).thenPlausible().thenNvmlUnknownError();
    private final ScriptedGpuProbe wolfStats = new ScriptedGpuProbe("wolf", clock).thenAllZero();
    private int lobbyNumber;

    private LobbyGovernor governor(BlindAdmission blindMode) {
        return LobbyGovernor.builder().store(store).clock(clock)
                .config(GovernorConfig.builder().blindAdmission(blindMode).build())
                .host(Host.of("wolf-1", wolf, HostLimits.defaults()))
                .build();
    }

    private HealthMonitor monitor(LobbyGovernor governor, GpuProbe probe) {
        return HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(governor::capacity).sink(governor::reportHealth).build();
    }

    /** What a control plane does: acquire, create the lobby on Wolf, commit its credentials. */
    private Permit createLobby(LobbyGovernor governor) {
        String n = String.valueOf(++lobbyNumber);
        store.putSession("session-" + n);
        LobbyPin pin = LobbyPin.of("9081726" + n); // long: a short PIN could occur by chance in a hex id
        Permit permit = governor.acquire(AdmissionRequest.forSession("session-" + n).withPin(pin));
        permit.create(c -> wolf.create("lobby-" + n, c));
        return permit;
    }

    private HostHealth pollAfterOneInterval(HealthMonitor monitor) {
        clock.advance(INTERVAL);
        return monitor.pollOnce().get(0);
    }

    /** Monitoring counts as restored only after several good readings in a row. */
    private HostHealth pollGoodReadingsToRecover(HealthMonitor monitor) {
        HostHealth health = null;
        for (int i = 0; i < MonitorConfig.DEFAULT_RECOVERY_READINGS; i++) {
            health = pollAfterOneInterval(monitor);
        }
        return health;
    }

    @Test
    void monitoringLossIsSeenWithinOneIntervalAndAdmissionKeepsTheCountBasedCap() {
        try (GpuProbe probe = Probes.standard(Probes.fallback(List.of(nvml, wolfStats)), clock);
                LogCapture logs = LogCapture.library()) {
            LobbyGovernor governor = governor(BlindAdmission.STATIC_CAP);
            HealthMonitor monitor = monitor(governor, probe);

            assertThat(monitor.pollOnce().get(0).monitoringWorking()).isTrue();
            for (int i = 0; i < 4; i++) {
                createLobby(governor);
            }

            // 12:28:23 — NVML fails inside the container and Wolf's stats read all zeros.
            HostHealth firstBad = pollAfterOneInterval(monitor);
            assertThat(firstBad.status()).isEqualTo(HealthStatus.MONITORING_LOST);
            assertThat(governor.status().host("wolf-1").orElseThrow().monitoringWorking()).isFalse();

            // Blind, the governor admits the 5th under the static cap and warns ...
            Permit fifth = createLobby(governor);
            assertThat(fifth.cap()).isEqualTo(5);
            assertThat(fifth.warning()).isTrue();
            assertThat(fifth.healthStatus()).isEqualTo(HealthStatus.MONITORING_LOST);

            // ... and refuses the 6th (the incident's crash came at the 7th) with the exact text,
            // poll after poll, never falling back to a permissive default.
            for (int poll = 0; poll < 12; poll++) {
                assertThat(pollAfterOneInterval(monitor).status()).isEqualTo(HealthStatus.MONITORING_LOST);
                AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                        () -> governor.acquire(AdmissionRequest.forSession("one-more")));
                assertThat(denied.reason()).isEqualTo(DenialReason.LOBBY_LIMIT);
                assertThat(denied.getMessage()).isEqualTo(EXACT_REFUSAL);
                assertThat(denied.healthStatus()).isEqualTo(HealthStatus.MONITORING_LOST);
                assertThat(governor.capacity("wolf-1").cap()).isEqualTo(5);
            }
            assertThat(logs.at(Level.ERROR)).hasSize(1);
            assertThat(logs.at(Level.ERROR).get(0).getFormattedMessage())
                    .contains("Failed to initialize NVML: Unknown Error");

            // Wolf is restarted: NVML reads again, and recovery is logged once.
            nvml.clearScript().thenPlausible();
            HostHealth recovered = pollGoodReadingsToRecover(monitor);
            assertThat(recovered.monitoringWorking()).isTrue();
            assertThat(recovered.status()).isEqualTo(HealthStatus.EXHAUSTED); // 5/5, and it can tell again
            assertThat(logs.at(Level.INFO)).filteredOn(e -> e.getFormattedMessage().contains("restored")).hasSize(1);
            assertThat(logs.at(Level.ERROR)).hasSize(1);
            assertThat(logs.anyLineContains("90817261")).isFalse(); // the first lobby's PIN
        }
    }

    @Test
    void failClosedRefusesEveryLobbyWhileMonitoringIsLost() {
        try (GpuProbe probe = Probes.standard(Probes.fallback(List.of(nvml, wolfStats)), clock)) {
            LobbyGovernor governor = governor(BlindAdmission.FAIL_CLOSED);
            HealthMonitor monitor = monitor(governor, probe);
            monitor.pollOnce();
            createLobby(governor);

            pollAfterOneInterval(monitor);

            AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                    () -> governor.acquire(AdmissionRequest.forSession("blind")));
            assertThat(denied.reason()).isEqualTo(DenialReason.MONITORING_LOST);
            assertThat(denied.getMessage()).doesNotContain("5/5");

            nvml.clearScript().thenPlausible();
            pollGoodReadingsToRecover(monitor);
            assertThat(governor.acquire(AdmissionRequest.forSession("seeing")).healthStatus())
                    .isEqualTo(HealthStatus.HEALTHY);
        }
    }
}
