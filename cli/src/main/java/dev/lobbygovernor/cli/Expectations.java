package dev.lobbygovernor.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the demo promises, checked as it runs. The demo exits 0 only if every expectation held;
 * otherwise it names the ones that failed.
 */
final class Expectations {

    /** One checked promise. */
    record Expectation(String name, boolean held, String observed) {
    }

    private final List<Expectation> checked = new ArrayList<>();

    /** Records whether {@code name} held, with what was observed. */
    synchronized boolean check(String name, boolean held, String observed) {
        checked.add(new Expectation(name, held, observed));
        return held;
    }

    synchronized List<Expectation> all() {
        return List.copyOf(checked);
    }

    synchronized List<Expectation> failed() {
        return checked.stream().filter(e -> !e.held()).toList();
    }

    synchronized boolean allHeld() {
        return !checked.isEmpty() && checked.stream().allMatch(Expectation::held);
    }

    void print(PrintStream out) {
        out.println("expectations:");
        for (Expectation e : all()) {
            out.printf("  [%s] %s%n", e.held() ? " ok " : "FAIL", e.name());
            if (!e.held()) {
                out.printf("         observed: %s%n", e.observed());
            }
        }
    }
}
