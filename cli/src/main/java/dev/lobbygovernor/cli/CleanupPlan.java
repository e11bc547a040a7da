package dev.lobbygovernor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.SessionCleanup;
import dev.lobbygovernor.store.SessionStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the reaper would do on one host now, from two dry-run cycles a moment apart: the
 * reaper's own planner, over a store and a Wolf that refuse every change ({@link DryRunStore},
 * {@link DryRunWolf}).
 *
 * <p>The reaper waits out its graces before it acts on a lobby no record knows
 * ({@link ReaperConfig#DEFAULT_ORPHAN_GRACE}) or a loose streaming session
 * ({@link ReaperConfig#DEFAULT_SESSION_GRACE}, two listings in a row); a command that runs once
 * cannot wait that long, so its graces are one millisecond and its two listings are
 * {@code secondLook} apart: the plan is what is unrecorded or loose now, and stays so a moment
 * later. Idle timeouts are the reaper's defaults.
 *
 * @param hostId the host the records name
 * @param endpoint where Wolf was reached
 * @param store the store's URL without credentials, or {@code null} when none was given
 * @param secondLook the time between the two listings
 * @param records what would happen to recorded lobbies and reservations
 * @param orphans lobbies no record knows
 * @param sessions leaked streaming sessions
 * @param other any other outcome, as the reaper named it
 * @param sessionsJudged whether Wolf said which clients stream (else no session is judged)
 */
record CleanupPlan(String hostId, String endpoint, String store, Duration secondLook, List<Item> records,
        List<Item> orphans, List<Item> sessions, List<Item> other, boolean sessionsJudged) {

    /**
     * One thing the reaper would do.
     *
     * @param id the lobby, record, reservation or session
     * @param action what it would do, such as {@code STOP_LOBBY} or {@code REPORT}
     * @param why the rule, such as {@code SESSION_GONE}; empty if none
     */
    record Item(String id, String action, String why) {
    }

    /** Runs the reaper's dry run twice, {@code secondLook} apart, and keeps the second plan. */
    static CleanupPlan make(SessionStore store, DryRunWolf wolf, String hostId, String endpoint, String storeShown,
            Clock clock, Duration secondLook) throws InterruptedException {
        ReaperConfig config = ReaperConfig.builder().dryRun(true).sessionCleanup(SessionCleanup.STOP)
                .orphanGrace(Duration.ofMillis(1)).sessionGrace(Duration.ofMillis(1)).build();
        CycleReport report;
        try (LobbyReaper reaper = LobbyReaper.builder(store, Map.of(hostId, wolf)).config(config).clock(clock)
                .build()) {
            check(reaper.runOnce(), storeShown);
            Thread.sleep(secondLook.toMillis());
            report = check(reaper.runOnce(), storeShown);
        }
        List<Item> records = new ArrayList<>();
        List<Item> orphans = new ArrayList<>();
        List<Item> sessions = new ArrayList<>();
        List<Item> other = new ArrayList<>();
        for (CleanupOutcome o : report.outcomes()) {
            if (o instanceof WouldAct w && w.action() == WouldAct.Action.STOP_ORPHAN) {
                orphans.add(new Item(w.lobbyId(), "STOP_ORPHAN", "open lobby, no record"));
            } else if (o instanceof CleanupOutcome.OrphanReported r) {
                orphans.add(new Item(r.lobbyId(), "REPORT", r.pinRequired()
                        ? "PIN-protected, no record holds its PIN: reported, left running"
                        : "no record: reported, left running"));
            } else if (o instanceof WouldAct w && w.action() == WouldAct.Action.STOP_SESSION) {
                sessions.add(new Item(w.lobbyId(), "STOP_SESSION", "no lobby lists it, no client streams it"));
            } else if (o instanceof WouldAct w) {
                records.add(new Item(w.lobbyId(), w.action().name(), w.why()));
            } else {
                other.add(new Item(o.lobbyId(), o.kind().name(), ""));
            }
        }
        return new CleanupPlan(hostId, endpoint, storeShown, secondLook, records, orphans, sessions, other,
                wolf.clientsKnown());
    }

    private static CycleReport check(CycleReport report, String storeShown) {
        if (report.status() == CycleReport.Status.STORE_UNAVAILABLE) {
            throw new CommandFailure(ExitCode.FAILED, "cannot read the lobby records in the store at " + storeShown);
        }
        if (!report.unreachableHosts().isEmpty()) {
            throw new CommandFailure(ExitCode.FAILED, "Wolf stopped answering while the plan was made; run the command again");
        }
        return report;
    }

    private boolean wolfOnly() {
        return store == null;
    }

    void print(PrintStream out) {
        out.printf("Cleanup plan for host %s, Wolf at %s. DRY RUN: nothing was stopped, removed or touched.%n",
                hostId, endpoint);
        if (wolfOnly()) {
            out.println("No store given: this is only the Wolf-side part of the plan (leaked streaming sessions, "
                    + "lobbies with no record). Give --store-url for the lobbies the store's records would stop.");
        } else {
            out.println("Store: " + store + " (records of host " + hostId + ")");
        }
        out.printf("Wolf was listed twice, %d ms apart; the reaper itself acts on a lobby with no record only after "
                + "%d min, and on a loose streaming session only after %d min.%n", secondLook.toMillis(),
                ReaperConfig.DEFAULT_ORPHAN_GRACE.toMinutes(), ReaperConfig.DEFAULT_SESSION_GRACE.toMinutes());
        if (!wolfOnly()) {
            section(out, "Recorded lobbies, records and reservations", records);
        }
        section(out, wolfOnly() ? "Lobbies with no record (no store given, so none has one here)"
                : "Lobbies with no record (orphans)", orphans);
        if (sessionsJudged) {
            section(out, "Leaked streaming sessions", sessions);
        } else {
            out.println("Leaked streaming sessions: not judged, this Wolf does not say which clients stream "
                    + "(no system/memory)");
        }
        if (!other.isEmpty()) {
            section(out, "Other outcomes", other);
        }
    }

    private static void section(PrintStream out, String title, List<Item> items) {
        out.println(title + ": " + (items.isEmpty() ? "none" : items.size()));
        for (Item i : items) {
            out.printf("  %-36s  would %s%s%n", i.id(), verb(i.action()), i.why().isEmpty() ? "" : " (" + i.why() + ")");
        }
    }

    private static String verb(String action) {
        switch (action) {
            case "STOP_LOBBY":
            case "STOP_ORPHAN":
                return "stop the lobby";
            case "STOP_SESSION":
                return "stop the session";
            case "FORGET_RECORD":
                return "forget the record (its lobby is gone)";
            case "SETTLE_RESERVATION":
                return "settle the reservation";
            case "REPORT":
                return "report it";
            default:
                return action;
        }
    }

    /**
     * {@code {"host", "endpoint", "dryRun": true, "scope": "store" | "wolf-only", "store",
     * "secondLookMs", "records": [...], "orphans": [...], "sessions": [...], "other": [...],
     * "sessionsJudged"}}; each item {@code {"id", "action", "why"}}.
     */
    ObjectNode json() {
        ObjectNode root = GpuJson.MAPPER.createObjectNode();
        root.put("host", hostId);
        root.put("endpoint", endpoint);
        root.put("dryRun", true);
        root.put("scope", wolfOnly() ? "wolf-only" : "store");
        root.put("store", store);
        root.put("secondLookMs", secondLook.toMillis());
        items(root.putArray("records"), records);
        items(root.putArray("orphans"), orphans);
        items(root.putArray("sessions"), sessions);
        items(root.putArray("other"), other);
        root.put("sessionsJudged", sessionsJudged);
        return root;
    }

    private static void items(ArrayNode array, List<Item> items) {
        for (Item i : items) {
            array.addObject().put("id", i.id()).put("action", i.action()).put("why", i.why());
        }
    }
}
