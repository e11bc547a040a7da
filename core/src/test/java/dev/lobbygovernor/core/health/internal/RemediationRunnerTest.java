package dev.lobbygovernor.core.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lobbygovernor.core.health.HealthClassifier;
import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.MonitorConfig;
import dev.lobbygovernor.core.health.Remediation;
import dev.lobbygovernor.core.health.RemediationResult;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How one remediation runs, what it logs and tells the listeners, and where it runs. */
class RemediationRunnerTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final MonitorConfig config = MonitorConfig.builder().remediationCooldown(Duration.ofMinutes(15)).build();
    private final List<RemediationResult> heard = Collections.synchronizedList(new ArrayList<>());
    private final HealthListener listener = new HealthListener() {
        @Override
        public void onRemediation(String hostId, RemediationResult result) {
            heard.add(result);
        }
    };
    private final HostWatch host = new HostWatch("wolf-1", new ScriptedGpuProbe("nvml", clock).thenNvmlUnknownError(),
            new HostWatch.Context(clock, new HealthClassifier(config.thresholds()), id -> new HostCapacity(0, 5, 4),
                    h -> { }, List.of(), config), clock.instant());

    private RemediationRunner runner(Remediation remediation, Executor executor) {
        return new RemediationRunner(remediation, executor, List.of(listener), config);
    }

    private HostHealth lost() {
        host.remediating.set(true);
        return host.poll();
    }

    private static List<String> messages(LogCapture logs, Level level) {
        return logs.at(level).stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    @Test
    void withoutARemediationNothingIsEnabled() {
        assertThat(runner(null, null).enabled()).isFalse();
        assertThat(runner((h, health) -> RemediationResult.succeeded("ok"), null).enabled()).isTrue();
    }

    @Test
    void aSucceededRemediationIsOneInfoAndReachesTheListenersAndClearsTheMark() {
        List<String> asked = new ArrayList<>();
        RemediationRunner r = runner((h, health) -> {
            asked.add(h + " " + health.status());
            return RemediationResult.succeeded("restarted the streaming server");
        }, null);
        try (LogCapture logs = LogCapture.library()) {
            r.submit(host, lost());
            assertThat(messages(logs, Level.INFO))
                    .containsExactly("Remediation for host wolf-1 done: restarted the streaming server");
            assertThat(logs.at(Level.WARN)).isEmpty();
        }
        assertThat(asked).containsExactly("wolf-1 MONITORING_LOST");
        assertThat(heard).containsExactly(RemediationResult.succeeded("restarted the streaming server"));
        assertThat(host.remediating.get()).isFalse();
    }

    @Test
    void aFailedRemediationIsAWarnSayingWhenTheNextTryMayCome() {
        RemediationRunner r = runner((h, health) -> RemediationResult.failed("docker refused"), null);
        try (LogCapture logs = LogCapture.library()) {
            r.submit(host, lost());
            assertThat(messages(logs, Level.WARN))
                    .containsExactly("Remediation for host wolf-1 failed: docker refused; next try after 15 min 0 s");
        }
        assertThat(heard).containsExactly(RemediationResult.failed("docker refused"));
        assertThat(host.remediating.get()).isFalse();
    }

    @Test
    void aRemediationThatThrowsOrReturnsNothingHasFailedAndSaysHow() {
        try (LogCapture logs = LogCapture.library()) {
            runner((h, health) -> {
                throw new IllegalStateException("socket gone");
            }, null).submit(host, lost());
            runner((h, health) -> null, null).submit(host, lost());
            assertThat(messages(logs, Level.WARN)).containsExactly(
                    "Remediation for host wolf-1 failed: IllegalStateException: socket gone; next try after 15 min 0 s",
                    "Remediation for host wolf-1 failed: the remediation returned no result; next try after 15 min 0 s");
        }
        assertThat(heard).containsExactly(RemediationResult.failed("IllegalStateException: socket gone"),
                RemediationResult.failed("the remediation returned no result"));
        assertThat(host.remediating.get()).isFalse();
    }

    @Test
    void anExecutorThatRefusesTheRunIsAWarnAndClearsTheMark() {
        List<String> ran = new ArrayList<>();
        RemediationRunner r = runner((h, health) -> {
            ran.add(h);
            return RemediationResult.succeeded("ok");
        }, task -> {
            throw new RejectedExecutionException("shut down");
        });
        try (LogCapture logs = LogCapture.library()) {
            r.submit(host, lost());
            assertThat(messages(logs, Level.WARN))
                    .containsExactly("Remediation for host wolf-1 not run: its executor refused it");
        }
        assertThat(ran).isEmpty();
        assertThat(heard).isEmpty();
        assertThat(host.remediating.get()).isFalse();
    }

    @Test
    void aGivenExecutorRunsTheRemediationAndStartMakesNoThreadOfItsOwn() {
        List<Runnable> queued = new ArrayList<>();
        RemediationRunner r = runner((h, health) -> RemediationResult.succeeded("ok"), queued::add);
        r.start();
        r.submit(host, lost());
        assertThat(queued).hasSize(1);
        assertThat(heard).isEmpty();
        assertThat(host.remediating.get()).as("marked until the run returns").isTrue();
        queued.get(0).run();
        assertThat(heard).containsExactly(RemediationResult.succeeded("ok"));
        assertThat(host.remediating.get()).isFalse();
    }

    @Test
    void onceStartedItRunsOnItsOwnNamedDaemonThreadAndAfterCloseRunsNothing() throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        RemediationRunner r = runner((h, health) -> {
            ranOn.complete(Thread.currentThread());
            return RemediationResult.succeeded("ok");
        }, null);
        r.start();
        r.start();
        r.submit(host, lost());
        Thread thread = ranOn.get(10, TimeUnit.SECONDS);
        assertThat(thread.getName()).isEqualTo("lobby-governor-health-remediation");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread).isNotSameAs(Thread.currentThread());
        r.close();
        thread.join(10_000);
        assertThat(thread.isAlive()).as("close stops the thread").isFalse();

        List<String> after = new ArrayList<>();
        RemediationRunner closed = runner((h, health) -> {
            after.add(h);
            return RemediationResult.succeeded("ok");
        }, null);
        closed.start();
        closed.close();
        try (LogCapture logs = LogCapture.library()) {
            closed.submit(host, lost());
            assertThat(logs.at(Level.WARN)).as("a closed runner drops the run quietly").isEmpty();
        }
        assertThat(after).isEmpty();
        assertThat(host.remediating.get()).isFalse();
    }

    @Test
    void aRunnerClosedBeforeItStartedStartsNoThreadAndRunsInline() {
        List<Thread> ranOn = new ArrayList<>();
        RemediationRunner r = runner((h, health) -> {
            ranOn.add(Thread.currentThread());
            return RemediationResult.succeeded("ok");
        }, null);
        r.close();
        r.start();
        r.submit(host, lost());
        assertThat(ranOn).containsExactly(Thread.currentThread());
    }
}
