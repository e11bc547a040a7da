package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's INFO logs stay off stderr unless {@code -v}/{@code --verbose}. The effect is
 * checked on the command line's real backend, slf4j-simple, in a JVM of its own (the tests' JVM
 * has logback, for LogCapture); which flag positions count is checked in-process.
 */
class CommandLineLoggingTest {

    private static final long LIMIT_SECONDS = 120;

    @TempDir
    Path temp;

    private String levelBefore;

    @BeforeEach
    void forgetTheLevel() {
        levelBefore = System.getProperty(CliLogging.LEVEL_PROPERTY);
        System.clearProperty(CliLogging.LEVEL_PROPERTY);
    }

    @AfterEach
    void restoreTheLevel() {
        if (levelBefore == null) {
            System.clearProperty(CliLogging.LEVEL_PROPERTY);
        } else {
            System.setProperty(CliLogging.LEVEL_PROPERTY, levelBefore);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    @Test
    void byDefaultOnlyWarningsAndErrorsReachStderr() throws Exception {
        Result demo = runInOwnJvm("demo");

        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        assertThat(demo.stderr())
                .contains("[ERROR] HostWatch")          // monitoring lost
                .doesNotContain("[INFO]")
                .doesNotContain("Lobby refused");       // a refusal is a business event: INFO
        assertThat(demo.stdout()).contains("demo: every expectation held");
    }

    @Test
    void verboseAddsTheLibrarysInfoLogs() throws Exception {
        Result demo = runInOwnJvm("demo", "--verbose");

        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        assertThat(demo.stderr())
                .contains("[INFO] OutcomeReporter")     // the reaper's verified stops
                .contains("[INFO] Denials")             // the refusals
                .contains("Lobby refused: GPU resource limit reached");
    }

    @Test
    void verboseCountsBeforeOrAfterTheCommand() throws Exception {
        Path csv = Files.writeString(temp.resolve("gpu.csv"), "Failed to initialize NVML: Unknown Error\n");
        String[][] verbose = {{"-v", "doctor", "--smi-csv", csv.toString()},
            {"doctor", "--verbose", "--smi-csv", csv.toString()}};
        for (String[] args : verbose) {
            System.clearProperty(CliLogging.LEVEL_PROPERTY);
            quietMain().run(args);
            assertThat(System.getProperty(CliLogging.LEVEL_PROPERTY)).as(Arrays.toString(args)).isEqualTo("info");
        }
        System.clearProperty(CliLogging.LEVEL_PROPERTY);
        quietMain().run("doctor", "--smi-csv", csv.toString());
        assertThat(System.getProperty(CliLogging.LEVEL_PROPERTY)).isEqualTo("warn");
    }

    @Test
    void aLevelTheJvmWasStartedWithIsKeptWithoutVerbose() {
        System.setProperty(CliLogging.LEVEL_PROPERTY, "debug");

        CliLogging.configure(false);

        assertThat(System.getProperty(CliLogging.LEVEL_PROPERTY)).isEqualTo("debug");
    }

    private static Main quietMain() {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        return new Main(sink, sink, Map.of());
    }

    /** Runs {@link Main} in a new JVM on this test's classpath, with slf4j-simple in logback's place. */
    private Result runInOwnJvm(String... args) throws IOException, InterruptedException {
        String simple = System.getProperty("lobbygovernor.slf4j.simple.jar");
        assertThat(simple).as("surefire passes lobbygovernor.slf4j.simple.jar").isNotNull();
        assertThat(Paths.get(simple)).isRegularFile();
        List<String> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Paths.get(entry).getFileName().toString().startsWith("logback-"))
                .collect(Collectors.toCollection(ArrayList::new));
        classpath.add(simple);
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), Main.class.getName()));
        command.addAll(List.of(args));
        Path stdout = temp.resolve("stdout");
        Path stderr = temp.resolve("stderr");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("timed out after " + LIMIT_SECONDS + " s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
