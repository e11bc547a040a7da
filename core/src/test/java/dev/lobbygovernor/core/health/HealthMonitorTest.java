package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.testing.Await;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);
    private final Map<String, HostCapacity> capacities = new ConcurrentHashMap<>();
    private final List<HostHealth> sunk = new CopyOnWriteArrayList<>();

    private HealthMonitor.Builder monitor() {
        capacities.putIfAbsent("wolf-1", new HostCapacity(1, 5, 4));
        return HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(capacities::get).sink(sunk::add);
    }

    /** Records every event as a line. */
    static final class Recorder implements HealthListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onStatusChanged(HostHealth previous, HostHealth current) {
            events.add(previous.status() + "->" + current.status());
        }

        @Override
        public void onMonitoringLost(HostHealth health) {
            events.add("lost");
        }

        @Override
        public void onMonitoringRestored(HostHealth health, Duration darkFor) {
            events.add("restored after " + darkFor.toSeconds() + " s");
        }
    }

    @Test
    void isUnknownBeforeTheFirstPoll() {
        probe.thenPlausible();
        HealthMonitor m = monitor().build();
        assertThat(m.health("wolf-1")).hasValueSatisfying(h -> assertThat(h.status()).isEqualTo(HealthStatus.UNKNOWN));
        assertThat(m.health("elsewhere")).isEmpty();
        assertThat(probe.calls()).isZero();
    }

    @Test
    void pollOnceClassifiesEveryHostAndFeedsTheSink() {
        probe.thenPlausible();
        var other = new ScriptedGpuProbe("nvml-2", clock).thenNvmlUnknownError();
        capacities.put("wolf-2", new HostCapacity(0, 5, 4));
        HealthMonitor m = monitor().host("wolf-2", other).build();
        List<HostHealth> result = m.pollOnce();
        assertThat(result).extracting(HostHealth::hostId).containsExactly("wolf-1", "wolf-2");
        assertThat(result).extracting(HostHealth::status)
                .containsExactly(HealthStatus.HEALTHY, HealthStatus.MONITORING_LOST);
        // hosts are polled side by side: the sink hears each as its poll ends, in either order
        assertThat(sunk).containsExactlyInAnyOrderElementsOf(result);
        assertThat(m.health("wolf-2")).contains(result.get(1));
    }

    @Test
    void theSinkGetsEveryPollButListenersOnlyTransitions() {
        probe.thenPlausible();
        var recorder = new Recorder();
        HealthMonitor m = monitor().listener(recorder).build();
        for (int i = 0; i < 5; i++) {
            m.pollOnce();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(sunk).hasSize(5);
        assertThat(recorder.events).containsExactly("UNKNOWN->HEALTHY");
    }

    @Test
    void lostThenRestoredArePublishedOnceEachWithTheDarkTime() {
        probe.thenPlausible().thenNvmlUnknownError().times(4).thenPlausible();
        var recorder = new Recorder();
        HealthMonitor m = monitor().listener(recorder).build();
        for (int i = 0; i < 8; i++) {
            m.pollOnce();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(recorder.events).containsExactly("UNKNOWN->HEALTHY", "HEALTHY->MONITORING_LOST", "lost",
                "MONITORING_LOST->HEALTHY", "restored after 30 s");
    }

    @Test
    void capacityChangesAreTransitionsToo() {
        probe.thenPlausible();
        var recorder = new Recorder();
        HealthMonitor m = monitor().listener(recorder).build();
        m.pollOnce();
        capacities.put("wolf-1", new HostCapacity(4, 5, 4));
        m.pollOnce();
        capacities.put("wolf-1", new HostCapacity(5, 5, 4));
        m.pollOnce();
        assertThat(recorder.events).containsExactly("UNKNOWN->HEALTHY", "HEALTHY->WARNING", "WARNING->EXHAUSTED");
    }

    @Test
    void aThrowingListenerIsLoggedAndTheOthersStillHear() {
        probe.thenPlausible();
        var recorder = new Recorder();
        HealthListener broken = new HealthListener() {
            @Override
            public void onStatusChanged(HostHealth previous, HostHealth current) {
                throw new IllegalStateException("listener bug");
            }
        };
        HealthMonitor m = monitor().listener(broken).listener(recorder).build();
        try (LogCapture logs = LogCapture.library()) {
            assertThat(m.pollOnce()).singleElement().extracting(HostHealth::status).isEqualTo(HealthStatus.HEALTHY);
            assertThat(recorder.events).containsExactly("UNKNOWN->HEALTHY");
            assertThat(logs.at(Level.WARN)).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("onStatusChanged"));
        }
    }

    @Test
    void aThrowingSinkIsContainedAndWarnedAtMostOncePerReminderInterval() {
        probe.thenPlausible();
        HealthMonitor m = HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(id -> new HostCapacity(1, 5, 4))
                .sink(h -> {
                    throw new IllegalStateException("governor down");
                }).build();
        try (LogCapture logs = LogCapture.library()) {
            for (int i = 0; i < 120; i++) { // 10 minutes of polls
                m.pollOnce();
                clock.advance(Duration.ofSeconds(5));
            }
            assertThat(logs.at(Level.WARN)).hasSize(2);
        }
        assertThat(m.health("wolf-1")).hasValueSatisfying(h -> assertThat(h.status()).isEqualTo(HealthStatus.HEALTHY));
    }

    @Test
    void aThrowingCapacitySourceFallsBackToTheLastKnownCapacity() {
        probe.thenPlausible();
        List<HostCapacity> answers = new ArrayList<>(List.of(new HostCapacity(5, 5, 4)));
        HealthMonitor m = HealthMonitor.builder().clock(clock).host("wolf-1", probe).capacity(id -> {
            if (answers.isEmpty()) {
                throw new IllegalStateException("store unreachable");
            }
            return answers.remove(0);
        }).build();
        assertThat(m.pollOnce().get(0).status()).isEqualTo(HealthStatus.EXHAUSTED);
        assertThat(m.pollOnce().get(0).status()).isEqualTo(HealthStatus.EXHAUSTED);
    }

    @Test
    void aProbeThatThrowsUncheckedOrReturnsNothingCountsAsAFailure() {
        probe.thenThrow(new IllegalStateException("bug")).thenSample(now -> null);
        HealthMonitor m = monitor().build();
        for (int i = 0; i < 2; i++) {
            HostHealth h = m.pollOnce().get(0);
            assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
            assertThat(h.reasons().get(0)).isInstanceOf(HealthReason.ProbeFailed.class);
        }
    }

    @Test
    void startPollsOnOneNamedDaemonThreadUntilClosed() throws Exception {
        probe.thenPlausible();
        HealthMonitor m = monitor().config(MonitorConfig.builder().probeInterval(Duration.ofMillis(10)).build()).build();
        m.start();
        Await.until("three polls", () -> sunk.size() >= 3);
        Thread poller = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("lobby-governor-health-monitor")).findFirst().orElseThrow();
        assertThat(poller.isDaemon()).isTrue();
        m.close();
        poller.join(5_000);
        assertThat(poller.isAlive()).isFalse();
        assertThatThrownBy(m::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startOnAHostExecutorLeavesTheExecutorRunningOnClose() throws Exception {
        probe.thenPlausible();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            HealthMonitor m = monitor().executor(executor)
                    .config(MonitorConfig.builder().probeInterval(Duration.ofMillis(10)).build()).build();
            m.start();
            assertThatThrownBy(m::start).isInstanceOf(IllegalStateException.class);
            Await.until("two polls", () -> sunk.size() >= 2);
            m.close();
            int after = sunk.size();
            assertThat(executor.isShutdown()).isFalse();
            Thread.sleep(50); // lifecycle check: no more polls arrive once closed
            assertThat(sunk.size()).isLessThanOrEqualTo(after + 1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theBuilderRequiresAHostAndACapacitySourceAndRejectsDuplicates() {
        assertThatThrownBy(() -> HealthMonitor.builder().capacity(id -> null).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HealthMonitor.builder().host("wolf-1", probe).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HealthMonitor.builder().host("wolf-1", probe).host("wolf-1", probe))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HealthMonitor.builder().host(" ", probe)).isInstanceOf(IllegalArgumentException.class);
    }
}
