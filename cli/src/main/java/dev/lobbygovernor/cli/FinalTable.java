package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** The demo's closing table: every lobby, whose it was, and where it ended. */
final class FinalTable {

    private static final String ROW = "  %-9s %-10s %-8s %-4s %-8s %-8s %s%n";

    private FinalTable() {
    }

    static void print(PrintStream out, DemoReport report) {
        out.println("lobbies:");
        out.printf(ROW, "lobby", "session", "project", "pin", "on Wolf", "record", "cleanup");
        for (DemoReport.Attempt a : report.attempts()) {
            if (a.admitted()) {
                row(out, report, a.lobbyId(), a.sessionId(), a.project(), "yes");
            }
        }
        row(out, report, report.leakedLobbyId(), "-", "(leak)", "no");
        for (DemoReport.Attempt a : report.attempts()) {
            if (!a.admitted()) {
                out.printf("  refused   %-10s %-8s at %d/%d: %s%n", a.sessionId(), a.project(), a.activeAfter(),
                        a.cap(), a.refusal());
            }
        }
    }

    private static void row(PrintStream out, DemoReport report, String lobbyId, String session, String project,
            String pin) {
        String onWolf = report.lobbiesAtEnd().contains(lobbyId) ? "running" : "gone";
        String record = report.recordsAtEnd().contains(lobbyId) ? "kept" : "-";
        String cleanup = outcomeOf(report.cleanup(), lobbyId).map(FinalTable::describe).orElse("-");
        out.printf(ROW, IncidentReplay.shortId(lobbyId), session, project, pin, onWolf, record, cleanup);
    }

    private static Optional<CleanupOutcome> outcomeOf(List<CleanupOutcome> outcomes, String lobbyId) {
        return outcomes.stream().filter(o -> o.lobbyId().equals(lobbyId)).findFirst();
    }

    private static String describe(CleanupOutcome o) {
        if (o instanceof CleanupOutcome.Stopped s) {
            return "STOPPED (" + s.reason() + "), verified";
        }
        if (o instanceof CleanupOutcome.OrphanStopped) {
            return "ORPHAN_STOPPED, verified";
        }
        return o.kind().toString();
    }
}
