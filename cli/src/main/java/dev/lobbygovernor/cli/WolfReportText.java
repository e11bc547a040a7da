package dev.lobbygovernor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.core.health.ServerHealth;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Wolf's own report (its health and counts) as {@code status} prints it, in text and JSON. */
final class WolfReportText {

    static final String NOT_SUPPORTED = "not supported by this Wolf";

    private WolfReportText() {
    }

    /** Lines for people: Wolf's health, then its counts. */
    static List<String> lines(Optional<ServerReport> server) {
        List<String> out = new ArrayList<>();
        if (server.isEmpty()) {
            return out;
        }
        ServerReport r = server.get();
        if (!r.answered()) {
            out.add("Wolf's own health: could not be read (" + r.failure() + ")");
        } else if (r.health().isEmpty()) {
            out.add("Wolf's own health: " + NOT_SUPPORTED + " (no system/health)");
        } else {
            ServerHealth h = r.health().get();
            out.add("Wolf's own health: " + (h.overallStatus().isEmpty() ? "no status" : h.overallStatus())
                    + (h.canCreatePipelines() ? ", can create new pipelines"
                            : ", CANNOT create new pipelines: no new lobby is admitted here")
                    + ", " + h.stuckThreads() + " of " + h.totalThreads() + " threads stuck"
                    + (h.stuckThreadNames().isEmpty() ? "" : " (" + String.join(", ", h.stuckThreadNames()) + ")"));
        }
        if (r.answered()) {
            out.add(r.usage().map(u -> "Wolf's own count: " + u.lobbies() + " lobbies, " + u.clients()
                    + " clients connected" + memory(u))
                    .orElse("Wolf's own count: " + NOT_SUPPORTED + " (no system/memory)"));
        }
        return out;
    }

    private static String memory(ServerUsage u) {
        return u.processMemoryBytes().isPresent() ? ", process memory " + mib(u.processMemoryBytes().getAsLong()) : "";
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }

    /**
     * {@code {"answered", "supported", "failure", "health": {...} | null, "usage": {...} | null}},
     * or {@code null} when nothing asked Wolf.
     */
    static ObjectNode json(Optional<ServerReport> server) {
        if (server.isEmpty()) {
            return null;
        }
        ServerReport r = server.get();
        ObjectNode n = GpuJson.MAPPER.createObjectNode();
        n.put("answered", r.answered());
        n.put("supported", r.supported());
        n.put("failure", r.answered() ? null : r.failure());
        if (r.health().isPresent()) {
            ServerHealth h = r.health().get();
            ObjectNode hn = n.putObject("health");
            hn.put("status", h.overallStatus());
            hn.put("canCreatePipelines", h.canCreatePipelines());
            hn.put("critical", h.critical());
            hn.put("stuckThreads", h.stuckThreads());
            hn.put("totalThreads", h.totalThreads());
            ArrayNode names = hn.putArray("stuckThreadNames");
            h.stuckThreadNames().forEach(names::add);
        } else {
            n.putNull("health");
        }
        if (r.usage().isPresent()) {
            ServerUsage u = r.usage().get();
            ObjectNode un = n.putObject("usage");
            un.put("lobbies", u.lobbies());
            un.put("clients", u.clients());
            if (u.processMemoryBytes().isPresent()) {
                un.put("processMemoryBytes", u.processMemoryBytes().getAsLong());
            } else {
                un.putNull("processMemoryBytes");
            }
        } else {
            n.putNull("usage");
        }
        return n;
    }
}
