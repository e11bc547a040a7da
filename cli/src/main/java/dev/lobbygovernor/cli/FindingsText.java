package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code doctor}'s checks of the NVIDIA stack as text: one line per check; a problem adds its
 * evidence and action. When monitoring is not working, the first problem is named as the likely
 * cause: the checks run in the order in which one failure explains the next.
 */
final class FindingsText {

    private FindingsText() {
    }

    static void print(PrintStream out, List<Finding> findings, boolean monitoringFailed) {
        if (findings.isEmpty()) {
            return;
        }
        out.println("checks:");
        for (Finding f : findings) {
            out.printf("  %-8s %-17s %s%n", label(f.status()), f.check(), f.summary());
            if (f.isProblem()) {
                f.evidence().forEach(e -> out.println("             - " + e));
                out.println("             action: " + f.action());
            }
        }
        if (monitoringFailed) {
            findings.stream().filter(Finding::isProblem).findFirst().ifPresent(f -> {
                out.println("likely cause: " + f.summary());
                out.println("  what to do: " + f.action());
            });
        }
    }

    private static String label(FindingStatus status) {
        return switch (status) {
            case OK -> "ok";
            case PROBLEM -> "PROBLEM";
            case NOT_APPLICABLE -> "n/a";
        };
    }
}
