package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared nvidia-smi captures: {@code lobbygovernor.shared.dir} (surefire sets it to
 * {@code <repo>/../shared}), else {@code ../shared} beside the repository root. Absent, the
 * calling test is skipped, except under {@code CI=true}, where absence fails it.
 */
final class SharedFixtures {

    private SharedFixtures() {
    }

    static Path nvidiaSmiCaptures() {
        String configured = System.getProperty("lobbygovernor.shared.dir");
        // Tests run in the module folder, so the repository root is "..".
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        Path dir = shared.resolve("fixtures").resolve("nvidia-smi");
        if (!Files.isDirectory(dir)) {
            String why = "nvidia-smi captures not found at " + dir.toAbsolutePath().normalize();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true: the shared fixtures must be present)");
            }
            assumeTrue(false, why);
        }
        return dir;
    }
}
