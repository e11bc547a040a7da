package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.SessionCleanup;
import dev.lobbygovernor.core.runtime.LiveSession;
import dev.lobbygovernor.core.runtime.SessionListing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which streaming sessions of one host are leaked. A pure function of its inputs, so its
 * rules are checked by property tests:
 *
 * <ul>
 *   <li>An attached session ({@link SessionListing#attached}: in a lobby, its client streaming, or
 *       the server gave no client list) is never acted on, and its run of
 *       loose sightings ends.
 *   <li>A loose session is leaked once it was loose in at least two listings in a row and the
 *       first of them is at least {@link ReaperConfig#sessionGrace()} old. One listing is not
 *       enough: a client may be between a stream's start and its lobby join.
 *   <li>A leaked session is stopped under {@link SessionCleanup#STOP} unless a failure holds its
 *       retry back, and reported once per run under {@link SessionCleanup#REPORT}.
 *   <li>A failed listing is no sighting: the caller forgets every run (see {@link #forget}).
 * </ul>
 */
final class SessionPlanner {

    private SessionPlanner() {
    }

    /** One leaked session, and what to do about it. */
    record Leak(LiveSession session, Instant looseSince, boolean stop) {
    }

    /**
     * The plan for one listing.
     *
     * @param leaks the leaked sessions to stop or report
     * @param sightings the runs to remember for the next cycle, by session id
     */
    record Plan(List<Leak> leaks, Map<String, SessionSighting> sightings) {
        Plan {
            leaks = List.copyOf(leaks);
            sightings = Map.copyOf(sightings);
        }
    }

    /**
     * Plans one host's sessions.
     *
     * @param listing what the server listed this cycle
     * @param earlier the runs of loose sightings up to the previous listing
     * @param retryNotBefore for sessions whose last stop failed, the earliest next attempt
     * @param config the mode and grace
     * @param now the cycle's time
     */
    static Plan plan(SessionListing listing, Map<String, SessionSighting> earlier, Map<String, Instant> retryNotBefore,
            ReaperConfig config, Instant now) {
        List<Leak> leaks = new ArrayList<>();
        Map<String, SessionSighting> next = new HashMap<>();
        if (config.sessionCleanup() == SessionCleanup.OFF) {
            return new Plan(leaks, next);
        }
        for (LiveSession session : listing.sessions()) {
            if (listing.attached(session) || next.containsKey(session.id())) {
                // a second listing of one id (two streams of one client) is judged once; whether a
                // session is attached depends on its id alone, so every listing of an id agrees
                continue;
            }
            SessionSighting before = earlier.get(session.id());
            SessionSighting seen = before == null ? new SessionSighting(now, 1, false)
                    : new SessionSighting(before.looseSince(), before.listings() + 1, before.reported());
            boolean leaked = seen.listings() >= 2 && !seen.looseSince().plus(config.sessionGrace()).isAfter(now);
            if (leaked && config.sessionCleanup() == SessionCleanup.STOP) {
                Instant notBefore = retryNotBefore.get(session.id());
                if (notBefore == null || !notBefore.isAfter(now)) {
                    leaks.add(new Leak(session, seen.looseSince(), true));
                }
            } else if (leaked && !seen.reported()) {
                leaks.add(new Leak(session, seen.looseSince(), false));
                seen = new SessionSighting(seen.looseSince(), seen.listings(), true);
            }
            next.put(session.id(), seen);
        }
        return new Plan(leaks, next);
    }

    /** After a failed listing: nothing was seen, so no run of sightings goes on. */
    static Map<String, SessionSighting> forget() {
        return Map.of();
    }
}
