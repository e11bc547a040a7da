package dev.lobbygovernor.core.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.CapacitySource;
import dev.lobbygovernor.core.health.HealthClassifier;
import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.MonitorConfig;
import dev.lobbygovernor.core.health.ServerHealth;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerReportException;
import dev.lobbygovernor.core.health.ServerReporter;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One host's polls, driven by hand on a clock the test moves: what each poll logs, tells the
 * listeners and decides about remediation, with every interval pinned on both sides of its edge.
 */
class HostWatchTest {

    private static final Instant T0 = Instant.parse("2025-01-10T12:28:18Z");

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);
    private CapacitySource capacity = id -> new HostCapacity(0, 5, 4);
    private Consumer<HostHealth> sink = h -> { };
    private final List<String> heard = new ArrayList<>();
    private final HealthListener listener = new HealthListener() {
        @Override
        public void onStatusChanged(HostHealth previous, HostHealth current) {
            heard.add(previous.status() + "->" + current.status());
        }

        @Override
        public void onMonitoringLost(HostHealth health) {
            heard.add("lost");
        }

        @Override
        public void onMonitoringRestored(HostHealth health, Duration darkFor) {
            heard.add("restored after " + darkFor);
        }
    };
    private MonitorConfig config = MonitorConfig.builder().recoveryReadings(1).build();

    private HostWatch watch() {
        return watch(probe, null);
    }

    private HostWatch watch(GpuProbe gpu, ServerReporter server) {
        var context = new HostWatch.Context(clock, new HealthClassifier(config.thresholds()), capacity, sink,
                List.of(listener), config);
        return new HostWatch("wolf-1", gpu, server, context, clock.instant());
    }

    private void advance(Duration d) {
        clock.advance(d);
    }

    private static List<String> messages(LogCapture logs, Level level) {
        return logs.at(level).stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    private static Map<String, Object> fields(ILoggingEvent e) {
        return e.getKeyValuePairs() == null ? Map.of()
                : e.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    }

    private static HealthReason.ProbeFailed probeFailure(HostHealth h) {
        return h.reasons().stream().filter(HealthReason.ProbeFailed.class::isInstance)
                .map(HealthReason.ProbeFailed.class::cast).findFirst().orElseThrow();
    }

    @Test
    void durationsReadInSecondsBelowTwoMinutesInMinutesBelowTwoHoursThenInHours() {
        assertThat(HostWatch.human(Duration.ZERO)).isEqualTo("0 s");
        assertThat(HostWatch.human(Duration.ofSeconds(119))).isEqualTo("119 s");
        assertThat(HostWatch.human(Duration.ofSeconds(120))).isEqualTo("2 min 0 s");
        assertThat(HostWatch.human(Duration.ofSeconds(135))).isEqualTo("2 min 15 s");
        assertThat(HostWatch.human(Duration.ofSeconds(7199))).isEqualTo("119 min 59 s");
        assertThat(HostWatch.human(Duration.ofSeconds(7200))).isEqualTo("2 h 0 min");
        assertThat(HostWatch.human(Duration.ofSeconds(3 * 3600 + 5 * 60 + 7))).isEqualTo("3 h 5 min");
    }

    @Test
    void aHostNotPolledYetIsUnknown() {
        HostWatch w = watch();
        assertThat(w.hostId()).isEqualTo("wolf-1");
        assertThat(w.health().status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(w.health().evaluatedAt()).isEqualTo(T0);
    }

    @Test
    void aProbeThatReturnsNoSampleIsAFailedReadingThatSaysSo() {
        GpuProbe empty = new GpuProbe() {
            @Override
            public String name() {
                return "empty";
            }

            @Override
            public GpuSample sample() {
                return null;
            }
        };
        HostHealth h = watch(empty, null).poll();
        assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(probeFailure(h).cause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(probeFailure(h).probeName()).isEqualTo("empty");
        assertThat(probeFailure(h).detail()).isEqualTo("the probe returned no sample");
    }

    @Test
    void aProbeThatThrowsUncheckedIsAFailedReadingNamingTheException() {
        probe.thenThrow(new IllegalStateException("parser bug"));
        HostHealth h = watch().poll();
        assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(probeFailure(h).cause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(probeFailure(h).detail()).isEqualTo("the probe threw IllegalStateException: parser bug");
    }

    @Test
    void anOverduePollIsATimeoutThatSaysHowLongTheProbeHasNotReturned() {
        probe.thenPlausible();
        HostWatch w = watch();
        w.poll();
        advance(Duration.ofSeconds(20));
        HostHealth h = w.overdue(Duration.ofSeconds(125));
        assertThat(h.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(h.evaluatedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(probeFailure(h).cause()).isEqualTo(ProbeFailureCause.TIMEOUT);
        assertThat(probeFailure(h).detail())
                .isEqualTo("the probe has not returned for 2 min 5 s; other hosts are polled meanwhile");
        assertThat(w.health()).isSameAs(h);
    }

    @Test
    void eachStatusChangeIsOneInfoWithItsReasonsAndOneListenerCall() {
        int[] active = {0};
        capacity = id -> new HostCapacity(active[0], 5, 4);
        probe.thenPlausible();
        HostWatch w = watch();
        try (LogCapture logs = LogCapture.library()) {
            w.poll();
            w.poll();
            active[0] = 4;
            w.poll();
            assertThat(messages(logs, Level.INFO)).containsExactly(
                    "Host wolf-1 health changed from UNKNOWN to HEALTHY: no reasons",
                    "Host wolf-1 health changed from HEALTHY to WARNING: near capacity: 4/5 lobbies");
        }
        assertThat(heard).containsExactly("UNKNOWN->HEALTHY", "HEALTHY->WARNING");
    }

    @Test
    void enteringLostLogsTheCauseAndWhenTheLastGoodSampleWasAndTellsTheListenersOnce() {
        probe.thenPlausible().thenNvmlUnknownError();
        HostWatch w = watch();
        w.poll();
        advance(Duration.ofSeconds(5));
        try (LogCapture logs = LogCapture.library()) {
            w.poll();
            advance(Duration.ofSeconds(5));
            w.poll();
            ILoggingEvent error = logs.at(Level.ERROR).get(0);
            assertThat(logs.at(Level.ERROR)).hasSize(1);
            assertThat(error.getFormattedMessage()).startsWith("GPU monitoring lost on host wolf-1: GPU probe nvml failed"
                    + " (INIT_FAILED): scripted INIT_FAILED failure of nvml [Failed to initialize NVML: Unknown Error]. ");
            assertThat(fields(error)).containsEntry("host", "wolf-1")
                    .containsEntry("lastGoodSampleAt", T0.toString()).doesNotContainKey("otherReasons");
        }
        assertThat(heard).containsExactly("UNKNOWN->HEALTHY", "HEALTHY->MONITORING_LOST", "lost");
    }

    @Test
    void aHostLostFromItsFirstReadingSaysItNeverHadAGoodSampleAndListsTheOtherReasonsApart() {
        capacity = id -> new HostCapacity(5, 5, 4);
        probe.thenNvmlUnknownError();
        try (LogCapture logs = LogCapture.library()) {
            watch().poll();
            ILoggingEvent error = logs.at(Level.ERROR).get(0);
            assertThat(fields(error)).containsEntry("lastGoodSampleAt", "never")
                    .containsEntry("otherReasons", "at capacity: 5/5 lobbies");
            assertThat(error.getFormattedMessage()).doesNotContain("at capacity");
        }
    }

    @Test
    void whileLostTheReminderComesExactlyWhenTheIntervalHasPassedNotBefore() {
        config = MonitorConfig.builder().recoveryReadings(1).reminderInterval(Duration.ofMinutes(5)).build();
        probe.thenNvmlUnknownError();
        HostWatch w = watch();
        try (LogCapture logs = LogCapture.library()) {
            w.poll();
            advance(Duration.ofMinutes(5).minusMillis(1));
            w.poll();
            assertThat(logs.at(Level.WARN)).isEmpty();
            advance(Duration.ofMillis(1));
            w.poll();
            assertThat(logs.at(Level.WARN)).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("GPU monitoring on host wolf-1 still lost after 5 min 0 s:"
                        + " GPU probe nvml failed (INIT_FAILED): scripted INIT_FAILED failure of nvml"
                        + " [Failed to initialize NVML: Unknown Error]");
                assertThat(fields(e)).containsEntry("darkForSeconds", 300L).containsEntry("flaps", 0);
            });
            advance(Duration.ofMinutes(5).minusMillis(1));
            w.poll();
            assertThat(logs.at(Level.WARN)).hasSize(1);
            advance(Duration.ofMillis(1));
            w.poll();
            assertThat(logs.at(Level.WARN)).hasSize(2);
            assertThat(logs.at(Level.WARN).get(1).getFormattedMessage()).contains("still lost after 10 min 0 s");
        }
    }

    @Test
    void theReminderCountsReadingsThatFlappedGoodThenBadAgain() {
        config = MonitorConfig.builder().recoveryReadings(3).reminderInterval(Duration.ofMinutes(1)).build();
        probe.thenNvmlUnknownError().thenPlausible().thenNvmlUnknownError().thenPlausible().times(2)
                .thenNvmlUnknownError();
        HostWatch w = watch();
        try (LogCapture logs = LogCapture.library()) {
            for (int i = 0; i < 6; i++) {
                w.poll();
                advance(Duration.ofSeconds(10));
            }
            assertThat(w.health().status()).isEqualTo(HealthStatus.MONITORING_LOST);
            advance(Duration.ofMinutes(1));
            w.poll();
            assertThat(logs.at(Level.WARN)).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).endsWith(
                        "; readings flapped 2 times (good, then bad again before 3 good in a row)");
                assertThat(fields(e)).containsEntry("flaps", 2);
            });
        }
    }

    @Test
    void recoveryIsOneInfoSayingHowLongItWasDarkAndTellsTheListeners() {
        probe.thenPlausible().thenNvmlUnknownError().times(3).thenPlausible();
        HostWatch w = watch();
        try (LogCapture logs = LogCapture.library()) {
            for (int i = 0; i < 5; i++) {
                w.poll();
                advance(Duration.ofSeconds(45));
            }
            assertThat(messages(logs, Level.INFO)).contains(
                    "GPU monitoring restored on host wolf-1 after 2 min 15 s dark; status HEALTHY");
            assertThat(logs.at(Level.INFO)).filteredOn(e -> e.getFormattedMessage().contains("restored"))
                    .singleElement().satisfies(e -> assertThat(fields(e)).containsEntry("darkForSeconds", 135L)
                            .containsEntry("source", "nvml"));
        }
        assertThat(heard).containsExactly("UNKNOWN->HEALTHY", "HEALTHY->MONITORING_LOST", "lost",
                "MONITORING_LOST->HEALTHY", "restored after PT2M15S");
    }

    @Test
    void aThrowingSinkIsWarnedAboutOncePerReminderIntervalAndTheHealthStillChanges() {
        config = MonitorConfig.builder().recoveryReadings(1).reminderInterval(Duration.ofMinutes(5)).build();
        sink = h -> {
            throw new IllegalStateException("sink bug");
        };
        probe.thenPlausible();
        HostWatch w = watch();
        try (LogCapture logs = LogCapture.library()) {
            assertThat(w.poll().status()).isEqualTo(HealthStatus.HEALTHY);
            advance(Duration.ofMinutes(5).minusMillis(1));
            w.poll();
            assertThat(messages(logs, Level.WARN)).containsExactly("Health sink threw for host wolf-1; ignored");
            advance(Duration.ofMillis(1));
            w.poll();
            assertThat(logs.at(Level.WARN)).hasSize(2);
            assertThat(logs.at(Level.WARN).get(1).getThrowableProxy().getMessage()).isEqualTo("sink bug");
        }
        assertThat(heard).containsExactly("UNKNOWN->HEALTHY");
    }

    @Test
    void aFailingCapacitySourceKeepsTheLastKnownCapacityAndIsWarnedAboutOncePerInterval() {
        config = MonitorConfig.builder().recoveryReadings(1).reminderInterval(Duration.ofMinutes(5)).build();
        Deque<HostCapacity> answers = new ArrayDeque<>(List.of(new HostCapacity(5, 5, 4)));
        capacity = id -> {
            HostCapacity next = answers.poll();
            if (next == null) {
                throw new IllegalStateException("store unreachable");
            }
            return next;
        };
        probe.thenPlausible();
        HostWatch w = watch();
        try (LogCapture logs = LogCapture.library()) {
            w.poll();
            advance(Duration.ofSeconds(5));
            HostHealth kept = w.poll();
            assertThat(kept.reasons()).contains(new HealthReason.AtCapacity(5, 5));
            assertThat(messages(logs, Level.WARN))
                    .containsExactly("Capacity source threw for host wolf-1; using the last known capacity");
            advance(Duration.ofMinutes(5).minusMillis(1));
            w.poll();
            assertThat(logs.at(Level.WARN)).hasSize(1);
            advance(Duration.ofMillis(1));
            w.poll();
            assertThat(logs.at(Level.WARN)).hasSize(2);
        }
    }

    @Test
    void beforeTheCapacitySourceEverAnswersTheHostCountsAsHavingNoLobbies() {
        capacity = id -> null;
        probe.thenPlausible();
        try (LogCapture logs = LogCapture.library()) {
            HostHealth h = watch().poll();
            assertThat(h.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(h.reasons()).isEmpty();
            assertThat(logs.at(Level.WARN)).singleElement().satisfies(e ->
                    assertThat(e.getThrowableProxy().getMessage()).isEqualTo("capacity"));
        }
    }

    @Test
    void remediationIsDueOnceMonitoringHasBeenLostForTheConfiguredTimeNotBefore() {
        config = MonitorConfig.builder().recoveryReadings(1).remediateAfter(Duration.ofSeconds(60))
                .remediateAfterFailures(1_000).build();
        probe.thenNvmlUnknownError();
        HostWatch w = watch();
        w.poll();
        assertThat(w.remediationDue(config)).isFalse();
        advance(Duration.ofSeconds(59));
        w.poll();
        assertThat(w.remediationDue(config)).isFalse();
        advance(Duration.ofSeconds(1));
        w.poll();
        try (LogCapture logs = LogCapture.library()) {
            assertThat(w.remediationDue(config)).isTrue();
            assertThat(messages(logs, Level.WARN)).containsExactly(
                    "GPU monitoring on host wolf-1 lost for 60 s (3 bad readings in a row); running remediation");
        }
        assertThat(w.remediating.get()).isTrue();
        assertThat(w.remediationDue(config)).as("not while it runs").isFalse();
    }

    @Test
    void remediationIsDueAtTheConfiguredNumberOfBadReadingsNotBefore() {
        config = MonitorConfig.builder().recoveryReadings(1).remediateAfter(Duration.ofHours(1))
                .remediateAfterFailures(3).build();
        probe.thenNvmlUnknownError();
        HostWatch w = watch();
        w.poll();
        w.poll();
        assertThat(w.remediationDue(config)).isFalse();
        w.poll();
        assertThat(w.remediationDue(config)).isTrue();
    }

    @Test
    void afterARemediationTheNextWaitsForTheCoolDownToPassNotLonger() {
        config = MonitorConfig.builder().recoveryReadings(1).remediateAfter(Duration.ofHours(1))
                .remediateAfterFailures(1).remediationCooldown(Duration.ofMinutes(15)).build();
        probe.thenNvmlUnknownError();
        HostWatch w = watch();
        w.poll();
        assertThat(w.remediationDue(config)).isTrue();
        w.remediating.set(false);
        advance(Duration.ofMinutes(15).minusMillis(1));
        w.poll();
        assertThat(w.remediationDue(config)).isFalse();
        advance(Duration.ofMillis(1));
        w.poll();
        assertThat(w.remediationDue(config)).isTrue();
    }

    @Test
    void noRemediationForAHostThatIsNotLostOrWhoseReadingsAreGoodAgain() {
        config = MonitorConfig.builder().recoveryReadings(3).remediateAfterFailures(1).build();
        probe.thenPlausible().thenNvmlUnknownError().thenPlausible();
        HostWatch w = watch();
        w.poll();
        assertThat(w.remediationDue(config)).as("healthy").isFalse();
        w.poll();
        w.poll();
        assertThat(w.health().status()).as("recovering, not yet recovered").isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(w.remediationDue(config)).isFalse();
    }

    /** A server reporter that plays its answers in order, the last one repeating. */
    private static final class ScriptedServer implements ServerReporter {
        private final Deque<Object> answers = new ArrayDeque<>();

        ScriptedServer then(Object answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public String name() {
            return "Wolf";
        }

        @Override
        public ServerReport report() throws ServerReportException {
            Object next = answers.size() > 1 ? answers.poll() : answers.peek();
            if (next instanceof ServerReportException e) {
                throw e;
            }
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (ServerReport) next;
        }
    }

    private static ServerReport fine() {
        return ServerReport.answered("Wolf", T0, Optional.of(new ServerHealth(true, "ok", 0, 4, null)), Optional.empty());
    }

    private static ServerReport unsupported() {
        return ServerReport.answered("Wolf", T0, Optional.empty(), Optional.empty());
    }

    @Test
    void aServerWithoutAHealthReportIsSaidOnceAtInfoNeverAsAFailure() {
        probe.thenPlausible();
        HostWatch w = watch(probe, new ScriptedServer().then(unsupported()));
        try (LogCapture logs = LogCapture.library()) {
            w.poll();
            w.poll();
            w.poll();
            assertThat(messages(logs, Level.INFO)).filteredOn(m -> m.contains("not supported")).containsExactly(
                    "Host wolf-1: Wolf has no health report of its own (not supported by this Wolf); not a failure:"
                            + " its GPU and lobbies are still watched");
            assertThat(logs.at(Level.WARN)).isEmpty();
        }
    }

    @Test
    void aServerThatStopsAnsweringIsOneWarnWhenItStartsAndOneInfoWhenItAnswersAgain() {
        probe.thenPlausible();
        var server = new ScriptedServer().then(fine()).then(new ServerReportException("connection refused", null))
                .then(new ServerReportException("connection refused", null)).then(fine());
        HostWatch w = watch(probe, server);
        try (LogCapture logs = LogCapture.library()) {
            w.poll();
            HostHealth failing = w.poll();
            assertThat(failing.reasons()).contains(new HealthReason.ServerReportUnreadable("Wolf", "connection refused"));
            w.poll();
            assertThat(messages(logs, Level.WARN)).containsExactly(
                    "Host wolf-1: Wolf's own health report could not be read: connection refused");
            assertThat(messages(logs, Level.INFO)).noneMatch(m -> m.contains("answers its health report again"));
            w.poll();
            assertThat(messages(logs, Level.INFO)).filteredOn(m -> m.contains("answers its health report again"))
                    .containsExactly("Host wolf-1: Wolf answers its health report again");
            assertThat(logs.at(Level.WARN)).hasSize(1);
        }
    }

    @Test
    void aServerThatIsUnreadableFromTheStartIsWarnedAboutAtOnce() {
        probe.thenPlausible();
        HostWatch w = watch(probe, new ScriptedServer().then(new IllegalStateException("decoder bug")));
        try (LogCapture logs = LogCapture.library()) {
            w.poll();
            assertThat(messages(logs, Level.WARN))
                    .containsExactly("Host wolf-1: Wolf's own health report could not be read: decoder bug");
            assertThat(messages(logs, Level.INFO)).noneMatch(m -> m.contains("answers its health report again"));
        }
    }

    @Test
    void aServerAnswerWithoutTextOrWithoutAReportIsStillAnUnreadableReportThatSaysWhat() {
        probe.thenPlausible();
        HostWatch nothing = watch(probe, new ScriptedServer().then(new IllegalStateException()));
        assertThat(nothing.poll().reasons())
                .contains(new HealthReason.ServerReportUnreadable("Wolf", "IllegalStateException"));
        HostWatch nullReport = watch(probe, new ServerReporter() {
            @Override
            public String name() {
                return "Wolf";
            }

            @Override
            public ServerReport report() {
                return null;
            }
        });
        assertThat(nullReport.poll().reasons())
                .contains(new HealthReason.ServerReportUnreadable("Wolf", "report() returned null"));
    }

    @Test
    void anOverduePollKeepsTheServersLastReport() {
        probe.thenPlausible();
        var critical = ServerReport.answered("Wolf", T0, Optional.of(new ServerHealth(false, "critical", 0, 4, null)),
                Optional.empty());
        HostWatch w = watch(probe, new ScriptedServer().then(critical));
        w.poll();
        HostHealth h = w.overdue(Duration.ofSeconds(20));
        assertThat(h.server()).contains(critical);
        assertThat(h.serverCritical()).isTrue();
    }

    @Test
    void aServerThatNamesStuckThreadsIsAReasonAndOneWithNoneIsNot() {
        probe.thenPlausible();
        var stuck = ServerReport.answered("Wolf", T0,
                Optional.of(new ServerHealth(true, "ok", 1, 4, List.of("encoder-0"))), Optional.empty());
        assertThat(watch(probe, new ScriptedServer().then(stuck)).poll().reasons())
                .containsExactly(new HealthReason.ServerThreadsStuck("Wolf", 1, 4, List.of("encoder-0")));
        assertThat(watch(probe, new ScriptedServer().then(fine())).poll().reasons()).isEmpty();
    }
}
