package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A run's marker finds the run's processes even where the JDK reports their start early. */
class RunMarkerTest {

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
}
