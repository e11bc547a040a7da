package dev.lobbygovernor.smi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * A fake nvidia-smi: one of the shell scripts in {@code src/test/resources/fake-nvidia-smi},
 * copied into a test's own folder and made executable there (resources lose their mode bits).
 * Scripts keep their state (pid files, run counts) beside themselves.
 */
final class FakeNvidiaSmi {

    private final Path script;

    private FakeNvidiaSmi(Path script) {
        this.script = script;
    }

    static FakeNvidiaSmi install(String name, Path dir) {
        return new FakeNvidiaSmi(copy(name, dir, true));
    }

    /** The script copied without its executable bit. */
    static Path installNotExecutable(String name, Path dir) {
        return copy(name, dir, false);
    }

    private static Path copy(String name, Path dir, boolean executable) {
        Path target = dir.resolve(name);
        try (InputStream in = Objects.requireNonNull(FakeNvidiaSmi.class.getResourceAsStream("/fake-nvidia-smi/" + name),
                "no fake script " + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!target.toFile().setExecutable(executable, false)) {
            throw new IllegalStateException("cannot chmod " + target);
        }
        return target;
    }

    String path() {
        return script.toString();
    }

    SmiProbeConfig.Builder config() {
        return SmiProbeConfig.builder().executable(path());
    }

    /** A state file the script writes beside itself. */
    Path file(String name) {
        return script.resolveSibling(name);
    }

    /** How many lines the script appended to {@code name}; 0 if it never wrote it. */
    int lines(String name) {
        Path f = file(name);
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> args() throws IOException {
        return Files.readAllLines(file("args.txt"));
    }

    long pid(String pidFile) throws IOException {
        return Long.parseLong(Files.readString(file(pidFile)).strip());
    }
}
