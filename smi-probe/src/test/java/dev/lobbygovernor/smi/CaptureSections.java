package dev.lobbygovernor.smi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Splits a capture file into its sections. Each section sits under a banner: a line of
 * {@code #}, {@code # <phase> :: <title>}, {@code # $ <command>}, a line of {@code #}; its body
 * runs to the next banner.
 */
final class CaptureSections {

    record Section(String file, String phase, String title, String command, String body) {
    }

    private CaptureSections() {
    }

    static List<Path> captures(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sections of every capture whose title starts with {@code titlePrefix}. */
    static List<Section> sections(Path dir, String titlePrefix) {
        List<Section> out = new ArrayList<>();
        for (Path file : captures(dir)) {
            for (Section s : sections(file)) {
                if (s.title().startsWith(titlePrefix)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static List<Section> sections(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i + 3 < lines.size(); i++) {
            if (isBanner(lines.get(i)) && lines.get(i + 1).startsWith("# ") && lines.get(i + 1).contains(" :: ")
                    && lines.get(i + 2).startsWith("# $ ") && isBanner(lines.get(i + 3))) {
                String heading = lines.get(i + 1).substring(2);
                int sep = heading.indexOf(" :: ");
                int end = i + 4;
                while (end < lines.size() && !isBanner(lines.get(end))) {
                    end++;
                }
                String body = String.join("\n", lines.subList(i + 4, end)).strip();
                out.add(new Section(file.getFileName().toString(), heading.substring(0, sep),
                        heading.substring(sep + 4), lines.get(i + 2).substring(4), body));
                i = end - 1;
            }
        }
        return out;
    }

    private static boolean isBanner(String line) {
        return line.length() >= 20 && line.chars().allMatch(c -> c == '#');
    }
}
