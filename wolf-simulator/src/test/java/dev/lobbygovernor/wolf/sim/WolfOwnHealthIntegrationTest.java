package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.GpuSamples;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfGpuProbe;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.WolfServerReporter;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wolf's own health report ({@code system/health}) as evidence beside the GPU readings: a
 * critical report refuses admission on that host only, recovery admits again, stuck threads
 * warn, and a Wolf without the endpoint is said once and is no failure.
 */
@ExtendWith(PinLeakGuard.class)
class WolfOwnHealthIntegrationTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2025-06-01T12:35:00Z");
    private WolfSimulator simA;
    private WolfSimulator simB;
    private WolfClient wolfA;
    private WolfClient wolfB;
    private LobbyGovernor governor;
    private HealthMonitor monitor;

    private void twoHosts() throws Exception {
        simA = WolfSimulator.builder().start(Files.createDirectory(dir.resolve("a")));
        simB = WolfSimulator.builder().start(Files.createDirectory(dir.resolve("b")));
        wolfA = Clients.of(simA);
        wolfB = Clients.of(simB);
        governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .host(Host.of("a", new WolfLobbyRuntime(wolfA)))
                .host(Host.of("b", new WolfLobbyRuntime(wolfB))).build();
        monitor = HealthMonitor.builder().clock(clock)
                .host("a", new WolfGpuProbe(wolfA, clock)).serverReporter("a", new WolfServerReporter(wolfA, clock))
                .host("b", new WolfGpuProbe(wolfB, clock)).serverReporter("b", new WolfServerReporter(wolfB, clock))
                .capacity(governor::capacity).sink(governor::reportHealth).build();
    }

    @AfterEach
    void closeAll() {
        for (AutoCloseable c : new AutoCloseable[] {monitor, wolfA, wolfB, simA, simB}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing what a test left is best effort
                }
            }
        }
    }

    private List<HostHealth> poll() {
        clock.advance(Duration.ofSeconds(5));
        return monitor.pollOnce();
    }

    @Test
    void criticalReportRefusesThatHostWithWolfsOwnWordsWhileTheOtherHostAdmits() throws Exception {
        twoHosts();
        poll();
        simA.failPipelines();

        HostHealth a = poll().get(0);

        assertThat(a.status()).isEqualTo(HealthStatus.EXHAUSTED);
        assertThat(a.monitoringWorking()).as("the GPU still reads fine: this is Wolf's own word").isTrue();
        assertThat(a.reasons()).anyMatch(r -> r instanceof HealthReason.ServerCritical);
        AdmissionDeniedException refused = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s1").onHost("a")));
        assertThat(refused.reason()).isEqualTo(DenialReason.SERVER_UNHEALTHY);
        assertThat(refused.hostId()).isEqualTo("a");
        assertThat(refused.getMessage())
                .contains("Wolf on host a reports that it cannot create new pipelines")
                .contains("Wolf's own health report")
                .contains("Restart Wolf on that host");
        try (Permit onB = governor.acquire(AdmissionRequest.forSession("s2").onHost("b"));
                Permit anywhere = governor.acquire(AdmissionRequest.forSession("s3"))) {
            assertThat(onB.hostId()).isEqualTo("b");
            assertThat(anywhere.hostId()).as("placement passes over the host Wolf calls critical").isEqualTo("b");
        }
    }

    @Test
    void admitsAgainOnceWolfReportsHealthyAgain() throws Exception {
        twoHosts();
        simA.failPipelines();
        poll();
        assertThat(catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s1").onHost("a")))).isNotNull();

        simA.healthRecovers();
        HostHealth a = poll().get(0);

        assertThat(a.status()).isEqualTo(HealthStatus.HEALTHY);
        try (Permit permit = governor.acquire(AdmissionRequest.forSession("s1").onHost("a"))) {
            assertThat(permit.hostId()).isEqualTo("a");
        }
    }

    @Test
    void stuckThreadsWarnButAdmit() throws Exception {
        twoHosts();
        simA.stickThread("video encoder");

        HostHealth a = poll().get(0);

        assertThat(a.status()).isEqualTo(HealthStatus.WARNING);
        assertThat(a.reasons()).singleElement().isInstanceOfSatisfying(HealthReason.ServerThreadsStuck.class, r -> {
            assertThat(r.stuck()).isEqualTo(1);
            assertThat(r.names()).containsExactly("video encoder");
        });
        try (Permit permit = governor.acquire(AdmissionRequest.forSession("s1").onHost("a"))) {
            assertThat(permit.hostId()).isEqualTo("a");
        }
    }

    @Test
    void statusShowsWolfsOwnMemoryAndClientCounts() throws Exception {
        twoHosts();
        wolfA.createLobby(Clients.lobby("one"));
        simA.createSession("10.0.0.7");
        poll();

        ServerReport report = governor.status().host("a").orElseThrow().server().orElseThrow();

        assertThat(report.supported()).isTrue();
        assertThat(report.usage()).hasValueSatisfying(u -> {
            assertThat(u.lobbies()).isEqualTo(1);
            assertThat(u.clients()).isEqualTo(1);
            assertThat(u.processMemoryBytes()).isPresent();
        });
    }

    @Test
    void upstreamWolfWithoutTheEndpointIsSaidOnceAndIsNoFailure() throws Exception {
        try (LogCapture logs = LogCapture.library();
                WolfSimulator upstream = WolfSimulator.builder().withoutForkEndpoints().start(dir);
                WolfClient wolf = Clients.of(upstream)) {
            GpuProbe gpu = new ScriptedGpuProbe("nvml", clock).thenPlausible();
            LobbyGovernor g = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                    .host(Host.of("up", new WolfLobbyRuntime(wolf))).build();
            try (HealthMonitor m = HealthMonitor.builder().clock(clock).host("up", gpu)
                    .serverReporter("up", new WolfServerReporter(wolf, clock))
                    .capacity(g::capacity).sink(g::reportHealth).build()) {
                HostHealth last = null;
                for (int i = 0; i < 4; i++) {
                    clock.advance(Duration.ofSeconds(5));
                    last = m.pollOnce().get(0);
                }

                assertThat(last.status()).isEqualTo(HealthStatus.HEALTHY);
                assertThat(last.reasons()).isEmpty();
                assertThat(last.server()).hasValueSatisfying(r -> {
                    assertThat(r.answered()).isTrue();
                    assertThat(r.supported()).isFalse();
                });
                assertThat(logs.renderedLines().stream().filter(l -> l.contains("not supported by this Wolf")))
                        .hasSize(1);
                assertThat(logs.events()).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
                try (Permit permit = g.acquire(AdmissionRequest.forSession("s1"))) {
                    assertThat(permit.hostId()).isEqualTo("up");
                }
            }
        }
    }

    @Test
    void whileTheGpuProbeFailsTheStatusCarriesWolfsOwnCountOfWhatRuns() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir);
                WolfClient wolf = Clients.of(sim)) {
            String lobby = wolf.createLobby(Clients.lobby("one"));
            wolf.createLobby(Clients.lobby("two"));
            wolf.joinLobby(new JoinLobbyRequest(lobby, sim.createSession("10.0.0.7"), null));
            ScriptedGpuProbe gpu = new ScriptedGpuProbe("nvml", clock).thenSample(at -> GpuSamples.plausible("nvml", at, 2))
                    .thenNvmlUnknownError();
            LobbyGovernor g = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                    .host(Host.of("dark", new WolfLobbyRuntime(wolf))).build();
            try (HealthMonitor m = HealthMonitor.builder().clock(clock).host("dark", gpu)
                    .serverReporter("dark", new WolfServerReporter(wolf, clock))
                    .capacity(g::capacity).sink(g::reportHealth).build()) {
                clock.advance(Duration.ofSeconds(5));
                m.pollOnce();
                assertThat(g.status().host("dark").orElseThrow().serverCountWhileBlind())
                        .as("the GPU reads: its readings say the host is busy").isEmpty();

                clock.advance(Duration.ofSeconds(5));
                assertThat(m.pollOnce().get(0).status()).isEqualTo(HealthStatus.MONITORING_LOST);

                HostStatus status = g.status().host("dark").orElseThrow();
                assertThat(status.serverCountWhileBlind()).hasValueSatisfying(u -> {
                    assertThat(u.lobbies()).isEqualTo(2);
                    assertThat(u.clients()).isEqualTo(1);
                    assertThat(u.processMemoryBytes().orElse(0)).isPositive();
                });
            }
        }
    }
}
