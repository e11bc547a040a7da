package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.StopReason;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code demo} in-process once and checks its timeline against the incident: each test
 * is one promise. The checks read the report's raw facts and the library's log, not the
 * demo's own verdicts (one test also requires those to agree).
 */
class DemoTimelineTest {

    private static final String EXACT_REFUSAL =
            "GPU resource limit reached (5/5 lobbies active). Please close an unused session and try again.";

    static DemoReport report;
    static List<String> logLines;
    static List<String> monitoringLostErrors;

    @BeforeAll
    static void runDemoOnce() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LogCapture logs = LogCapture.library()) {
            report = new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC()).execute();
            logLines = logs.renderedLines();
            monitoringLostErrors = logs.at(Level.ERROR).stream()
                    .map(e -> e.getFormattedMessage())
                    .filter(m -> m.startsWith("GPU monitoring lost on host " + DemoWorld.HOST))
                    .collect(Collectors.toList());
        }
    }

    private static List<DemoReport.Attempt> admitted() {
        return report.attempts().stream().filter(DemoReport.Attempt::admitted).toList();
    }

    private static List<String> lobbiesOf(String project) {
        return admitted().stream().filter(a -> a.project().equals(project)).map(DemoReport.Attempt::lobbyId).toList();
    }

    @Test
    void everyExpectationOfTheDemoHeld() {
        assertThat(report.expectations()).as(report.output())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.held()).as(e.name() + " — observed: " + e.observed()).isTrue());
    }

    @Test
    void refusesTheSixthLobbyWithTheExactActionableMessage() {
        DemoReport.Attempt sixth = report.attempts().get(5);

        assertThat(report.attempts().subList(0, 5)).allMatch(DemoReport.Attempt::admitted);
        assertThat(sixth.admitted()).isFalse();
        assertThat(sixth.refusal()).isEqualTo(EXACT_REFUSAL);
        assertThat(report.output()).contains("REFUSED " + sixth.sessionId() + ": " + EXACT_REFUSAL);
    }

    @Test
    void warnsFirstAtFourOfFive() {
        List<DemoReport.Attempt> a = report.attempts();

        assertThat(a.subList(0, 3)).noneMatch(DemoReport.Attempt::warning);
        assertThat(a.get(3).warning()).isTrue();
        assertThat(a.get(3).activeAfter()).isEqualTo(4);
        assertThat(a.get(3).cap()).isEqualTo(5);
        assertThat(report.output()).contains("WARNING: host wolf-1 is nearly full (4/5 lobbies)");
    }

    @Test
    void detectsLostMonitoringByTheFirstProbeCallAfterNvmlBreaks() {
        assertThat(report.probeCallsToDetect()).isBetween(0, 1);
        assertThat(report.detectionLatency()).isPositive();
        assertThat(report.output()).contains("MONITORING LOST detected");
    }

    @Test
    void logsLostMonitoringOnceWhileItStaysLost() {
        assertThat(report.pollsWhileLost()).isGreaterThanOrEqualTo(IncidentReplay.POLLS_WHILE_LOST);
        assertThat(report.monitoringLostEvents()).isEqualTo(1);
        assertThat(monitoringLostErrors).hasSize(1);
        assertThat(monitoringLostErrors.get(0)).contains("nvidia-smi exited with code 255");
    }

    @Test
    void keepsRefusingWhileBlindCountingTheLeakedLobby() {
        DemoReport.Attempt retry = report.attempts().get(report.attempts().size() - 1);

        assertThat(report.attempts()).hasSize(7);
        assertThat(retry.admitted()).isFalse();
        assertThat(retry.refusal()).contains("(6/5 lobbies active)");
    }

    @Test
    void stopsEveryDeletedSessionsLobbyWithStoredCredentialsAndVerifiesIt() {
        List<String> alpha = lobbiesOf("alpha");
        List<CleanupOutcome.Stopped> stopped = report.cleanup().stream()
                .filter(o -> o instanceof CleanupOutcome.Stopped).map(o -> (CleanupOutcome.Stopped) o).toList();

        assertThat(alpha).hasSize(3);
        assertThat(stopped).extracting(CleanupOutcome::lobbyId).containsExactlyInAnyOrderElementsOf(alpha);
        assertThat(stopped).allMatch(s -> s.reason() == StopReason.SESSION_GONE && s.recordRemoved());
        assertThat(report.lobbiesAtEnd()).doesNotContainAnyElementsOf(alpha);
        assertThat(report.recordsAtEnd()).doesNotContainAnyElementsOf(alpha);
        assertThat(report.cleanup()).noneMatch(o -> o instanceof CleanupOutcome.Failed);
    }

    @Test
    void leavesNothingRunningThatShouldNot() {
        List<String> beta = lobbiesOf("beta");

        assertThat(report.lobbiesAtEnd()).containsExactlyInAnyOrderElementsOf(beta);
        assertThat(report.recordsAtEnd()).containsExactlyInAnyOrderElementsOf(beta);
        assertThat(report.cleanup()).anyMatch(o -> o instanceof CleanupOutcome.OrphanStopped
                && o.lobbyId().equals(report.leakedLobbyId()));
    }

    @Test
    void tellsTheStoryInOrder() {
        List<String> texts = report.timeline().stream().map(Timeline.Entry::text).toList();
        int refusal = indexOf(texts, "REFUSED s-gamma-1: " + EXACT_REFUSAL);
        int leak = indexOf(texts, "directly on Wolf");
        int detected = indexOf(texts, "MONITORING LOST detected");
        int deleted = indexOf(texts, "project alpha deleted");
        int firstStop = indexOf(texts, "STOPPED ");

        assertThat(refusal).isLessThan(leak);
        assertThat(leak).isLessThan(detected);
        assertThat(detected).isLessThan(deleted);
        assertThat(deleted).isLessThan(firstStop);
    }

    @Test
    void finishesWellWithinThirtySeconds() {
        Timeline.Entry last = report.timeline().get(report.timeline().size() - 1);

        assertThat(last.at()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void neverPrintsOrLogsAPin() {
        // a PIN is chosen for every admission asked, before the governor answers: the five
        // admitted lobbies' and those of the refused ones, which are stored with no reservation
        assertThat(report.pins()).hasSizeGreaterThanOrEqualTo(5);
        for (LobbyPin pin : report.pins()) {
            String digits = pin.reveal();
            String array = Arrays.toString(pin.digits());
            assertThat(report.output()).doesNotContain(digits).doesNotContain(array);
            assertThat(logLines).noneMatch(l -> l.contains(digits) || l.contains(array));
        }
    }

    private static int indexOf(List<String> texts, String part) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no timeline entry contains '" + part + "':\n" + String.join("\n", texts));
    }
}
