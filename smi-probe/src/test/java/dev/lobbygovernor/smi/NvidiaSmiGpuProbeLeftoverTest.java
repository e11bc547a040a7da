package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.smi.internal.ProcessRunner;
import dev.lobbygovernor.smi.internal.ProcessTree;
import dev.lobbygovernor.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nvidia-smi answers and exits but a process it started keeps its output open: the answer is
 * kept, the run ends shortly after the exit rather than at the timeout, that process is killed,
 * and no pipe reader is left blocked on it.
 */
class NvidiaSmiGpuProbeLeftoverTest {

    /** Long enough for the script to start its child and write its pid files on a loaded machine. */
    private static final Duration SHORT = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-01-01T12:35:00Z");
    private final List<Thread> readers = new CopyOnWriteArrayList<>();
    private final Executor trackedReaders = task -> {
        Thread t = new Thread(task, "test-drain");
        t.setDaemon(true);
        readers.add(t);
        t.start();
    };
    private FakeNvidiaSmi smi;

    @AfterEach
    void killEveryChildTheScriptsStarted() throws IOException {
        if (smi != null && Files.exists(smi.file("children"))) {
            for (String pid : Files.readAllLines(smi.file("children"))) {
                ProcessHandle.of(Long.parseLong(pid.strip()))
                        .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void answerOfAnExitedRunIsKeptWhileItsChildHoldsTheOutputAndTheChildIsKilled() throws Exception {
        smi = FakeNvidiaSmi.install("exits-leaving-child.sh", dir);
        Duration timeout = Duration.ofSeconds(20);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().timeout(timeout).build(), clock, trackedReaders);
        long start = System.nanoTime();

        GpuSample sample = probe.sample();

        assertThat(sample.devices()).singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo("NVIDIA L40S"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the whole timeout")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(live(smi.pid("child.pid"))).as("the child left behind").isFalse();
        assertThat(readers).hasSize(2);
        for (Thread t : readers) {
            t.join(1_000);
            assertThat(t.isAlive()).as("pipe reader after the run").isFalse();
        }
    }

    @Test
    void leftoverThatSurvivesItsKillBlocksFurtherRunsUntilItIsGone() throws Exception {
        smi = FakeNvidiaSmi.install("exits-leaving-child.sh", dir);
        AtomicBoolean unkillable = new AtomicBoolean(true);
        ProcessRunner runner = new ProcessRunner(trackedReaders, p -> {
            if (!unkillable.get()) {
                p.destroyForcibly();
            }
        });
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().timeout(SHORT).build(), clock, runner);
        assertThat(probe.sample().devices()).as("the answer stands").hasSize(1);

        ProbeException refused = catchThrowableOfType(probe::sample, ProbeException.class);
        assertThat(refused.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
        assertThat(refused.getMessage()).contains("still alive", "pid " + smi.pid("child.pid"));
        assertThat(smi.lines("runs")).as("no second nvidia-smi was started").isEqualTo(1);
        assertThat(readers).as("no more pipe readers were started").hasSize(2);

        unkillable.set(false);
        ProcessHandle.of(smi.pid("child.pid")).ifPresent(ProcessHandle::destroyForcibly);
        awaitDeath(smi.pid("child.pid"));
        catchThrowableOfType(probe::sample, ProbeException.class);
        assertThat(smi.lines("runs")).as("runs resume once the leftover is gone").isEqualTo(2);
    }

    @Test
    void leftoverThatCannotBeFoundBlocksFurtherRunsUntilItsOutputCloses() throws Exception {
        smi = FakeNvidiaSmi.install("exits-leaving-unmarked-child.sh", dir);
        NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(smi.config().timeout(SHORT).build(), clock, trackedReaders);
        assertThat(probe.sample().devices()).as("the answer stands").hasSize(1);

        ProbeException refused = catchThrowableOfType(probe::sample, ProbeException.class);
        assertThat(refused.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
        assertThat(refused.getMessage()).contains("holding its output open", "could not be found");
        assertThat(smi.lines("runs")).as("no second nvidia-smi was started").isEqualTo(1);
        assertThat(readers).as("never more than one run's pipe readers").hasSize(2);

        ProcessHandle.of(smi.pid("child.pid")).ifPresent(ProcessHandle::destroyForcibly);
        for (Thread t : readers) {
            t.join(2_000);
        }
        catchThrowableOfType(probe::sample, ProbeException.class);
        assertThat(smi.lines("runs")).as("runs resume once the output closed").isEqualTo(2);
    }

    private static boolean live(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isLive).orElse(false);
    }

    private static void awaitDeath(long pid) throws InterruptedException {
        for (int i = 0; i < 400 && live(pid); i++) {
            Thread.sleep(5);
        }
    }
}
