package dev.lobbygovernor.cli;

import dev.lobbygovernor.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code --query-gpu ... --format=csv} sections out of an nvidia-smi capture in
 * {@code ../shared/fixtures/nvidia-smi/}. A capture holds one section per command: a
 * {@code #####} rule, a title line ({@code # idle :: query-gpu ...}), the command line
 * ({@code # $ nvidia-smi ...}), another rule, then the raw output up to a blank line.
 */
final class SmiCaptures {

    /** One CSV section: its phase ({@code idle}, {@code load}) and its raw text. */
    record CsvSection(String phase, String csv) {
    }

    private SmiCaptures() {
    }

    static Path capture(String fileName) {
        return RepoPaths.sharedDir().resolve("fixtures/nvidia-smi").resolve(fileName);
    }

    static List<CsvSection> queryGpuSections(Path capture) throws IOException {
        List<String> lines = Files.readAllLines(capture, StandardCharsets.UTF_8);
        List<CsvSection> sections = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("# $ nvidia-smi --query-gpu=")) {
                continue;
            }
            String title = lines.get(i - 1);
            String phase = title.substring(2, title.indexOf(" ::")).trim();
            int j = i + 1;
            while (!lines.get(j).startsWith("####")) {
                j++;
            }
            StringBuilder csv = new StringBuilder();
            for (j++; j < lines.size() && !lines.get(j).isBlank() && !lines.get(j).startsWith("####"); j++) {
                csv.append(lines.get(j)).append('\n');
            }
            sections.add(new CsvSection(phase, csv.toString()));
        }
        return sections;
    }

    /** The section of the given phase, written to a file in {@code dir}. */
    static Path writeSection(Path capture, String phase, Path dir) throws IOException {
        CsvSection section = queryGpuSections(capture).stream()
                .filter(s -> s.phase().equals(phase))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + phase + " query-gpu section in " + capture));
        Path file = dir.resolve(capture.getFileName() + "." + phase + ".csv");
        Files.writeString(file, section.csv(), StandardCharsets.UTF_8);
        return file;
    }
}
