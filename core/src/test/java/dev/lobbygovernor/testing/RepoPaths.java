package dev.lobbygovernor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the tests find the repository root and the shared folder ({@code ../shared}). The
 * shared folder comes from {@code lobbygovernor.shared.dir} (surefire sets it), else
 * {@code ../shared} beside the repository root; when it is absent, tests that need it are
 * skipped, except under {@code CI=true}, where its absence fails them.
 */
public final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository root: the folder holding the {@code lobby-governor} script. */
    public static Path repoRoot() {
        String configured = System.getProperty("lobbygovernor.repo.dir");
        if (configured != null && Files.isRegularFile(Paths.get(configured, "lobby-governor"))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("lobby-governor")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Paths.get("").toAbsolutePath());
    }

    /** The shared folder, or a skipped (locally) / failed (CI) test when it is absent. */
    public static Path sharedDir() {
        String configured = System.getProperty("lobbygovernor.shared.dir");
        Path dir = configured != null ? Paths.get(configured) : repoRoot().resolve("../shared");
        dir = dir.toAbsolutePath().normalize();
        boolean present = Files.isDirectory(dir.resolve("fixtures"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present).as("shared fixtures at %s (required when CI=true)", dir).isTrue();
        } else {
            assumeTrue(present, "shared fixtures not found at " + dir);
        }
        return dir;
    }

    public static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }
}
