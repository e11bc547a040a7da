package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.smi.internal.ProcessTree;
import dev.lobbygovernor.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No process outlives a probe run, however nvidia-smi ends and whatever it leaves behind: a
 * {@code setsid} grandchild holding the output, one that also drops the run's marker from its
 * environment, a daemon with closed pipes. Each fake nvidia-smi is a shell script this test
 * writes; each records the pids of what it started so the test can check them.
 */
class NvidiaSmiGpuProbeNoLeftoverTest {

    /** Far above how long the runs should take: a run that waits for it has failed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PROMPTLY = Duration.ofSeconds(8);
    private static final String ANSWER = "echo \"index, name, memory.total [MiB], memory.used [MiB]\"\n"
            + "echo \"0, NVIDIA L40S, 46068, 1235\"\n";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-01-01T12:35:00Z");
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killWhateverSurvived() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** A fake nvidia-smi running {@code body}, with {@code $dir} its own folder. */
    private NvidiaSmiGpuProbe probe(String body) throws IOException {
        Path script = dir.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\ndir=$(dirname \"$0\")\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new NvidiaSmiGpuProbe(SmiProbeConfig.builder().executable(script.toString())
                .timeout(TIMEOUT).build(), clock);
    }

    /** The script waits until what it started wrote its pid, so the pid is there to check. */
    private static String awaitPid(String file) {
        return "while [ ! -s \"$dir/" + file + "\" ]; do sleep 0.01; done\n";
    }

    private long pid(String file) throws IOException {
        long pid = Long.parseLong(Files.readString(dir.resolve(file)).strip());
        started.add(pid);
        return pid;
    }

    private static boolean live(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isLive).orElse(false);
    }

    @Test
    void setsidGrandchildHoldingTheOutputOfAFailedRunIsKilledPromptly() throws Exception {
        NvidiaSmiGpuProbe probe = probe(
                "setsid sh -c 'echo $$ > \"$0/grandchild.pid\"; exec sleep 300' \"$dir\" &\n"
                + awaitPid("grandchild.pid")
                + "printf 'index, name, memory.t'\nexit 1\n");
        long start = System.nanoTime();

        catchThrowableOfType(probe::sample, ProbeException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        assertThat(live(pid("grandchild.pid"))).as("the setsid grandchild").isFalse();
    }

    @Test
    void processThatDropsTheMarkerInsideASessionTheRunStartedIsKilled() throws Exception {
        NvidiaSmiGpuProbe probe = probe(
                "setsid sh -c 'echo $$ > \"$0/leader.pid\"; env -u LOBBY_GOVERNOR_RUN sleep 300 &"
                + " echo $! > \"$0/unmarked.pid\"; wait' \"$dir\" &\n"
                + awaitPid("unmarked.pid")
                + "printf 'index, name'\nexit 1\n");

        catchThrowableOfType(probe::sample, ProbeException.class);

        assertThat(live(pid("leader.pid"))).as("the session leader").isFalse();
        assertThat(live(pid("unmarked.pid"))).as("the unmarked process in its session").isFalse();
    }

    @Test
    void daemonWithClosedPipesStartedByASuccessfulRunIsKilled() throws Exception {
        NvidiaSmiGpuProbe probe = probe(
                "sleep 300 </dev/null >/dev/null 2>&1 &\necho $! > \"$dir/daemon.pid\"\n" + ANSWER);

        GpuSample sample = probe.sample();

        assertThat(sample.devices()).singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo("NVIDIA L40S"));
        assertThat(live(pid("daemon.pid"))).as("the daemon").isFalse();
    }

    @Test
    void correctAnswerIsKeptWhileASetsidGrandchildHoldsThePipe() throws Exception {
        NvidiaSmiGpuProbe probe = probe(
                "setsid sh -c 'echo $$ > \"$0/grandchild.pid\"; exec sleep 300' \"$dir\" &\n"
                + awaitPid("grandchild.pid") + ANSWER);
        long start = System.nanoTime();

        GpuSample sample = probe.sample();

        assertThat(sample.devices()).singleElement()
                .satisfies(d -> assertThat(d.memoryTotalMiB()).isEqualTo(46068L));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        assertThat(live(pid("grandchild.pid"))).as("the setsid grandchild").isFalse();
    }
}
