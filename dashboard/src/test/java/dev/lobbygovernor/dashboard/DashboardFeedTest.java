package dev.lobbygovernor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.ServerHealth;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerUsage;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The status JSON the page reads, and the page's own files. */
class DashboardFeedTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(5).build())).build();
    private final DashboardFeed feed;
    private final HealthMonitor monitor;

    DashboardFeedTest() {
        HealthMonitor.Builder b = HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(governor::capacity).sink(governor::reportHealth);
        monitor = b.build();
        feed = new DashboardFeed(governor, clock).watch(monitor);
    }

    private void createLobby(String id, String pin) {
        try (Permit p = governor.acquire(AdmissionRequest.forSession("s-" + id).withPin(LobbyPin.of(pin)))) {
            p.create(c -> runtime.create(id, c));
        }
        store.putSession("s-" + id);
    }

    @Test
    void showsCountCapThresholdAndLobbiesOldestFirstWithoutAnyPin() {
        createLobby("first", "483920");
        clock.advance(Duration.ofMinutes(3));
        createLobby("second", "483921");
        clock.advance(Duration.ofSeconds(5));

        String json = feed.statusJson();

        assertThat(json).contains("\"id\":\"wolf-1\"", "\"active\":2", "\"cap\":5", "\"warningThreshold\":4");
        assertThat(json.indexOf("\"id\":\"first\"")).isLessThan(json.indexOf("\"id\":\"second\""));
        assertThat(json).contains("\"ageSeconds\":185.0").doesNotContain("483920", "483921");
    }

    @Test
    void saysSinceWhenAndWhyMonitoringIsLost() {
        DashboardFeed lostFeed = new DashboardFeed(governor, clock);
        HealthMonitor watched = HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(governor::capacity).sink(governor::reportHealth).listener(lostFeed.healthListener())
                .build();
        lostFeed.watch(watched);
        probe.thenPlausible();
        watched.pollOnce();
        probe.clearScript().thenNvmlUnknownError();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            watched.pollOnce();
        }

        String json = lostFeed.statusJson();

        assertThat(json).contains("\"health\":\"MONITORING_LOST\"", "\"monitoringWorking\":false",
                "\"monitoringLostSince\":\"2025-01-01T12:00", "Failed to initialize NVML");
    }

    @Test
    void servesOnlyThePageAndItsOwnFilesWithNothingFetchedFromElsewhere() {
        assertThat(DashboardAssets.asset("").orElseThrow().name()).isEqualTo("index.html");
        assertThat(DashboardAssets.asset("../../../../../META-INF/MANIFEST.MF")).isEmpty();
        for (String name : new String[] {"index.html", "dashboard.css", "dashboard.js"}) {
            String text = new String(DashboardAssets.asset(name).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(text).as(name).doesNotContain("http://", "https://", "//cdn");
        }
    }

    private static ServerReport wolfSays(Optional<ServerHealth> health, Optional<ServerUsage> usage, Instant at) {
        return ServerReport.answered("Wolf", at, health, usage);
    }

    @Test
    void showsWolfsOwnCriticalReportAndItsCountWhileTheGpuIsDark() {
        Instant at = clock.instant();
        ServerReport report = wolfSays(Optional.of(new ServerHealth(false, "critical", 0, 2, List.of())),
                Optional.of(new ServerUsage(3, 2, OptionalLong.of(1_200L * 1024 * 1024))), at);
        governor.reportHealth(new HostHealth("wolf-1", HealthStatus.MONITORING_LOST, false, null, "wolf",
                List.of(new HealthReason.ServerCritical("Wolf", "critical", true)), at, Optional.of(report)));

        String json = feed.statusJson();

        assertThat(json).contains("\"server\":{\"source\":\"Wolf\",\"answered\":true,\"supported\":true",
                "\"critical\":true", "\"lobbies\":3", "\"clients\":2", "\"processMemoryBytes\":1258291200",
                "\"countWhileBlind\":true");
    }

    @Test
    void saysWhenWolfHasNoReportOfItsOwnAndGivesNoBlindCountWhileTheGpuReads() {
        Instant at = clock.instant();
        governor.reportHealth(new HostHealth("wolf-1", HealthStatus.HEALTHY, true, null, "nvml", List.of(), at,
                Optional.of(wolfSays(Optional.empty(), Optional.empty(), at))));

        String json = feed.statusJson();

        assertThat(json).contains("\"supported\":false", "\"critical\":false", "\"countWhileBlind\":false");
    }

    @Test
    void pageShowsWolfsOwnReport() {
        String js = new String(DashboardAssets.asset("dashboard.js").orElseThrow().bytes(), StandardCharsets.UTF_8);

        assertThat(js).contains("not supported by this ", "own count while GPU monitoring is lost",
                "it cannot create new pipelines");
    }
}
