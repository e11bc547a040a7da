package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lobbygovernor.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./lobby-governor} as a new user would: in a fresh clone of this
 * repository (committed files only, no {@code target/} folders), so the script must build what
 * it needs itself. Maven runs offline against the local repository the outer build uses, in the
 * clone's own folders, so it never touches this build's {@code target/} directories.
 *
 * <p>The tests share one clone and run in order: the first builds, the later ones reuse it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScriptFromCleanCloneTest {

    private static final long BUILD_AND_DEMO_LIMIT_SECONDS = 240;

    @TempDir
    static Path temp;
    static Path clone;

    @BeforeAll
    static void cloneRepository() throws Exception {
        Path root = RepoPaths.repoRoot();
        clone = temp.resolve("clone");
        boolean isGitRepository = run(root, List.of("git", "rev-parse", "--is-inside-work-tree"), Map.of(), 30)
                .exitCode() == 0;
        if (RepoPaths.onCi()) {
            assertThat(isGitRepository).as("CI runs from a git clone").isTrue();
        }
        assumeTrue(isGitRepository, "not a git work tree: " + root);
        Result cloned = run(temp, List.of("git", "clone", "--quiet", "--no-hardlinks", root.toString(), "clone"),
                Map.of(), 120);
        assertThat(cloned.exitCode()).as(cloned.output()).isZero();
    }

    @Test
    @Order(1)
    void scriptIsCommittedExecutable() throws Exception {
        Result mode = run(clone, List.of("git", "ls-files", "--stage", "lobby-governor"), Map.of(), 30);
        assertThat(mode.output()).startsWith("100755 ");
        assertThat(Files.getPosixFilePermissions(clone.resolve("lobby-governor")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    @Order(2)
    void demoBuildsOnFirstUseAndExitsZero() throws Exception {
        Result demo = run(clone, List.of("./lobby-governor", "demo"), scriptEnv(), BUILD_AND_DEMO_LIMIT_SECONDS);

        assertThat(demo.exitCode()).as("exit code; output:%n%s", demo.output()).isZero();
        assertThat(demo.output())
                .contains("building")
                .contains("GPU resource limit reached (5/5 lobbies active). Please close an unused session and try again.");
        assertThat(clone.resolve("cli/target/lobby-governor.jar")).isNotEmptyFile();
    }

    @Test
    @Order(3)
    void secondRunDoesNotRebuild() throws Exception {
        Result help = run(clone, List.of("./lobby-governor", "help"), scriptEnv(), 60);

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).doesNotContain("building").startsWith("Usage: lobby-governor");
    }

    @Test
    @Order(3)
    void commandHelpExitsZero() throws Exception {
        Result help = run(clone, List.of("./lobby-governor", "doctor", "--help"), scriptEnv(), 60);

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).startsWith("Usage: lobby-governor doctor");
    }

    @Test
    @Order(3)
    void unknownCommandExitsOne() throws Exception {
        Result wrong = run(clone, List.of("./lobby-governor", "frobnicate"), scriptEnv(), 60);

        assertThat(wrong.exitCode()).as(wrong.output()).isEqualTo(1);
        assertThat(wrong.output()).startsWith("lobby-governor: unknown command 'frobnicate'");
    }

    @Test
    @Order(4)
    void rebuildsWhenASourceIsNewerThanTheBuild() throws Exception {
        // A stand-in mvn on the PATH proves the script calls Maven again, without a second build.
        Path bin = Files.createDirectories(temp.resolve("fake-bin"));
        Path marker = temp.resolve("mvn-was-called");
        Path fakeMaven = bin.resolve("mvn");
        Files.writeString(fakeMaven, "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n", StandardCharsets.UTF_8);
        fakeMaven.toFile().setExecutable(true);
        Path source = clone.resolve("cli/src/main/java/dev/lobbygovernor/cli/Main.java");
        assertThat(source.toFile().setLastModified(System.currentTimeMillis() + 5_000)).isTrue();

        Map<String, String> env = new java.util.HashMap<>(scriptEnv());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        Result help = run(clone, List.of("./lobby-governor", "help"), env, 60);

        assertThat(marker).exists();
        assertThat(help.exitCode()).as("a failed build must fail the script").isEqualTo(1);
        assertThat(help.output()).contains("building").contains("offline build failed");
    }

    private static Map<String, String> scriptEnv() {
        String localRepository = System.getProperty("lobbygovernor.maven.repo.local", "");
        return Map.of(
                "LOBBY_GOVERNOR_OFFLINE", "1",
                "LOBBY_GOVERNOR_MAVEN_ARGS", localRepository.isBlank() ? "" : "-Dmaven.repo.local=" + localRepository);
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path dir, List<String> command, Map<String, String> env, long limitSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(temp, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            return new Result(-1, "timed out after " + limitSeconds + " s: " + command + "\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
