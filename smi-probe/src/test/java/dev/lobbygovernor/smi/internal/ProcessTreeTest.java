package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A process counts as live while it runs: not once it exited, nor as a zombie awaiting its reaper. */
class ProcessTreeTest {

    @Test
    void runningProcessIsLiveAndAnEndedOneIsNot() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(ProcessTree.isLive(p.toHandle())).isTrue();
        } finally {
            p.destroyForcibly().waitFor();
        }
        assertThat(ProcessTree.isLive(p.toHandle())).isFalse();
    }

    @Test
    void zombieIsNotLiveThoughTheJdkCallsItAlive() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs procfs (Linux)");
        // the background sleep exits after a second; its parent, now sleep 30, never reaps it
        Process parent = new ProcessBuilder("sh", "-c", "sleep 1 & exec sleep 30").start();
        try {
            ProcessHandle zombie = awaitChild(parent);
            for (int i = 0; i < 1000 && ProcessTree.isLive(zombie); i++) {
                Thread.sleep(10);
            }

            assertThat(zombie.isAlive()).as("the JDK's view").isTrue();
            assertThat(ProcessTree.isLive(zombie)).isFalse();
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void whereProcfsHasNoEntryTheJdkSaysWhetherItLives() {
        assertThat(ProcessTree.isLive(new Unlisted(true, true))).isTrue();
        assertThat(ProcessTree.isLive(new Unlisted(true, false))).as("died while looked at").isFalse();
        assertThat(ProcessTree.isLive(new Unlisted(false))).isFalse();
    }

    private static ProcessHandle awaitChild(Process parent) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Optional<ProcessHandle> child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the shell started no child");
    }

    /** A process with no entry in {@code /proc}, whose liveness the JDK reports as given, in turn. */
    private static final class Unlisted implements ProcessHandle {
        private final Iterator<Boolean> alive;

        Unlisted(Boolean... alive) {
            this.alive = List.of(alive).iterator();
        }

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public boolean isAlive() {
            return alive.next();
        }

        @Override
        public Optional<ProcessHandle> parent() {
            return Optional.empty();
        }

        @Override
        public Stream<ProcessHandle> children() {
            return Stream.empty();
        }

        @Override
        public Stream<ProcessHandle> descendants() {
            return Stream.empty();
        }

        @Override
        public Info info() {
            return ProcessHandle.current().info();
        }

        @Override
        public CompletableFuture<ProcessHandle> onExit() {
            return new CompletableFuture<>();
        }

        @Override
        public boolean supportsNormalTermination() {
            return true;
        }

        @Override
        public boolean destroy() {
            return false;
        }

        @Override
        public boolean destroyForcibly() {
            return false;
        }

        @Override
        public int compareTo(ProcessHandle other) {
            return Long.compare(pid(), other.pid());
        }
    }
}
