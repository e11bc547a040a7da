package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.testing.Await;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemediationTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);
    private final List<Instant> runs = new ArrayList<>();
    private final List<RemediationResult> heard = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void releaseBlockedRemediations() {
        release.countDown();
    }

    /**
     * A remediation that takes until {@code release} opens, as restarting Wolf takes a minute, when
     * it runs on a thread {@code where} allows. On any other thread (a polling thread, say) it
     * returns at once without blocking, so that a test of where it runs fails quickly instead of
     * hanging the poll it blocks.
     */
    private Remediation slow(Predicate<Thread> where) {
        return (host, health) -> {
            ranOn.add(Thread.currentThread());
            if (!where.test(Thread.currentThread())) {
                return RemediationResult.failed("ran on " + Thread.currentThread().getName());
            }
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await();
                return RemediationResult.succeeded("wolf restarted");
            } finally {
                running.decrementAndGet();
            }
        };
    }

    private HealthMonitor monitor(MonitorConfig config, Remediation remediation) {
        return builder(config, remediation).build();
    }

    private HealthMonitor.Builder builder(MonitorConfig config, Remediation remediation) {
        return HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(id -> new HostCapacity(5, 5, 4)).config(config).remediation(remediation)
                .listener(new HealthListener() {
                    @Override
                    public void onRemediation(String hostId, RemediationResult result) {
                        heard.add(result);
                    }
                });
    }

    private Remediation recording(RemediationResult result) {
        return (host, health) -> {
            assertThat(health.status()).isEqualTo(HealthStatus.MONITORING_LOST);
            runs.add(clock.instant());
            return result;
        };
    }

    private void pollEvery5s(HealthMonitor m, Duration total) {
        m.pollOnce();
        for (long i = 0; i < total.toSeconds() / 5; i++) {
            clock.advance(Duration.ofSeconds(5));
            m.pollOnce();
        }
    }

    @Test
    void runsOnceMonitoringHasBeenLostLongEnoughAndAtMostOncePerCooldown() {
        probe.thenNvmlUnknownError();
        Instant start = clock.instant();
        var config = MonitorConfig.builder().remediateAfter(Duration.ofMinutes(1)).remediateAfterFailures(1000)
                .remediationCooldown(Duration.ofMinutes(15)).build();
        try (LogCapture logs = LogCapture.library()) {
            pollEvery5s(monitor(config, recording(RemediationResult.succeeded("wolf restarted"))), Duration.ofMinutes(40));
            assertThat(runs).containsExactly(start.plusSeconds(60), start.plusSeconds(960), start.plusSeconds(1860));
            assertThat(heard).hasSize(3).allMatch(RemediationResult::succeeded);
            assertThat(logs.at(Level.INFO)).filteredOn(e -> e.getFormattedMessage().contains("done: wolf restarted"))
                    .hasSize(3);
        }
    }

    @Test
    void runsAfterTheConfiguredNumberOfBadReadingsIfThatComesFirst() {
        probe.thenPlausible().thenAllZero();
        Instant start = clock.instant();
        var config = MonitorConfig.builder().remediateAfter(Duration.ofHours(1)).remediateAfterFailures(3).build();
        pollEvery5s(monitor(config, recording(RemediationResult.succeeded("ok"))), Duration.ofMinutes(1));
        assertThat(runs).containsExactly(start.plusSeconds(15));
    }

    @Test
    void aFailedOrThrowingRemediationIsLoggedAndTriedAgainAfterTheCooldown() {
        probe.thenNvmlUnknownError();
        var config = MonitorConfig.builder().remediateAfterFailures(1).remediationCooldown(Duration.ofMinutes(10)).build();
        List<Integer> attempts = new ArrayList<>();
        Remediation flaky = (host, health) -> {
            attempts.add(attempts.size());
            if (attempts.size() == 1) {
                throw new IllegalStateException("docker socket unreachable");
            }
            return RemediationResult.failed("container refused to stop");
        };
        try (LogCapture logs = LogCapture.library()) {
            pollEvery5s(monitor(config, flaky), Duration.ofMinutes(15));
            assertThat(attempts).hasSize(2);
            assertThat(heard).extracting(RemediationResult::detail)
                    .containsExactly("IllegalStateException: docker socket unreachable", "container refused to stop");
            assertThat(logs.at(Level.WARN)).filteredOn(e -> e.getFormattedMessage().contains("Remediation for host wolf-1 failed"))
                    .hasSize(2);
        }
    }

    @Test
    void neverRunsWhileMonitoringWorks() {
        probe.thenPlausible();
        var config = MonitorConfig.builder().remediateAfterFailures(1).build();
        pollEvery5s(monitor(config, recording(RemediationResult.succeeded("ok"))), Duration.ofMinutes(30));
        assertThat(runs).isEmpty();
    }

    @Test
    void aSlowRemediationRunsOnItsOwnThreadWhilePollingGoesOn() throws Exception {
        probe.thenNvmlUnknownError();
        var config = MonitorConfig.builder().probeInterval(Duration.ofMillis(10)).remediateAfterFailures(1).build();
        HealthMonitor m = monitor(config, slow(t -> t.getName().equals("lobby-governor-health-remediation")));
        m.start();
        try {
            Await.until("the remediation runs", () -> !ranOn.isEmpty());
            int before = probe.calls();
            Await.until("three more polls while it runs", () -> probe.calls() >= before + 3);
            assertThat(ranOn).singleElement().satisfies(t -> {
                assertThat(t.getName()).isEqualTo("lobby-governor-health-remediation");
                assertThat(t.isDaemon()).isTrue();
            });
            assertThat(heard).isEmpty();
            release.countDown();
            Await.until("the listener hears the result", () -> heard.size() == 1);
        } finally {
            m.close();
        }
        ranOn.get(0).join(5_000);
        assertThat(ranOn.get(0).isAlive()).as("the remediation thread ends on close").isFalse();
    }

    @Test
    void aRemediationStillRunningIsNotStartedAgainForTheSameHostWhenItsCooldownPasses() {
        probe.thenNvmlUnknownError();
        var config = MonitorConfig.builder().remediateAfterFailures(1).remediationCooldown(Duration.ofMinutes(15)).build();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            // the given pool's threads, as Executors' default thread factory names them
            HealthMonitor m = builder(config, slow(t -> t.getName().startsWith("pool-")))
                    .remediationExecutor(pool).build();
            // Polls return although the remediation blocks: they run here, on the test thread.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                m.pollOnce();
                Await.until("the remediation runs", () -> !ranOn.isEmpty());
                pollEvery5s(m, Duration.ofMinutes(20));
            });
            assertThat(ranOn).hasSize(1);
            release.countDown();
            Await.until("the remediation returns", () -> heard.size() == 1 && running.get() == 0);
            clock.advance(Duration.ofSeconds(5));
            m.pollOnce();
            Await.until("the next remediation, the cooldown long past", () -> heard.size() == 2);
            assertThat(mostAtOnce).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
