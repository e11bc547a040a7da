package dev.lobbygovernor.spring;

import dev.lobbygovernor.core.admission.AdmissionListener;
import dev.lobbygovernor.core.admission.GovernorConfig;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.ReconciliationRelay;
import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.core.health.MonitorConfig;
import dev.lobbygovernor.dashboard.DashboardFeed;
import dev.lobbygovernor.micrometer.LobbyGovernorMetrics;
import dev.lobbygovernor.spring.internal.DashboardController;
import dev.lobbygovernor.spring.internal.GovernorLifecycle;
import dev.lobbygovernor.spring.internal.ProbeDecorator;
import dev.lobbygovernor.spring.internal.WolfHosts;
import dev.lobbygovernor.store.AdmissionLedger;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.SessionStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Lobby Governor from {@code lobby-governor.*}: one {@link LobbyGovernor} over the
 * configured Wolf hosts, a {@link HealthMonitor} probing their GPUs through Wolf and a
 * {@link LobbyReaper}, both started and stopped with the context. The host's own
 * {@link SessionStore} bean is used, else an in-memory one with a warning; an
 * {@link AdmissionLedger} bean is used when present. {@link AdmissionListener},
 * {@link HealthListener} and {@link CleanupListener} beans hear their events.
 *
 * <p>With Micrometer present, {@link LobbyGovernorMetrics} is registered; with Actuator's health,
 * {@link LobbyGovernorHealthIndicator} (component {@code lobbyGovernor}); in a servlet web
 * application, the {@link AdmissionProblemAdvice} and the dashboard. Off entirely with
 * {@code lobby-governor.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "lobby-governor.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LobbyGovernorProperties.class)
public final class LobbyGovernorAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LobbyGovernorAutoConfiguration.class);

    /** Spring creates it. */
    public LobbyGovernorAutoConfiguration() {
    }

    /**
     * The in-memory store, when the application defines none.
     *
     * @return an in-memory store
     */
    @Bean
    @ConditionalOnMissingBean(SessionStore.class)
    public SessionStore lobbyGovernorSessionStore() {
        log.atWarn().log("No SessionStore bean: Lobby Governor records lobbies and their PINs in memory. A restart"
                + " forgets them (cleanup can then stop them only as orphans) and replicas do not share the cap."
                + " Define a SessionStore bean over your database (such as JdbcSessionStore) for production.");
        return new InMemorySessionStore();
    }

    /**
     * The Wolf clients, runtimes and probes of the configured hosts.
     *
     * @param properties the hosts
     * @return the hosts, closed with the context
     */
    @Bean(destroyMethod = "close")
    public WolfHosts lobbyGovernorWolfHosts(LobbyGovernorProperties properties) {
        return new WolfHosts(properties, Clock.systemUTC());
    }

    /**
     * The governor.
     *
     * @param properties admission settings
     * @param store where lobbies are recorded
     * @param hosts the hosts
     * @param ledger a ledger over a shared database, if the application has one
     * @param listeners who hears admissions
     * @return the governor
     */
    @Bean
    @ConditionalOnMissingBean
    public LobbyGovernor lobbyGovernor(LobbyGovernorProperties properties, SessionStore store, WolfHosts hosts,
            ObjectProvider<AdmissionLedger> ledger, ObjectProvider<AdmissionListener> listeners) {
        LobbyGovernor.Builder b = LobbyGovernor.builder().store(store)
                .config(GovernorConfig.builder().blindAdmission(properties.admission().blind())
                        .permitTtl(properties.admission().permitTtl()).build());
        hosts.hosts().forEach(b::host);
        ledger.ifAvailable(b::ledger);
        listeners.orderedStream().forEach(b::listener);
        return b.build();
    }

    /**
     * The dashboard's status.
     *
     * @param governor the governor
     * @return the feed
     */
    @Bean
    public DashboardFeed lobbyGovernorDashboardFeed(LobbyGovernor governor) {
        return new DashboardFeed(governor, Clock.systemUTC());
    }

    /**
     * The GPU health monitor, reporting to the governor.
     *
     * @param properties monitor settings
     * @param governor the governor
     * @param hosts the hosts' probes
     * @param feed the dashboard, which remembers when monitoring was lost
     * @param decorators wrap each probe (metrics)
     * @param listeners who hears health changes
     * @return the monitor, not started yet
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "lobby-governor.monitor.enabled", matchIfMissing = true)
    public HealthMonitor lobbyGovernorHealthMonitor(LobbyGovernorProperties properties, LobbyGovernor governor,
            WolfHosts hosts, DashboardFeed feed, ObjectProvider<ProbeDecorator> decorators,
            ObjectProvider<HealthListener> listeners) {
        HealthMonitor.Builder b = HealthMonitor.builder()
                .config(MonitorConfig.builder().probeInterval(properties.monitor().probeInterval()).build())
                .capacity(governor::capacity).sink(governor::reportHealth).listener(feed.healthListener());
        for (Map.Entry<String, GpuProbe> e : hosts.probes().entrySet()) {
            GpuProbe probe = e.getValue();
            for (ProbeDecorator d : decorators.orderedStream().toList()) {
                probe = d.decorate(e.getKey(), probe);
            }
            b.host(e.getKey(), probe);
        }
        hosts.serverReporters().forEach(b::serverReporter);
        listeners.orderedStream().forEach(b::listener);
        HealthMonitor monitor = b.build();
        feed.watch(monitor);
        return monitor;
    }

    /**
     * The reaper.
     *
     * @param properties reaper settings
     * @param store where lobbies are recorded
     * @param hosts the hosts' runtimes
     * @param feed the dashboard, which remembers the last outcomes
     * @param listeners who hears cleanup outcomes
     * @param admissionListeners who hears reconciled reservations
     * @return the reaper, not started yet
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "lobby-governor.reaper.enabled", matchIfMissing = true)
    public LobbyReaper lobbyGovernorReaper(LobbyGovernorProperties properties, SessionStore store, WolfHosts hosts,
            DashboardFeed feed, ObjectProvider<CleanupListener> listeners,
            ObjectProvider<AdmissionListener> admissionListeners) {
        LobbyGovernorProperties.Cleanup c = properties.reaper();
        LobbyReaper.Builder b = LobbyReaper.builder(store, hosts.runtimes())
                .config(ReaperConfig.builder().interval(c.interval()).idleTimeout(c.idleTimeout())
                        .orphanGrace(c.orphanGrace()).stopOrphans(c.stopOrphans()).build())
                .listener(feed.cleanupListener());
        listeners.orderedStream().forEach(b::listener);
        admissionListeners.orderedStream().forEach(l -> b.listener(new ReconciliationRelay(l)));
        return b.build();
    }

    /**
     * Starts the monitor and reaper with the context and stops them with it.
     *
     * @param monitor the monitor, if enabled
     * @param reaper the reaper, if enabled
     * @return the lifecycle
     */
    @Bean
    public GovernorLifecycle lobbyGovernorLifecycle(ObjectProvider<HealthMonitor> monitor,
            ObjectProvider<LobbyReaper> reaper) {
        return new GovernorLifecycle(monitor.getIfAvailable(), reaper.getIfAvailable());
    }

    /** Micrometer's meters, when Micrometer and the binder's module are present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.core.instrument.binder.MeterBinder",
            "dev.lobbygovernor.micrometer.LobbyGovernorMetrics"})
    static class MetricsConfiguration {

        @Bean
        LobbyGovernorMetrics lobbyGovernorMetrics() {
            return new LobbyGovernorMetrics();
        }

        @Bean
        AdmissionListener lobbyGovernorMetricsAdmissions(LobbyGovernorMetrics metrics) {
            return metrics.admissionListener();
        }

        @Bean
        CleanupListener lobbyGovernorMetricsCleanup(LobbyGovernorMetrics metrics) {
            return metrics.cleanupListener();
        }

        @Bean
        ProbeDecorator lobbyGovernorMetricsProbes(LobbyGovernorMetrics metrics) {
            return metrics::timed;
        }

        @Bean
        SmartInitializingSingleton lobbyGovernorMetricsWatch(LobbyGovernorMetrics metrics, LobbyGovernor governor,
                ObjectProvider<HealthMonitor> monitor) {
            return () -> metrics.watch(governor, monitor.getIfAvailable());
        }
    }

    /** The health indicator, when Actuator's health is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "lobbyGovernorHealthIndicator")
        LobbyGovernorHealthIndicator lobbyGovernorHealthIndicator(LobbyGovernor governor) {
            return new LobbyGovernorHealthIndicator(governor);
        }
    }

    /** The problem+json refusal and the dashboard, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class WebConfiguration {

        @Bean
        @ConditionalOnBooleanProperty(name = "lobby-governor.problem.enabled", matchIfMissing = true)
        AdmissionProblemAdvice lobbyGovernorProblemAdvice(LobbyGovernorProperties properties) {
            return new AdmissionProblemAdvice(properties.problem(), properties.reaper().enabled()
                    ? Optional.of(properties.reaper().idleTimeout()) : Optional.empty());
        }

        @Bean
        @ConditionalOnBooleanProperty(name = "lobby-governor.dashboard.enabled", matchIfMissing = true)
        DashboardController lobbyGovernorDashboard(DashboardFeed feed, LobbyGovernorProperties properties) {
            return new DashboardController(feed, properties.dashboard().path());
        }
    }
}
