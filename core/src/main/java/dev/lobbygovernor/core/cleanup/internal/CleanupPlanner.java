package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.StopReason;
import dev.lobbygovernor.core.cleanup.internal.HostView.Listed;
import dev.lobbygovernor.core.cleanup.internal.HostView.TrackedRecord;
import dev.lobbygovernor.core.cleanup.internal.HostView.Unreachable;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what one cleanup cycle does on one host. A pure function of its inputs: no I/O, no
 * clock, no state, so every rule below is checked by property tests.
 *
 * <ul>
 *   <li>A record whose lobby the runtime does not list is forgotten (the listing is the proof),
 *       once the record is older than the longest create time: a runtime may list a new lobby
 *       late.
 *   <li>A listed lobby whose session is gone or soft-deleted, or whose last activity is older
 *       than the idle timeout, is stopped with the record's credentials, unless a recent failure
 *       holds its retry back.
 *   <li>A listed lobby with connected streaming clients is in use, so never idle, however old
 *       its record's last activity (the cycle also touches its record).
 *   <li>Nothing is planned against a runtime that could not be listed; due lobbies are reported.
 *   <li>A listed lobby that carries the name of a reservation is that reservation's lobby, not an
 *       orphan: reservations are settled apart ({@link ReservationPlanner}).
 *   <li>A listed lobby no record knows is an orphan. Past the grace period it is stopped if it is
 *       open and orphan stopping is on; otherwise it is reported once.
 * </ul>
 */
public final class CleanupPlanner {

    private CleanupPlanner() {
    }

    private static Map<String, LiveLobby> byId(List<LiveLobby> listed) {
        Map<String, LiveLobby> out = new HashMap<>();
        for (LiveLobby l : listed) {
            out.put(l.id(), l);
        }
        return out;
    }

    /**
     * Plans one host's cycle.
     *
     * @param view the host's records, their sessions and the runtime's listing
     * @param sightings the host's orphans remembered from earlier cycles, by lobby id
     * @param retryNotBefore for lobbies whose last attempt failed, the earliest next attempt
     * @param config the timeouts
     * @param now the cycle's time
     */
    static HostPlan plan(HostView view, Map<String, OrphanSighting> sightings, Map<String, Instant> retryNotBefore,
            ReaperConfig config, Instant now) {
        List<PlannedAction> actions = new ArrayList<>();
        if (view.runtime() instanceof Unreachable unreachable) {
            for (TrackedRecord tracked : view.records()) {
                // nothing is listed, so nobody is known to be connected: the records alone decide
                dueReason(tracked, false, config, now).ifPresent(reason -> actions.add(new PlannedAction.ReportUnreachable(
                        tracked.record(), unreachable.reason(), unreachable.detail())));
            }
            // nothing was seen, so orphan ages carry over unchanged
            return new HostPlan(view.hostId(), actions, sightings);
        }
        List<LiveLobby> listed = ((Listed) view.runtime()).lobbies();
        // the listed lobbies no record has claimed yet, in listing order; what is left are the orphans
        Map<String, LiveLobby> unclaimed = new LinkedHashMap<>();
        for (LiveLobby lobby : listed) {
            unclaimed.put(lobby.id(), lobby);
        }
        Map<String, LiveLobby> byId = null; // every listed lobby; built only when a record misses (rare)
        for (TrackedRecord tracked : view.records()) {
            LobbyRecord record = tracked.record();
            LiveLobby lobby = unclaimed.remove(record.lobbyId());
            if (lobby == null) { // not listed, or already claimed (a store handed back a record twice)
                byId = byId != null ? byId : byId(listed);
                lobby = byId.get(record.lobbyId());
            }
            if (lobby == null) {
                if (!record.createdAt().plus(config.maxCreateTime()).isAfter(now)) {
                    actions.add(new PlannedAction.ForgetRecord(record));
                }
            } else if (mayAttempt(record.lobbyId(), retryNotBefore, now)) {
                dueReason(tracked, lobby.connectedSessions() > 0, config, now)
                        .ifPresent(reason -> actions.add(new PlannedAction.StopRecorded(record, reason)));
            }
        }
        Map<String, OrphanSighting> next = new HashMap<>();
        for (LiveLobby lobby : unclaimed.values()) {
            if (view.reservedNames().contains(lobby.name())) {
                continue;
            }
            OrphanSighting seen = sightings.get(lobby.id());
            Instant firstSeen = seen == null ? now : seen.firstSeenAt();
            boolean reported = seen != null && seen.reported();
            if (!firstSeen.plus(config.orphanGrace()).isAfter(now)) {
                if (config.stopOrphans() && !lobby.pinRequired()) {
                    if (mayAttempt(lobby.id(), retryNotBefore, now)) {
                        actions.add(new PlannedAction.StopOrphan(lobby, firstSeen));
                    }
                } else if (!reported) {
                    actions.add(new PlannedAction.ReportOrphan(lobby, firstSeen));
                    reported = true;
                }
            }
            next.put(lobby.id(), new OrphanSighting(firstSeen, lobby.pinRequired(), reported));
        }
        return new HostPlan(view.hostId(), actions, next);
    }

    /**
     * Why a recorded lobby must stop now, if it must. An unknown session is judged on idle time
     * alone; a lobby in use (clients connected) is never idle, but still stops when its session
     * is gone or soft-deleted: its owner deleted it.
     */
    static Optional<StopReason> dueReason(TrackedRecord tracked, boolean inUse, ReaperConfig config, Instant now) {
        SessionState session = tracked.session();
        if (session != null && session.status() == SessionState.Status.GONE) {
            return Optional.of(StopReason.SESSION_GONE);
        }
        if (session != null && session.status() == SessionState.Status.SOFT_DELETED) {
            return Optional.of(StopReason.SESSION_SOFT_DELETED);
        }
        return !inUse && isIdle(tracked.record(), config, now) ? Optional.of(StopReason.IDLE_TIMEOUT) : Optional.empty();
    }

    /**
     * Whether the record's last activity is older than the idle timeout. Says nothing about
     * connected clients: the caller rules out a lobby in use first.
     *
     * @param record the lobby's record, whose last-activity time is judged
     * @param config the configuration holding the idle timeout
     * @param now the cycle's time
     * @return true if the last activity is strictly before {@code now - idleTimeout}
     */
    public static boolean isIdle(LobbyRecord record, ReaperConfig config, Instant now) {
        return record.lastActivityAt().isBefore(now.minus(config.idleTimeout()));
    }

    private static boolean mayAttempt(String lobbyId, Map<String, Instant> retryNotBefore, Instant now) {
        Instant notBefore = retryNotBefore.get(lobbyId);
        return notBefore == null || !notBefore.isAfter(now);
    }
}
