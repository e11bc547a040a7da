package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examination's deadline: a check blocked in the driver never holds the caller. */
class ExaminationTest {

    private static final Finding NODES_OK = new Finding(Check.DEVICE_NODES, FindingStatus.OK,
            FindingCode.DEVICES_OPEN, "Opened /dev/nvidia0.", List.of(), "");

    @Test
    @Timeout(60)
    void aBlockedCheckTimesOutAndTheRestAreNotRun() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        long started = System.nanoTime();

        List<Finding> findings = Examination.within(Duration.ofMillis(300), sink -> {
            sink.accept(NODES_OK);
            try {
                never.await(); // a device open stuck in a wedged driver
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // a real blocked open ignores the interrupt; stay blocked-looking by delivering nothing
            }
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(findings).extracting(Finding::check).containsExactly(Check.values());
        assertThat(findings.get(0)).isEqualTo(NODES_OK);
        assertThat(findings.get(1).code()).isEqualTo(FindingCode.TIMED_OUT);
        assertThat(findings.get(1).summary()).contains("did not finish within 300 ms");
        assertThat(findings.get(2).code()).isEqualTo(FindingCode.TIMED_OUT);
        assertThat(findings.get(2).summary()).startsWith("Not run");
        assertThat(findings.subList(1, findings.size())).allSatisfy(f -> assertThat(f.action()).contains("dmesg"));
    }

    @Test
    void aCheckThatThrowsBecomesAFindingNotAnException() {
        List<Finding> findings = Examination.within(Duration.ofSeconds(30), sink -> {
            sink.accept(NODES_OK);
            throw new IllegalStateException("boom");
        });

        assertThat(findings.get(0)).isEqualTo(NODES_OK);
        assertThat(findings.subList(1, findings.size())).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.CHECK_FAILED);
            assertThat(f.evidence()).singleElement().asString().contains("boom");
        });
    }

    @Test
    void runsOnANamedDaemonThread() {
        Thread[] seen = new Thread[1];
        Examination.within(Duration.ofSeconds(30), sink -> seen[0] = Thread.currentThread());

        assertThat(seen[0].getName()).isEqualTo(Examination.THREAD_NAME);
        assertThat(seen[0].isDaemon()).isTrue();
    }

    @Test
    void refusesADeadlineThatIsNotPositive() {
        assertThatThrownBy(() -> Examination.within(Duration.ZERO, sink -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline must be positive");
        assertThatThrownBy(() -> Examination.within(Duration.ofMillis(-1), sink -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the examination's deadline must be positive, was PT-0.001S");
    }

    @Test
    @Timeout(60)
    void theBlockedWorkerIsInterruptedAtTheDeadline() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);

        List<Finding> findings = Examination.within(Duration.ofMillis(50), sink -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });

        assertThat(findings.get(0).summary()).isEqualTo("The check did not finish within 50 ms: a device open or a"
                + " driver file read is blocked, which a wedged driver does.");
        assertThat(findings).allSatisfy(f -> assertThat(f.evidence()).containsExactly("deadline 50 ms"));
        assertThat(interrupted.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anInterruptedCallerStopsWaitingAndKeepsItsInterrupt() {
        CountDownLatch release = new CountDownLatch(1);
        Thread.currentThread().interrupt();
        try {
            List<Finding> findings = Examination.within(Duration.ofSeconds(30), sink -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(findings).extracting(Finding::code).containsOnly(FindingCode.TIMED_OUT);
        } finally {
            Thread.interrupted();
            release.countDown();
        }
    }

    @Test
    void workThatEndsEarlyLeavesTheRestFailed() {
        List<Finding> findings = Examination.within(Duration.ofSeconds(30), sink -> sink.accept(NODES_OK));

        assertThat(findings.get(0)).isEqualTo(NODES_OK);
        assertThat(findings.subList(1, findings.size())).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.CHECK_FAILED);
            assertThat(f.summary()).isEqualTo("The check failed unexpectedly: 'the examination stopped before this"
                    + " check'.");
            assertThat(f.evidence()).containsExactly("the examination stopped before this check");
            assertThat(f.action()).startsWith("Run the doctor again with --verbose");
        });
    }

    @Test
    void findingsComeBackInCheckOrderWhateverTheOrderDelivered() {
        Finding cgroup = new Finding(Check.DEVICE_CGROUP, FindingStatus.NOT_APPLICABLE, FindingCode.CGROUP_V2,
                "cgroup v2.", List.of(), "");
        Finding cgroupAgain = new Finding(Check.DEVICE_CGROUP, FindingStatus.NOT_APPLICABLE, FindingCode.NO_CGROUP,
                "No cgroup.", List.of(), "");

        List<Finding> findings = Examination.within(Duration.ofSeconds(30), sink -> {
            sink.accept(cgroup);
            sink.accept(NODES_OK);
            sink.accept(cgroupAgain);
        });

        assertThat(findings.subList(0, 2)).containsExactly(NODES_OK, cgroup);
    }
}
