package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** What the monitor's builder refuses, in the words an operator reads, and its lifecycle refusals. */
class HealthMonitorBuilderTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock).thenPlausible();
    private final ServerReporter server = new ServerReporter() {
        @Override
        public String name() {
            return "Wolf";
        }

        @Override
        public ServerReport report() {
            return ServerReport.answered("Wolf", clock.instant(), Optional.empty(), Optional.empty());
        }
    };

    private HealthMonitor.Builder builder() {
        return HealthMonitor.builder().clock(clock).host("wolf-1", probe).capacity(id -> new HostCapacity(0, 5, 4));
    }

    @Test
    void aHostNeedsANonBlankIdAProbeAndMayBeAddedOnce() {
        assertThatThrownBy(() -> HealthMonitor.builder().host(" ", probe))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hostId must not be blank");
        assertThatThrownBy(() -> HealthMonitor.builder().host(null, probe))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hostId must not be blank");
        assertThatThrownBy(() -> HealthMonitor.builder().host("wolf-1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("probe");
        assertThatThrownBy(() -> builder().host("wolf-1", probe))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("host wolf-1 added twice");
    }

    @Test
    void aServerReporterNeedsANonBlankIdOnceAndAHostAddedToo() {
        assertThatThrownBy(() -> builder().serverReporter("", server))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hostId must not be blank");
        assertThatThrownBy(() -> builder().serverReporter(null, server))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hostId must not be blank");
        assertThatThrownBy(() -> builder().serverReporter("wolf-1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("reporter");
        assertThatThrownBy(() -> builder().serverReporter("wolf-1", server).serverReporter("wolf-1", server))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("host wolf-1 has a server reporter already");
        assertThatThrownBy(() -> builder().serverReporter("wolf-2", server).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("server reporter for host wolf-2, which was never added");
        assertThat(builder().serverReporter("wolf-1", server).build().pollOnce().get(0).server()).isPresent();
    }

    @Test
    void aMonitorNeedsAHostAndACapacitySource() {
        assertThatThrownBy(() -> HealthMonitor.builder().capacity(id -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("a health monitor needs at least one host");
        assertThatThrownBy(() -> HealthMonitor.builder().host("wolf-1", probe).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("a health monitor needs a capacity source");
    }

    @Test
    void everyCollaboratorIsRequired() {
        var b = HealthMonitor.builder();
        assertThatThrownBy(() -> b.clock(null)).hasMessage("clock");
        assertThatThrownBy(() -> b.config(null)).hasMessage("config");
        assertThatThrownBy(() -> b.capacity(null)).hasMessage("capacity");
        assertThatThrownBy(() -> b.sink(null)).hasMessage("sink");
        assertThatThrownBy(() -> b.listener(null)).hasMessage("listener");
        assertThatThrownBy(() -> b.remediation(null)).hasMessage("remediation");
        assertThatThrownBy(() -> b.executor(null)).hasMessage("executor");
        assertThatThrownBy(() -> b.remediationExecutor(null)).hasMessage("remediationExecutor");
    }

    @Test
    void aProbeWhoseReadingsMayOutliveTheStalenessLimitIsRefusedAtBuildAndOneThatMatchesItIsNot() {
        GpuProbe cachedFor = new GpuProbe() {
            @Override
            public String name() {
                return "cached";
            }

            @Override
            public GpuSample sample() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration maxReadingAge() {
                return Duration.ofSeconds(16);
            }
        };
        assertThatThrownBy(() -> HealthMonitor.builder().host("wolf-1", cachedFor).capacity(id -> null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Host wolf-1: probe 'cached' may hand back a reading up to PT16S old");
        var config = MonitorConfig.builder()
                .thresholds(HealthThresholds.builder().stalenessLimit(Duration.ofSeconds(16)).build()).build();
        assertThat(HealthMonitor.builder().config(config).host("wolf-1", cachedFor).capacity(id -> null).build()
                .config()).isSameAs(config);
    }

    @Test
    void healthIsKnownOnlyForTheHostsAdded() {
        HealthMonitor m = builder().build();
        assertThat(m.health("wolf-1")).get().extracting(HostHealth::status).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(m.health("wolf-2")).isEmpty();
        m.pollOnce();
        assertThat(m.health("wolf-1")).get().extracting(HostHealth::status).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void startingTwiceOrAfterCloseIsRefusedSayingWhich() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            HealthMonitor m = builder().executor(executor).config(MonitorConfig.builder()
                    .probeInterval(Duration.ofHours(1)).build()).build();
            m.start();
            assertThatThrownBy(m::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("health monitor already started");
            m.close();
            m.close();
            assertThatThrownBy(m::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("health monitor is closed");
            assertThat(executor.isShutdown()).as("a given executor is the caller's").isFalse();
        } finally {
            executor.shutdownNow();
        }
        HealthMonitor neverStarted = builder().build();
        neverStarted.close();
        assertThatThrownBy(neverStarted::start).hasMessage("health monitor is closed");
    }

    @Test
    void aClosedMonitorStillPollsWhenAskedByHand() {
        List<HostHealth> sunk = new ArrayList<>();
        HealthMonitor m = builder().sink(sunk::add).build();
        m.close();
        assertThat(m.pollOnce()).singleElement().extracting(HostHealth::status).isEqualTo(HealthStatus.HEALTHY);
        assertThat(sunk).hasSize(1);
    }
}
