package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.GovernorConfig;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.dashboard.DashboardFeed;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: headless Chromium opens the page once, the host fills from
 * 3/5 to 4/5 to 5/5 and then loses monitoring, and each banner appears in the DOM without a
 * reload. Screenshots go to {@code target/dashboard/}. Under {@code CI=true} a missing browser
 * fails the test; elsewhere it is skipped with the reason.
 */
class DashboardBrowserTest {

    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(15);
    private static final String PIN = "735194";
    private static final String HOST = "[data-host=\"wolf-1\"]";

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .config(GovernorConfig.builder().runtimeListTtl(Duration.ZERO).build())
            .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(5).build())).build();
    private final DashboardFeed feed = new DashboardFeed(governor, clock);
    private final HealthMonitor monitor = HealthMonitor.builder().clock(clock).host("wolf-1", probe)
            .capacity(governor::capacity).sink(governor::reportHealth).listener(feed.healthListener()).build();
    private int lobbies;

    private static Path browser() {
        Optional<Path> binary = HeadlessChromium.binary();
        if (binary.isEmpty()) {
            String reason = "chromium is not installed (apt-get install -y chromium; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason + ": under CI=true the browser test must run");
            }
            Assumptions.abort(reason);
        }
        return binary.get();
    }

    private void addLobby() {
        lobbies++;
        String session = "visitor-" + lobbies;
        store.putSession(session);
        try (Permit p = governor.acquire(AdmissionRequest.forSession(session).withPin(LobbyPin.of(PIN)))) {
            p.create(c -> runtime.create("lobby-" + lobbies, c));
        }
        clock.advance(Duration.ofSeconds(40));
        monitor.pollOnce();
    }

    private static String banner(String kind) {
        return "(document.querySelector('" + HOST + " [data-banner=\"" + kind + "\"]') || {}).textContent || ''";
    }

    @Test
    void showsEachBannerAsTheHostFillsAndLosesMonitoringWithoutAReload() throws Exception {
        Path binary = browser();
        feed.watch(monitor);
        probe.thenPlausible();
        for (int i = 0; i < 3; i++) {
            addLobby();
        }
        Path shots = Path.of("target", "dashboard");
        try (DashboardServer server = DashboardServer.start(feed, new InetSocketAddress("127.0.0.1", 0));
                HeadlessChromium page = HeadlessChromium.open(binary, server.uri())) {
            page.await("3/5", "(document.querySelector('" + HOST + " [data-count]') || {}).textContent",
                    "3/5"::equals, SHOWN_WITHIN);
            assertThat(page.evaluate(banner("ok"))).contains("3/5");
            page.evaluate("window.sameDocument = 'yes'");

            addLobby();
            String nearlyFull = page.await("the warning banner", banner("warning"), t -> !t.isEmpty(), SHOWN_WITHIN);
            assertThat(nearlyFull).isEqualTo("Nearly full: 4/5 lobbies.");
            page.screenshot(shots.resolve("dashboard-4-of-5.png"));

            addLobby();
            String full = page.await("the full banner", banner("full"), t -> !t.isEmpty(), SHOWN_WITHIN);
            assertThat(full).startsWith("Full: 5/5 lobbies.");
            assertThat(page.evaluate(banner("warning"))).isEmpty();

            probe.clearScript().thenNvmlUnknownError();
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(10));
                monitor.pollOnce();
            }
            String lost = page.await("the monitoring-lost banner", banner("lost"), t -> !t.isEmpty(), SHOWN_WITHIN);
            assertThat(lost).startsWith("Monitoring lost since").contains("Failed to initialize NVML");
            assertThat(page.evaluate("document.querySelector('" + HOST + " [data-banner=\"lost\"]').getAttribute('role')"))
                    .as("announced, not only coloured").isEqualTo("alert");
            page.screenshot(shots.resolve("dashboard-monitoring-lost.png"));

            assertThat(page.evaluate("window.sameDocument")).as("the page was never reloaded").isEqualTo("yes");
            assertThat(page.evaluate("document.body.innerText")).doesNotContain(PIN);
        }
    }
}
