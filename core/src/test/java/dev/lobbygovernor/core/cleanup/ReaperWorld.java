package dev.lobbygovernor.core.cleanup;

import dev.lobbygovernor.core.cleanup.internal.CleanupPlanner;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One random history played against a real reaper, watching every call it makes. Safety is
 * checked at the moment of each call (a record is removed only when its lobby no longer runs; a
 * lobby is stopped only when it should be); liveness after each cycle (a lobby due to stop is
 * gone, with its record, after two healthy cycles).
 */
final class ReaperWorld {

    /** One step of a history. */
    enum Step {
        CREATE, SOFT_DELETE, HARD_DELETE, TOUCH, WAIT_MINUTES, CYCLE, RUNTIME_DOWN, RUNTIME_UP,
        IGNORE_STOPS, HONOUR_STOPS, STORE_REMOVALS_FAIL, STORE_REMOVALS_WORK, SERVER_RESTART,
        REAPER_RESTART, LEAK
    }

    /** Few sessions, many cycles and faults, no waiting: long failure streaks, then recovery. */
    static final List<Step> FAULT_HEAVY = List.of(
            Step.CREATE, Step.HARD_DELETE, Step.SOFT_DELETE, Step.CYCLE, Step.CYCLE, Step.CYCLE, Step.CYCLE,
            Step.CYCLE, Step.CYCLE, Step.IGNORE_STOPS, Step.HONOUR_STOPS, Step.RUNTIME_DOWN, Step.RUNTIME_UP,
            Step.STORE_REMOVALS_FAIL, Step.STORE_REMOVALS_WORK);

    /** The steps, weighted: cycles and creations are common, restarts rare. */
    static final List<Step> WEIGHTED = List.of(
            Step.CREATE, Step.CREATE, Step.CREATE, Step.SOFT_DELETE, Step.HARD_DELETE, Step.HARD_DELETE,
            Step.TOUCH, Step.WAIT_MINUTES, Step.WAIT_MINUTES, Step.CYCLE, Step.CYCLE, Step.CYCLE, Step.CYCLE,
            Step.CYCLE, Step.RUNTIME_DOWN, Step.RUNTIME_UP, Step.IGNORE_STOPS, Step.HONOUR_STOPS,
            Step.STORE_REMOVALS_FAIL, Step.STORE_REMOVALS_WORK, Step.SERVER_RESTART, Step.REAPER_RESTART, Step.LEAK);

    /** A step with a number that picks a session or a duration. */
    record Move(Step step, int arg) {
    }

    private final ReaperRig rig = new ReaperRig();
    private final List<String> sessions = new ArrayList<>();
    private final Map<String, Instant> leakedAt = new HashMap<>();
    private final Map<String, Integer> healthyCyclesWhileDue = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private int created;
    private boolean unreachable;
    private boolean ignoringStops;

    ReaperWorld() {
        rig.store.beforeRemove = lobbyId -> {
            if (rig.runtime.isRunning(lobbyId)) {
                violations.add("record of " + lobbyId + " removed while the lobby still runs");
            }
        };
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                return rig.runtime.listLobbies();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                checkStopIsWarranted(lobbyId, pin);
                rig.runtime.stopLobby(lobbyId, pin);
            }
        };
        rig.reaper = rig.newReaper();
    }

    /** Plays the moves; returns the violations found, empty if none. */
    List<String> play(List<Move> moves) {
        for (Move m : moves) {
            apply(m);
            if (!violations.isEmpty()) {
                break;
            }
        }
        return violations;
    }

    private void apply(Move m) {
        switch (m.step()) {
            case CREATE -> create(m.arg());
            case SOFT_DELETE -> pick(m.arg()).ifPresent(s -> rig.memory.softDeleteSession(s, rig.clock.instant()));
            case HARD_DELETE -> pick(m.arg()).ifPresent(rig.memory::hardDeleteSession);
            case TOUCH -> pick(m.arg()).ifPresent(s -> rig.memory.touchLobby("lobby-" + s, rig.clock.instant()));
            case WAIT_MINUTES -> rig.advance(Duration.ofMinutes(1 + m.arg() % 20));
            case CYCLE -> cycle();
            case RUNTIME_DOWN -> rig.runtime.setUnreachable(unreachable = true);
            case RUNTIME_UP -> rig.runtime.setUnreachable(unreachable = false);
            case IGNORE_STOPS -> rig.runtime.setIgnoreStops(ignoringStops = true);
            case HONOUR_STOPS -> rig.runtime.setIgnoreStops(ignoringStops = false);
            case STORE_REMOVALS_FAIL -> rig.store.failRemovals = true;
            case STORE_REMOVALS_WORK -> rig.store.failRemovals = false;
            case SERVER_RESTART -> rig.runtime.restart();
            case REAPER_RESTART -> rig.reaper = rig.newReaper();
            case LEAK -> leak(m.arg());
        }
    }

    private void create(int arg) {
        String session = "s" + created++;
        sessions.add(session);
        rig.commit("lobby-" + session, session, arg % 3 == 0 ? null : String.format("%04d", arg % 10_000));
    }

    private void leak(int arg) {
        String id = "leak-" + created++;
        rig.runtime.start(id, arg % 2 == 0 ? null : LobbyPin.of("4242"));
        leakedAt.put(id, rig.clock.instant());
    }

    private Optional<String> pick(int arg) {
        return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(arg % sessions.size()));
    }

    private boolean healthy() {
        return !rig.store.failRemovals && !unreachable && !ignoringStops;
    }

    private boolean due(LobbyRecord r, Instant now) {
        SessionState s = rig.memory.findSession(r.sessionId());
        return !s.isLive() || CleanupPlanner.isIdle(r, rig.config, now);
    }

    private void cycle() {
        rig.advance(rig.config.interval());
        Instant now = rig.clock.instant();
        boolean healthy = healthy();
        Map<String, Integer> streaks = new HashMap<>();
        for (LobbyRecord r : rig.memory.allLobbies()) {
            if (due(r, now)) {
                streaks.put(r.lobbyId(), healthy ? healthyCyclesWhileDue.getOrDefault(r.lobbyId(), 0) + 1 : 0);
            }
        }
        healthyCyclesWhileDue.clear();
        healthyCyclesWhileDue.putAll(streaks);
        CycleReport report = rig.reaper.runOnce();
        for (CleanupOutcome o : report.outcomes()) {
            boolean claimsStopped = o.kind() == CleanupOutcome.Kind.STOPPED || o.kind() == CleanupOutcome.Kind.ORPHAN_STOPPED
                    || o.kind() == CleanupOutcome.Kind.ALREADY_GONE;
            if (claimsStopped && rig.runtime.isRunning(o.lobbyId())) {
                violations.add(o.kind() + " reported for " + o.lobbyId() + ", which still runs");
            }
        }
        healthyCyclesWhileDue.forEach((lobby, healthyCycles) -> {
            if (healthyCycles >= 2 && (rig.runtime.isRunning(lobby) || rig.memory.findLobby(lobby).isPresent())) {
                violations.add(lobby + " still " + (rig.runtime.isRunning(lobby) ? "runs" : "has a record")
                        + " after " + healthyCycles + " healthy cycles while due");
            }
        });
    }

    private void checkStopIsWarranted(String lobbyId, Optional<LobbyPin> pin) {
        Instant now = rig.clock.instant();
        Optional<LobbyRecord> record = rig.memory.findLobby(lobbyId);
        if (record.isPresent()) {
            if (!due(record.get(), now)) {
                violations.add("stop sent for " + lobbyId + ", whose session is live and active");
            }
            if (!record.get().optionalPin().equals(pin)) {
                violations.add("stop for " + lobbyId + " sent without its stored PIN");
            }
        } else {
            Instant leaked = leakedAt.get(lobbyId);
            if (leaked == null || leaked.plus(rig.config.orphanGrace()).isAfter(now)) {
                violations.add("orphan " + lobbyId + " stopped before its grace period ended");
            }
            if (pin.isPresent()) {
                violations.add("orphan " + lobbyId + " stopped with a PIN the library cannot know");
            }
        }
    }
}
