package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's marker finds the run's processes even where the JDK reports their start early. */
class RunMarkerTest {

    @TempDir
    Path dir;

    @Test
    void findsAProcessWhoseReportedStartIsSecondsBeforeTheRun() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs procfs (Linux)");
        // Start instants can read a second or more early (boot time in whole seconds, a stepped
        // clock): a process of this run must be found even when it seems to predate the run by 5 s.
        RunMarker marker = new RunMarker(Instant.now().plusSeconds(5));
        ProcessBuilder builder = new ProcessBuilder("sleep", "30");
        marker.applyTo(builder);
        Process child = builder.start();
        try {
            assertThat(marker.find()).contains(child.toHandle());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void findsNothingThatDoesNotCarryTheMarker() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs procfs (Linux)");
        RunMarker marker = new RunMarker(Instant.now());
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(marker.find()).doesNotContain(stranger.toHandle());
        } finally {
            stranger.destroyForcibly().waitFor();
        }
    }

    @Test
    void doesNotLookAtAProcessThatStartedWellBeforeTheRunsSlack() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs procfs (Linux)");
        // the other side of the slack: a marked process that seems to predate the run by more
        // than the slack (and a margin for the start instant's rounding) is not read at all
        RunMarker marker = new RunMarker(Instant.now().plus(RunMarker.START_SLACK).plusSeconds(30));
        ProcessBuilder builder = new ProcessBuilder("sleep", "30");
        marker.applyTo(builder);
        Process child = builder.start();
        try {
            assertThat(marker.find()).doesNotContain(child.toHandle());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void findsAProcessThatDroppedTheMarkerInASessionAMarkedProcessLeadsAndNoStranger() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs procfs (Linux)");
        RunMarker marker = new RunMarker(Instant.now());
        Path pidFile = dir.resolve("child.pid");
        ProcessBuilder builder = new ProcessBuilder("setsid", "sh", "-c", "env -u " + RunMarker.VARIABLE
                + " sleep 30 & echo $! > '" + pidFile + "'; wait");
        marker.applyTo(builder);
        Process leader = builder.start();
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            long unmarked = awaitPid(pidFile);

            List<Long> found = marker.find().stream().map(ProcessHandle::pid).toList();

            assertThat(found).contains(leader.pid(), unmarked).doesNotContain(stranger.pid());
        } finally {
            leader.descendants().forEach(ProcessHandle::destroyForcibly);
            leader.destroyForcibly().waitFor();
            stranger.destroyForcibly().waitFor();
        }
    }

    @Test
    void needleIsFoundAtEitherEndOfTheHaystackAndOnlyWhole() {
        byte[] needle = bytes("RUN=ab");

        assertThat(RunMarker.contains(bytes("RUN=ab\0X=1\0"), needle)).as("at the start").isTrue();
        assertThat(RunMarker.contains(bytes("X=1\0RUN=ab"), needle)).as("ending the haystack").isTrue();
        assertThat(RunMarker.contains(bytes("RUN=ab"), needle)).as("the whole haystack").isTrue();
        assertThat(RunMarker.contains(bytes("X=1\0RUN=a"), needle)).as("cut one byte short").isFalse();
        assertThat(RunMarker.contains(bytes("RUN=a"), needle)).as("a haystack shorter than it").isFalse();
        assertThat(RunMarker.contains(bytes("RUN=aX\0RUN=Xb\0"), needle)).as("only its parts").isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long awaitPid(Path pidFile) throws Exception {
        for (int i = 0; i < 1000 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
            Thread.sleep(10);
        }
        return Long.parseLong(Files.readString(pidFile).strip());
    }
}
