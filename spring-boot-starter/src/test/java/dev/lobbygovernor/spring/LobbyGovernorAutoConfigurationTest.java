package dev.lobbygovernor.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.dashboard.DashboardFeed;
import dev.lobbygovernor.micrometer.LobbyGovernorMetrics;
import dev.lobbygovernor.spring.internal.DashboardController;
import dev.lobbygovernor.spring.internal.GovernorLifecycle;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.wolf.sim.GpuModel;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** What the starter wires from lobby-governor.* properties, and what it leaves to the application. */
class LobbyGovernorAutoConfigurationTest {

    @TempDir
    Path dir;
    private WolfSimulator wolf;
    private ApplicationContextRunner runner;

    @BeforeEach
    void startWolf() throws Exception {
        wolf = WolfSimulator.builder().gpu(GpuModel.rtx2000Ada()).start(dir);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LobbyGovernorAutoConfiguration.class))
                .withPropertyValues("lobby-governor.hosts[0].id=wolf-1",
                        "lobby-governor.hosts[0].wolf-socket=" + wolf.socketPath(),
                        "lobby-governor.hosts[0].static-cap=4");
    }

    @AfterEach
    void stopWolf() {
        wolf.close();
    }

    @Test
    void wiresTheGovernorMonitorAndReaperFromPropertiesAndRunsThemWithTheContext() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(LobbyGovernor.class).hasSingleBean(HealthMonitor.class)
                    .hasSingleBean(LobbyReaper.class).hasSingleBean(DashboardFeed.class);
            LobbyGovernor governor = context.getBean(LobbyGovernor.class);
            assertThat(governor.status().hosts()).singleElement().satisfies(h -> {
                assertThat(h.hostId()).isEqualTo("wolf-1");
                assertThat(h.cap()).isEqualTo(4);
            });
            assertThat(context.getBean(GovernorLifecycle.class).isRunning()).isTrue();
        });
    }

    @Test
    void appliesTheHostsEncoderSessionCapAndItsScope() {
        runner.withPropertyValues("lobby-governor.hosts[0].encoder-session-cap=1",
                "lobby-governor.hosts[0].encoder-cap-scope=PER_GPU", "lobby-governor.monitor.enabled=false",
                "lobby-governor.reaper.enabled=false").run(context -> {
                    LobbyGovernor governor = context.getBean(LobbyGovernor.class);
                    governor.acquire(AdmissionRequest.forSession("first")); // one stream in reserve: the cap
                    assertThat(catchThrowableOfType(AdmissionDeniedException.class,
                            () -> governor.acquire(AdmissionRequest.forSession("second"))).reason())
                            .isEqualTo(DenialReason.ENCODER_SESSIONS);
                });
        runner.withPropertyValues("lobby-governor.hosts[0].encoder-cap-scope=PER_SYSTEM")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void stopsTheMonitorAndReaperWhenTheContextCloses() {
        GovernorLifecycle[] lifecycle = new GovernorLifecycle[1];
        runner.run(context -> lifecycle[0] = context.getBean(GovernorLifecycle.class));
        assertThat(lifecycle[0].isRunning()).isFalse();
    }

    @Test
    void usesTheApplicationsSessionStore() {
        InMemorySessionStore own = new InMemorySessionStore();
        runner.withBean(SessionStore.class, () -> own).run(context ->
                assertThat(context.getBean(SessionStore.class)).isSameAs(own));
    }

    @Test
    void fallsBackToTheInMemoryStoreWithAWarningAtStartup() {
        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.spring")) {
            runner.run(context -> assertThat(context.getBean(SessionStore.class))
                    .isInstanceOf(InMemorySessionStore.class));
            assertThat(logs.at(Level.WARN)).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("No SessionStore bean"));
        }
    }

    @Test
    void registersTheMeterBinderWhenMicrometerIsPresent() {
        runner.run(context -> assertThat(context).hasSingleBean(LobbyGovernorMetrics.class));
    }

    @Test
    void registersTheHealthIndicatorAsTheLobbyGovernorComponent() {
        runner.run(context -> assertThat(context).hasBean("lobbyGovernorHealthIndicator"));
    }

    @Test
    void leavesOutTheMonitorAndReaperWhenSwitchedOff() {
        runner.withPropertyValues("lobby-governor.monitor.enabled=false", "lobby-governor.reaper.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(LobbyGovernor.class)
                        .doesNotHaveBean(HealthMonitor.class).doesNotHaveBean(LobbyReaper.class));
    }

    @Test
    void backsOffEntirelyWhenDisabled() {
        runner.withPropertyValues("lobby-governor.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(LobbyGovernor.class));
    }

    @Test
    void failsAtStartupWithTheMissingPropertyWhenNoHostIsConfigured() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LobbyGovernorAutoConfiguration.class))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("lobby-governor.hosts[0].id"));
    }

    @Test
    void servesTheProblemAndTheDashboardOnlyInAServletApplicationAndEachCanBeSwitchedOff() {
        WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LobbyGovernorAutoConfiguration.class))
                .withPropertyValues("lobby-governor.hosts[0].id=wolf-1",
                        "lobby-governor.hosts[0].wolf-socket=" + wolf.socketPath());
        web.run(context -> assertThat(context).hasSingleBean(AdmissionProblemAdvice.class)
                .hasSingleBean(DashboardController.class));
        web.withPropertyValues("lobby-governor.problem.enabled=false", "lobby-governor.dashboard.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AdmissionProblemAdvice.class)
                        .doesNotHaveBean(DashboardController.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(AdmissionProblemAdvice.class));
    }
}
