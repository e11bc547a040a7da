package dev.lobbygovernor.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's readable timeline: each step is printed as it happens, with its offset from the
 * start and the part of the system that acted, and kept for the final report.
 */
final class Timeline {

    /** One step. */
    record Entry(Duration at, String actor, String text) {
    }

    private final PrintStream out;
    private final Clock clock;
    private final Instant start;
    private final List<Entry> entries = new ArrayList<>();

    Timeline(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
    }

    synchronized Entry add(String actor, String text) {
        Entry entry = new Entry(Duration.between(start, clock.instant()), actor, text);
        entries.add(entry);
        out.printf("  +%6.3fs  %-10s %s%n", entry.at().toMillis() / 1000.0, actor, text);
        return entry;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
