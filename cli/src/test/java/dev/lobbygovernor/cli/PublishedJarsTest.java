package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lobbygovernor.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every published module's jar names its module and ships with sources and Javadoc jars. The
 * reactor packages the library modules before it tests this one, so under {@code mvn verify}
 * the jars are there; a run that stops before {@code package} skips (except under CI).
 */
class PublishedJarsTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    /** Module directory to its Automatic-Module-Name. */
    private static final Map<String, String> PUBLISHED = Map.of(
            "store-spi", "dev.lobbygovernor.store",
            "core", "dev.lobbygovernor.core",
            "nvml-probe", "dev.lobbygovernor.nvml",
            "smi-probe", "dev.lobbygovernor.smi",
            "wolf-client", "dev.lobbygovernor.wolf",
            "docker-remediation", "dev.lobbygovernor.docker",
            "wolf-simulator", "dev.lobbygovernor.wolf.sim",
            "micrometer", "dev.lobbygovernor.micrometer",
            "dashboard", "dev.lobbygovernor.dashboard",
            "spring-boot-starter", "dev.lobbygovernor.spring");

    @Test
    void everyPublishedJarNamesItsModuleAndHasSourcesAndJavadoc() throws IOException {
        Path root = RepoPaths.repoRoot();
        for (Map.Entry<String, String> module : PUBLISHED.entrySet()) {
            Path target = root.resolve(module.getKey()).resolve("target");
            String base = "lobby-governor-" + module.getKey() + "-" + VERSION;
            Path jar = target.resolve(base + ".jar");
            if (!RepoPaths.onCi()) {
                assumeTrue(Files.exists(jar), "not packaged yet: " + jar);
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as("Automatic-Module-Name of %s", jar.getFileName()).isEqualTo(module.getValue());
            }
            assertThat(target.resolve(base + "-sources.jar")).as("sources jar of %s", module.getKey()).exists();
            assertThat(target.resolve(base + "-javadoc.jar")).as("javadoc jar of %s", module.getKey()).exists();
        }
    }
}
