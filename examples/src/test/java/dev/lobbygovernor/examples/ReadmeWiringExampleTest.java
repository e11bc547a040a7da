package dev.lobbygovernor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lobbygovernor.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README quotes {@code WiringExample.java} between its {@code // README:start} and
 * {@code // README:end} markers; the build compiles that file, and this test keeps the quote
 * and the source equal. Until README.md has a {@code java} block the check is skipped locally
 * and fails under {@code CI=true}.
 */
class ReadmeWiringExampleTest {

    private static final String START = "// README:start";
    private static final String END = "// README:end";

    @Test
    void readmeQuotesTheCompiledWiringExampleVerbatim() throws IOException {
        Path root = RepoPaths.repoRoot();
        String quoted = markedRegion(root.resolve(
                "examples/src/main/java/dev/lobbygovernor/examples/WiringExample.java"));
        List<String> blocks = javaBlocks(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));

        if (RepoPaths.onCi()) {
            assertThat(blocks).as("README.md must quote the wiring example in a ```java block").isNotEmpty();
        }
        assumeTrue(!blocks.isEmpty(), "README.md has no ```java block yet");
        // the block meant to be the quote is the one that opens like the marked region
        String firstLine = quoted.lines().findFirst().orElse("");
        String candidate = blocks.stream().filter(b -> b.startsWith(firstLine)).findFirst().orElse(blocks.get(0));
        assertThat(candidate)
                .as("README.md's java block must equal WiringExample.java between %s and %s", START, END)
                .isEqualTo(quoted);
    }

    @Test
    void readmeQuotesTheWiringExamplesImportsVerbatim() throws IOException {
        Path root = RepoPaths.repoRoot();
        String imports = Files.readAllLines(root.resolve(
                "examples/src/main/java/dev/lobbygovernor/examples/WiringExample.java"), StandardCharsets.UTF_8)
                .stream().filter(l -> l.startsWith("import ")).map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining());
        List<String> blocks = javaBlocks(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));

        assertThat(blocks).as("README.md quotes WiringExample.java's imports in a ```java block").contains(imports);
    }

    @Test
    void markedRegionIsExtractedWithoutMarkersAndDedented() throws IOException {
        Path file = Files.createTempFile("wiring", ".java");
        Files.writeString(file, "class X {\n    // README:start\n    int a;\n\n      int b;\n    // README:end\n}\n");
        try {
            assertThat(markedRegion(file)).isEqualTo("int a;\n\n  int b;\n");
        } finally {
            Files.delete(file);
        }
    }

    /** The lines between the markers, with their common indentation removed. */
    static String markedRegion(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = indexOfMarker(lines, START, source);
        int end = indexOfMarker(lines, END, source);
        assertThat(end).as("%s after %s in %s", END, START, source).isGreaterThan(start);
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String line : region) {
            sb.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static int indexOfMarker(List<String> lines, String marker, Path source) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                at.add(i);
            }
        }
        assertThat(at).as("exactly one %s line in %s", marker, source).hasSize(1);
        return at.get(0);
    }

    /** The contents of each fenced {@code ```java} block, each line ending in a newline. */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (current == null && trimmed.equals("```java")) {
                current = new StringBuilder();
            } else if (current != null && trimmed.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line.stripTrailing()).append('\n');
            }
        }
        return blocks;
    }
}
