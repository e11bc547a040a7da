package dev.lobbygovernor.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the tests find the repository root, and whether they run on CI. */
final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository root: the folder holding the {@code lobby-governor} script. */
    static Path repoRoot() {
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

    static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }
}
