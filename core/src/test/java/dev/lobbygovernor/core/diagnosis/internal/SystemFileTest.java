package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.diagnosis.SystemView;
import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded reads of system files, the wording of their failures, and evidence quoting. */
class SystemFileTest {

    @TempDir
    Path root;

    @Test
    void aFileOfExactlyTheCapIsReadWholeAndOneByteMoreIsRefused() throws IOException {
        Path exact = Files.write(root.resolve("exact"), "12345678".getBytes());
        Path over = Files.write(root.resolve("over"), "123456789".getBytes());

        SystemFile atCap = SystemFile.read(exact, 8);
        SystemFile pastCap = SystemFile.read(over, 8);

        assertThat(atCap).isInstanceOfSatisfying(SystemFile.Content.class,
                c -> assertThat(c.text()).isEqualTo("12345678"));
        assertThat(pastCap).isEqualTo(new SystemFile.Unreadable("is larger than 8 bytes"));
    }

    @Test
    void anEmptyFileIsEmptyContent() throws IOException {
        SystemFile read = SystemFile.read(Files.createFile(root.resolve("empty")), 8);

        assertThat(read).isInstanceOfSatisfying(SystemFile.Content.class, c -> assertThat(c.bytes()).isEmpty());
    }

    @Test
    void malformedBytesAreShownNotThrown() throws IOException {
        Path p = Files.write(root.resolve("bad"), new byte[] {'a', (byte) 0xff, 'b'});

        assertThat(SystemFile.read(p, 8)).isInstanceOfSatisfying(SystemFile.Content.class,
                c -> assertThat(c.text()).isEqualTo("a\ufffdb"));
    }

    @Test
    void nothingThereIsAbsentAndADirectoryIsSaidToBeOne() throws IOException {
        assertThat(SystemFile.read(root.resolve("missing"), 8)).isInstanceOf(SystemFile.Absent.class);
        assertThat(SystemFile.read(Files.createDirectory(root.resolve("dir")), 8))
                .isEqualTo(new SystemFile.Unreadable("is a directory"));
    }

    @Test
    void aPathThroughAFileIsUnreadableWithTheKernelsReason() throws IOException {
        Path file = Files.write(root.resolve("file"), new byte[0]);

        assertThat(SystemFile.read(file.resolve("child"), 8)).isEqualTo(new SystemFile.Unreadable("Not a directory"));
    }

    @Test
    void aFileThatFailsToReadIsUnreadableWithTheKernelsReason() {
        // reading a process's memory at offset 0 (unmapped) fails with EIO
        Path mem = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(mem), "/proc/self/mem is there");

        assertThat(SystemFile.read(mem, 8)).isEqualTo(new SystemFile.Unreadable("Input/output error"));
    }

    @Test
    void aFifoIsNotOpened() throws Exception {
        Path fifo = root.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0,
                "mkfifo is available");

        assertThat(SystemFile.read(fifo, 8)).isEqualTo(new SystemFile.Unreadable("is not a regular file"));
    }

    @Test
    void failuresAreDescribedInTheKernelsWords() {
        assertThat(SystemFile.describe(new AccessDeniedException("/proc/x"))).isEqualTo("Permission denied");
        assertThat(SystemFile.describe(new NoSuchFileException("/proc/x"))).isEqualTo("No such file or directory");
        assertThat(SystemFile.describe(new FileSystemException("/proc/x", null, "Input/output error")))
                .isEqualTo("Input/output error");
        assertThat(SystemFile.describe(new FileSystemException("/proc/x"))).isEqualTo("/proc/x");
        assertThat(SystemFile.describe(new IOException("short read"))).isEqualTo("short read");
        assertThat(SystemFile.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void evidenceIsQuotedWithControlCharactersReplacedAndCutAtTheLimit() {
        String limit = "x".repeat(160);

        assertThat(Evidence.quote("a\u0000b\tc\u007f")).isEqualTo("'a?b?c?'");
        assertThat(Evidence.quote("")).isEqualTo("''");
        assertThat(Evidence.quote(limit)).isEqualTo("'" + limit + "'");
        assertThat(Evidence.quote(limit + "y")).isEqualTo("'" + limit + "…'");
    }

    @Test
    void evidenceNamesAPathAsTheSystemPathItStandsFor() {
        SystemView view = new FakeNvidiaSystem(root).view();

        assertThat(Evidence.systemPath(view, view.resolve("/sys/fs/cgroup/devices/devices.list")))
                .isEqualTo("/sys/fs/cgroup/devices/devices.list");
        assertThat(Evidence.systemPath(new SystemView(root, Map.of()), root.resolve("a/../b")))
                .isEqualTo("/b");
    }
}
