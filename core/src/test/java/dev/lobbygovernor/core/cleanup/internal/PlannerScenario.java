package dev.lobbygovernor.core.cleanup.internal;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.internal.HostView.TrackedRecord;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;

/** A random host as the planner sees it: records in every state, orphans of every age, backoffs. */
record PlannerScenario(List<RecordSpec> records, List<OrphanSpec> orphans, boolean reachable, boolean stopOrphans) {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final String HOST = "wolf-1";

    /**
     * session: 0 present, 1 soft-deleted, 2 gone, 3 unknown; listed: whether the runtime runs it;
     * clients: how many streaming clients the runtime lists as connected.
     */
    record RecordSpec(int session, int idleMinutes, boolean listed, int backoffSeconds, int clients) {
    }

    /** sighting: 0 first seen now, 1 seen before, 2 seen before and reported. */
    record OrphanSpec(boolean pinRequired, int sighting, int seenMinutesAgo, int backoffSeconds) {
    }

    static Gen<PlannerScenario> all() {
        return with(booleans().all());
    }

    /** Hosts whose runtime answered ({@code true}) or could not be listed. */
    static Gen<PlannerScenario> reachable(boolean reachable) {
        return with(org.quicktheories.generators.Generate.constant(reachable));
    }

    private static Gen<PlannerScenario> with(Gen<Boolean> reachable) {
        Gen<Integer> backoff = integers().between(-90, 90).mix(integers().between(-1000, -1000), 50);
        Gen<Integer> clients = integers().between(-2, 2).map(c -> Math.max(c, 0)); // mostly none
        Gen<RecordSpec> record = integers().between(0, 3).zip(integers().between(0, 60), booleans().all(), backoff,
                (session, idle, listed, back) -> new RecordSpec(session, idle, listed, back, 0))
                .zip(clients, (r, c) -> new RecordSpec(r.session(), r.idleMinutes(), r.listed(), r.backoffSeconds(), c));
        Gen<OrphanSpec> orphan = booleans().all().zip(integers().between(0, 2), integers().between(0, 20), backoff,
                OrphanSpec::new);
        return lists().of(record).ofSizeBetween(0, 8).zip(lists().of(orphan).ofSizeBetween(0, 5),
                reachable, booleans().all(), PlannerScenario::new);
    }

    ReaperConfig config() {
        return ReaperConfig.builder().stopOrphans(stopOrphans).build();
    }

    HostView view() {
        List<TrackedRecord> tracked = new ArrayList<>();
        List<LiveLobby> live = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordSpec r = records.get(i);
            String id = "r" + i;
            SessionState session = switch (r.session()) {
                case 0 -> SessionState.present("s" + i);
                case 1 -> SessionState.softDeleted("s" + i, NOW.minusSeconds(5));
                case 2 -> SessionState.gone("s" + i);
                default -> null;
            };
            Instant active = NOW.minus(Duration.ofMinutes(r.idleMinutes()));
            tracked.add(new TrackedRecord(new LobbyRecord(id, HOST, "s" + i, i % 2 == 0 ? LobbyPin.of("1234") : null,
                    active.minusSeconds(60), active), session));
            if (r.listed()) {
                live.add(new LiveLobby(id, id, i % 2 == 0, r.clients()));
            }
        }
        for (int i = 0; i < orphans.size(); i++) {
            live.add(new LiveLobby("o" + i, "", orphans.get(i).pinRequired(), 0));
        }
        HostView.RuntimeView runtime = reachable ? new HostView.Listed(live)
                : new HostView.Unreachable(FailureReason.RUNTIME_UNAVAILABLE, "down");
        return new HostView(HOST, tracked, runtime);
    }

    Map<String, OrphanSighting> sightings() {
        Map<String, OrphanSighting> out = new HashMap<>();
        for (int i = 0; i < orphans.size(); i++) {
            OrphanSpec o = orphans.get(i);
            if (o.sighting() > 0) {
                out.put("o" + i, new OrphanSighting(NOW.minus(Duration.ofMinutes(o.seenMinutesAgo())),
                        o.pinRequired(), o.sighting() == 2));
            }
        }
        return out;
    }

    Map<String, Instant> retryNotBefore() {
        Map<String, Instant> out = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).backoffSeconds() > -1000) {
                out.put("r" + i, NOW.plusSeconds(records.get(i).backoffSeconds()));
            }
        }
        for (int i = 0; i < orphans.size(); i++) {
            if (orphans.get(i).backoffSeconds() > -1000) {
                out.put("o" + i, NOW.plusSeconds(orphans.get(i).backoffSeconds()));
            }
        }
        return out;
    }

    HostPlan plan() {
        return CleanupPlanner.plan(view(), sightings(), retryNotBefore(), config(), NOW);
    }
}
