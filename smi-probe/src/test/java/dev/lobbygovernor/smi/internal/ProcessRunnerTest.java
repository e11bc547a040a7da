package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner kills every process of a run that it can find, and remembers the pipe readers that
 * a process it could neither find nor kill still holds open, one pipe at a time.
 */
class ProcessRunnerTest {

    /** Long enough for a script to start its child and write its pid file on a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner(ProcessRunner.daemonThreads("test-drain"),
            ProcessHandle::destroyForcibly);

    @BeforeEach
    void needsProcfs() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs procfs (Linux)");
    }

    @AfterEach
    void killTheChild() throws IOException {
        Path pid = dir.resolve("child.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private ProcessRunner.Result run(String script, Duration timeout) throws Exception {
        return runner.run(List.of("sh", "-c", script), timeout, 1000, 1000);
    }

    private long child() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
    }

    private static boolean live(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isLive).orElse(false);
    }

    /**
     * A child that drops the run's marker and lets go of its output, started by a script that
     * exits after {@code then}: once the script is gone, nothing ties the child to the run.
     */
    private String unmarkedChild(String redirect, String then) {
        return "env -u " + RunMarker.VARIABLE + " sleep 300 " + redirect + " & echo $! > '"
                + dir.resolve("child.pid") + "'; " + then;
    }

    @Test
    void timedOutRunKillsAChildThatDroppedTheMarkerWhileItStillDescendsFromTheRun() throws Exception {
        ProcessRunner.Result r = run(unmarkedChild(">/dev/null 2>&1", "wait"), TIMEOUT);

        assertThat(r.ending()).isEqualTo(ProcessRunner.Ending.TIMED_OUT);
        assertThat(live(child())).as("the unmarked child").isFalse();
        assertThat(r.killed()).as("the script and its child").isEqualTo(2);
        assertThat(r.stuck()).isEmpty();
    }

    @Test
    void runWhosePipeReadersCannotStartIsKilledAndTheRefusalPassedOn() {
        List<ProcessHandle> killed = new CopyOnWriteArrayList<>();
        ProcessRunner refusing = new ProcessRunner(task -> {
            throw new RejectedExecutionException("no threads left");
        }, p -> {
            killed.add(p);
            p.destroyForcibly();
        });

        assertThatThrownBy(() -> refusing.run(List.of("sleep", "30"), TIMEOUT, 100, 100))
                .isInstanceOf(RejectedExecutionException.class).hasMessage("no threads left");
        assertThat(killed).as("the process, killed rather than left to fill its pipes").isNotEmpty()
                .allSatisfy(p -> assertThat(ProcessTree.isLive(p)).isFalse());
    }

    @Test
    void unfoundLeftoverHoldingOnlyStderrLeavesThatReaderOpenUntilItDies() throws Exception {
        // the script exits a second after starting the child, while its readers wait for more
        ProcessRunner.Result r = run(unmarkedChild(">/dev/null", "echo answer; sleep 1"), TIMEOUT);

        assertThat(r.ending()).isEqualTo(ProcessRunner.Ending.EXITED);
        assertThat(r.stdout()).isEqualTo("answer\n");
        assertThat(runner.readersStillOpen(Duration.ZERO)).as("the stderr reader").isTrue();

        ProcessHandle.of(child()).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(runner.readersStillOpen(Duration.ofSeconds(10))).as("once the child died").isFalse();
    }

    @Test
    void unfoundLeftoverHoldingOnlyStdoutLeavesThatReaderOpenUntilItDies() throws Exception {
        ProcessRunner.Result r = run(unmarkedChild("2>/dev/null", "echo answer; sleep 1"), TIMEOUT);

        assertThat(r.ending()).isEqualTo(ProcessRunner.Ending.EXITED);
        assertThat(r.stdout()).isEqualTo("answer\n");
        assertThat(runner.readersStillOpen(Duration.ZERO)).as("the stdout reader").isTrue();

        ProcessHandle.of(child()).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(runner.readersStillOpen(Duration.ofSeconds(10))).as("once the child died").isFalse();
    }

    @Test
    void interruptedCallerStopsWaitingForOpenReadersAndKeepsItsInterrupt() throws Exception {
        run(unmarkedChild(">/dev/null", "sleep 1"), TIMEOUT);

        Thread.currentThread().interrupt();
        try {
            assertThat(runner.readersStillOpen(Duration.ofMinutes(5))).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void leftoverFoundByTheMarkerIsKilledAndLeavesNoReaderOpen() throws Exception {
        ProcessRunner.Result r = run("sleep 300 & echo $! > '" + dir.resolve("child.pid") + "'; echo answer; sleep 1",
                TIMEOUT);

        assertThat(r.ending()).isEqualTo(ProcessRunner.Ending.EXITED);
        assertThat(r.stdout()).isEqualTo("answer\n");
        assertThat(live(child())).as("the marked child").isFalse();
        assertThat(runner.readersStillOpen(Duration.ZERO)).isFalse();
    }
}
