package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.smi.internal.ProcessRunner;
import dev.lobbygovernor.smi.internal.ProcessTree;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the probe runs nvidia-smi: timeouts, kills, floods, pipes, one run at a time. */
class NvidiaSmiGpuProbeProcessTest {

    /** Long enough for the script to start its child and write its pid files on a loaded machine. */
    private static final Duration SHORT = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-01-01T12:35:00Z");

    @Test
    void hangingRunIsKilledAtTheTimeoutWithTheChildItStarted() throws Exception {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("hang-with-child.sh", dir);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().timeout(SHORT).build(), clock);
        long start = System.nanoTime();
        ProbeException e = catchThrowableOfType(probe::sample, ProbeException.class);
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SHORT.plusSeconds(4));
        assertThat(live(smi.pid("parent.pid"))).as("the nvidia-smi process").isFalse();
        assertThat(live(smi.pid("child.pid"))).as("the child it started").isFalse();
    }

    @Test
    void killAtTheTimeoutIsLoggedOnlyAtDebugWithThePidAndHowManyProcessesDied() throws Exception {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("hang-with-child.sh", dir);
        try (LogCapture logs = LogCapture.library()) {
            catchThrowableOfType(new NvidiaSmiGpuProbe(smi.config().timeout(SHORT).build(), clock)::sample,
                    ProbeException.class);
            String pid = "pid=" + smi.pid("parent.pid");
            assertThat(logs.renderedLines()).anyMatch(l -> l.startsWith("DEBUG") && l.contains("killed=2")
                    && l.contains(pid));
            // the failure travels in the ProbeException; the health monitor logs it once per transition
            assertThat(logs.at(Level.WARN)).isEmpty();
            assertThat(logs.at(Level.ERROR)).isEmpty();
        }
    }

    @Test
    void endlessStderrFloodIsKilledAtTheCapLongBeforeTheTimeout() {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("stderr-flood.sh", dir);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().timeout(Duration.ofSeconds(60)).build(), clock);
        long start = System.nanoTime();
        ProbeException e = catchThrowableOfType(probe::sample, ProbeException.class);
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("was killed", "warning: something is very wrong");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void stderrWrittenBeforeTheAnswerIsDrainedSoTheAnswerArrives() throws ProbeException {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("stderr-before-stdout.sh", dir);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().maxStderrBytes(256 * 1024)
                .timeout(Duration.ofSeconds(20)).build(), clock);
        assertThat(probe.sample().devices()).hasSize(1);
    }

    @Test
    void neverRunsTwoNvidiaSmiAtOnceWhateverTheNumberOfCallers() throws Exception {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("one-at-a-time.sh", dir);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().timeout(Duration.ofSeconds(20)).build(), clock);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<GpuSample>> samples = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                samples.add(callers.submit(probe::sample));
            }
            for (Future<GpuSample> f : samples) {
                assertThat(f.get().devices()).hasSize(1);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(smi.lines("runs")).isEqualTo(24);
        assertThat(smi.lines("overlaps")).as("runs that overlapped another").isZero();
    }

    @Test
    void runThatSurvivesItsKillBlocksFurtherRunsUntilItIsGone() throws Exception {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("hang-with-child.sh", dir);
        AtomicBoolean unkillable = new AtomicBoolean(true);
        ProcessRunner runner = new ProcessRunner(ProcessRunner.daemonThreads("test-drain"), p -> {
            if (!unkillable.get()) {
                p.destroyForcibly();
            }
        });
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().timeout(SHORT).build(), clock, runner);
        try {
            assertThat(catchThrowableOfType(probe::sample, ProbeException.class).failureCause())
                    .isEqualTo(ProbeFailureCause.TIMEOUT);
            ProbeException refused = catchThrowableOfType(probe::sample, ProbeException.class);
            assertThat(refused.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
            assertThat(refused.getMessage()).contains("still alive", "pid " + smi.pid("parent.pid"));
            assertThat(smi.lines("runs")).as("no second nvidia-smi was started").isEqualTo(1);

            unkillable.set(false);
            ProcessHandle.of(smi.pid("child.pid")).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(smi.pid("parent.pid")).ifPresent(ProcessHandle::destroyForcibly);
            awaitDeath(smi.pid("parent.pid"));
            catchThrowableOfType(probe::sample, ProbeException.class);
            assertThat(smi.lines("runs")).as("runs resume once the stuck one is gone").isEqualTo(2);
        } finally {
            unkillable.set(false);
            ProcessHandle.of(smi.pid("child.pid")).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(smi.pid("parent.pid")).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void interruptedCallerGetsATypedFailureKeepsItsInterruptAndLeavesNoProcess() throws Exception {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("hang-with-child.sh", dir);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().timeout(Duration.ofSeconds(60)).build(), clock);
        AtomicReference<ProbeException> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            failure.set(catchThrowableOfType(probe::sample, ProbeException.class));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        awaitFile(smi.file("parent.pid"));
        caller.interrupt();
        caller.join(10_000);
        assertThat(failure.get().getMessage()).contains("Interrupted");
        assertThat(stillInterrupted).isTrue();
        assertThat(live(smi.pid("parent.pid"))).isFalse();
        assertThat(live(smi.pid("child.pid"))).isFalse();
    }

    @Test
    void drainThreadsAreNamedDaemonsThatEndWithTheRun() throws Exception {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("eight-gpus.sh", dir);
        new NvidiaSmiGpuProbe(smi.config().build(), clock).sample();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("lobby-governor-nvidia-smi-drain")) {
                assertThat(t.isDaemon()).isTrue();
                t.join(2_000);
                assertThat(t.isAlive()).as("drain thread after the run").isFalse();
            }
        }
    }

    @Test
    void missingExecutableIsLibraryMissingNamingThePath() {
        for (String exe : List.of(dir.resolve("no/such/nvidia-smi").toString(), "nvidia-smi-not-installed-anywhere")) {
            NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(SmiProbeConfig.builder().executable(exe).build(), clock);
            ProbeException e = catchThrowableOfType(probe::sample, ProbeException.class);
            assertThat(e.failureCause()).as(exe).isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
            assertThat(e.getMessage()).contains(exe, "PATH");
        }
    }

    @Test
    void nonExecutableFileIsNoPermission() {
        Path script = FakeNvidiaSmi.installNotExecutable("eight-gpus.sh", dir);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(
                SmiProbeConfig.builder().executable(script.toString()).build(), clock);
        assertThat(catchThrowableOfType(probe::sample, ProbeException.class).failureCause())
                .isEqualTo(ProbeFailureCause.NO_PERMISSION);
    }

    @Test
    void closedProbeRefusesToRunWithAnUnknownCauseProbeException() {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("one-at-a-time.sh", dir);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().build(), clock);
        probe.close();
        ProbeException e = catchThrowableOfType(probe::sample, ProbeException.class);
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(e.getMessage()).contains("probe closed");
        assertThat(smi.lines("runs")).isZero();
    }

    private static boolean live(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isLive).orElse(false);
    }

    private static void awaitDeath(long pid) throws InterruptedException {
        for (int i = 0; i < 400 && live(pid); i++) {
            Thread.sleep(5);
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 1_000 && !Files.exists(file); i++) {
            Thread.sleep(5);
        }
    }
}
