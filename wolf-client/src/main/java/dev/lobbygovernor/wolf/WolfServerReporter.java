package dev.lobbygovernor.wolf;

import dev.lobbygovernor.core.health.ServerHealth;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerReportException;
import dev.lobbygovernor.core.health.ServerReporter;
import dev.lobbygovernor.core.health.ServerUsage;
import dev.lobbygovernor.wolf.model.SystemHealthReply;
import dev.lobbygovernor.wolf.model.SystemMemoryReply;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Wolf's word about itself as a {@link ServerReporter}: the helixml fork's
 * {@code GET /api/v1/system/health} (can it create new pipelines, which threads are stuck) and
 * {@code GET /api/v1/system/memory} (its lobbies, streaming clients and process memory). Upstream
 * Wolf answers both 404 with an empty body: the report then has neither part, which the health
 * monitor says once as "not supported by this Wolf" and never counts as a failure.
 *
 * <p>Each call is bounded by the client's listing deadline ({@link TransportSettings#listingTimeout()}).
 */
public final class WolfServerReporter implements ServerReporter {

    /** This reporter's name in reasons, refusals and logs. */
    public static final String NAME = "Wolf";

    private final WolfClient client;
    private final Clock clock;

    /**
     * A reporter over {@code client}; the client stays the caller's to close.
     *
     * @param client the client that asks Wolf
     * @param clock times the reports
     * @throws NullPointerException if an argument is null
     */
    public WolfServerReporter(WolfClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ServerReport report() throws ServerReportException {
        try {
            Optional<ServerHealth> health = client.systemHealth().map(WolfServerReporter::health);
            Optional<ServerUsage> usage = client.systemMemory().map(WolfServerReporter::usage);
            return ServerReport.answered(NAME, clock.instant(), health, usage);
        } catch (WolfException e) {
            throw new ServerReportException("Wolf at " + client.endpoint() + " could not be asked about itself: "
                    + e.getMessage(), e);
        }
    }

    /** Wolf's stuck threads are the ones it marks {@code is_stuck}; its count is kept if larger. */
    static ServerHealth health(SystemHealthReply r) {
        List<String> stuck = r.threads().stream().filter(SystemHealthReply.ThreadHealth::stuck)
                .map(t -> t.name() == null || t.name().isBlank() ? "thread " + t.tid() : t.name()).toList();
        int stuckCount = Math.max(Math.max(0, r.stuckThreadCount()), stuck.size());
        int total = Math.max(Math.max(0, r.totalThreadCount()), stuckCount);
        return new ServerHealth(r.canCreateNewPipelines(), r.overallStatus(), stuckCount, total, stuck);
    }

    static ServerUsage usage(SystemMemoryReply r) {
        Long rss = r.processRssBytes();
        return new ServerUsage(r.lobbies().size(), r.clients().size(),
                rss == null || rss < 0 ? OptionalLong.empty() : OptionalLong.of(rss));
    }

    @Override
    public String toString() {
        return "WolfServerReporter[" + client.endpoint() + "]";
    }
}
