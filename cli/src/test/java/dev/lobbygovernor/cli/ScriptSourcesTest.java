package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.RepoPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lobby-governor} rebuilds when a source of a module it builds changed: its list of
 * module folders must be exactly what {@code mvn -pl cli -am} builds, as the poms say.
 */
class ScriptSourcesTest {

    private static final Pattern MODULE_LOOP = Pattern.compile("(?m)^for module in ([^;]+); do$");

    @Test
    void scriptWatchesExactlyTheModulesItBuilds() throws Exception {
        String script = Files.readString(RepoPaths.repoRoot().resolve("lobby-governor"), StandardCharsets.UTF_8);
        Matcher loop = MODULE_LOOP.matcher(script);
        assertThat(loop.find()).as("a 'for module in ...; do' line in lobby-governor").isTrue();
        List<String> watched = Arrays.asList(loop.group(1).trim().split("\\s+"));

        assertThat(watched).containsExactlyInAnyOrderElementsOf(ModulePoms.withProjectDependencies("cli"));
        assertThat(script).contains("-pl cli -am").contains("cli_jar=\"$root/cli/target/lobby-governor.jar\"");
    }
}
