package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.OrphanLobby;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.internal.HostView.Listed;
import dev.lobbygovernor.core.cleanup.internal.HostView.RuntimeView;
import dev.lobbygovernor.core.cleanup.internal.HostView.TrackedRecord;
import dev.lobbygovernor.core.cleanup.internal.HostView.Unreachable;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionState;
import dev.lobbygovernor.store.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cleanup cycle: gathers each host's inputs (records first, then sessions, then the
 * runtime's listing), asks the planner, and hands the plan to {@link HostCleanup}. Holds the
 * state that outlives a cycle in memory: retry backoff, orphan sightings, unreachable hosts.
 * {@link LobbyReaper} lets one cycle run at a time; within it, each host's work runs on a
 * worker of its own, so one hung host delays no other, and the cycle waits for a host at most
 * {@link ReaperConfig#hostWait()}.
 */
public final class ReaperCycle {

    private static final Logger log = LoggerFactory.getLogger(ReaperCycle.class);

    private final SessionStore store;
    private final Map<String, LobbyRuntime> runtimes;
    private final ReaperConfig config;
    private final OutcomeReporter reporter;
    private final RetryBook retries;
    private final Map<String, Map<String, OrphanSighting>> sightings = new HashMap<>(); // guarded by itself
    private final Set<String> unreachable = new HashSet<>(); // guarded by itself
    private final ExecutorService workers;
    /** Each host's latest work; touched only by the cycle that holds the reaper's run flag. */
    private final Map<String, Future<List<CleanupOutcome>>> working = new HashMap<>();
    private boolean interrupted;
    private volatile List<OrphanLobby> orphanView = List.of();

    /**
     * A cycle runner with no memory yet: no backoff, no orphan sightings.
     *
     * @param store where records and sessions are read, and records removed and touched
     * @param runtimes each host's runtime, by the host id that records name
     * @param config the timeouts, grace and backoff
     * @param reporter where each outcome is logged and heard
     * @param workers runs each host's work, one task per host at most, so that a slow host
     *     never delays another
     */
    public ReaperCycle(SessionStore store, Map<String, LobbyRuntime> runtimes, ReaperConfig config, OutcomeReporter reporter,
            ExecutorService workers) {
        this.workers = workers;
        this.store = store;
        this.runtimes = runtimes;
        this.config = config;
        this.reporter = reporter;
        this.retries = new RetryBook(config);
    }

    /**
     * The orphans seen in the last cycle, oldest first; safe from any thread.
     *
     * @return an unmodifiable snapshot, published when a cycle finishes its hosts
     */
    public List<OrphanLobby> orphans() {
        return orphanView;
    }

    /**
     * Runs one cycle at {@code now}; every outcome is already logged and reported. The caller
     * tells the listener that the cycle completed.
     *
     * @param now the cycle's time, against which idleness, grace and backoff are judged
     * @return what the cycle did; {@link CycleReport.Status#STORE_UNAVAILABLE} if the records
     *     could not be read
     */
    public CycleReport run(Instant now) {
        List<LobbyRecord> records;
        try {
            records = Objects.requireNonNull(store.allLobbies(), "allLobbies() returned null");
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("detail", e.getMessage())
                    .log("Lobby cleanup skipped: the session store could not list lobby records; nothing was stopped or removed");
            return CycleReport.empty(now, CycleReport.Status.STORE_UNAVAILABLE);
        }
        Map<String, List<TrackedRecord>> byHost = new TreeMap<>();
        runtimes.keySet().forEach(h -> byHost.put(h, new ArrayList<>()));
        Map<String, SessionState> sessions = readSessions(records);
        for (LobbyRecord r : records) {
            byHost.computeIfAbsent(r.hostId(), h -> new ArrayList<>())
                    .add(new TrackedRecord(r, sessions.get(r.sessionId())));
        }
        Map<String, Instant> notBefore = retries.notBefore();
        List<CleanupOutcome> outcomes = new ArrayList<>();
        List<String> unreachableNow = new ArrayList<>();
        Map<String, Future<List<CleanupOutcome>>> started = new LinkedHashMap<>();
        for (Map.Entry<String, List<TrackedRecord>> host : byHost.entrySet()) {
            String hostId = host.getKey();
            Future<List<CleanupOutcome>> earlier = working.get(hostId);
            if (earlier != null && !earlier.isDone()) {
                // still at work from an earlier cycle: a second worker would only pile up
                unreachableNow.add(hostId);
                continue;
            }
            started.put(hostId, submit(() -> workOn(hostId, host.getValue(), notBefore, now)));
        }
        working.putAll(started);
        long waitUntil = System.nanoTime() + config.hostWait().toNanos();
        for (Map.Entry<String, Future<List<CleanupOutcome>>> host : started.entrySet()) {
            HostWork done = interrupted ? new HostWork(List.of(), true)
                    : await(host.getKey(), host.getValue(), waitUntil);
            outcomes.addAll(done.outcomes());
            if (done.unreachable()) {
                unreachableNow.add(host.getKey());
            }
        }
        Set<String> known = new HashSet<>();
        records.forEach(r -> known.add(r.lobbyId()));
        List<OrphanLobby> orphans = new ArrayList<>();
        synchronized (sightings) {
            sightings.keySet().retainAll(byHost.keySet());
            sightings.forEach((hostId, seen) -> seen.forEach((id, s) -> {
                known.add(id);
                orphans.add(new OrphanLobby(hostId, id, s.firstSeenAt(), s.pinRequired()));
            }));
        }
        retries.retainOnly(known);
        orphans.sort(Comparator.comparing(OrphanLobby::firstSeenAt).thenComparing(OrphanLobby::lobbyId));
        orphanView = List.copyOf(orphans);
        unreachableNow.sort(Comparator.naturalOrder());
        return new CycleReport(now, CycleReport.Status.COMPLETED, outcomes, unreachableNow);
    }

    /**
     * Whether the cycle's thread was interrupted while waiting for a host, since the last call;
     * the caller restores the interrupt.
     *
     * @return true once after an interrupted wait
     */
    public boolean takeInterrupted() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    /** What the cycle learnt of one host's work. */
    private record HostWork(List<CleanupOutcome> outcomes, boolean unreachable) {
    }

    private Future<List<CleanupOutcome>> submit(Callable<List<CleanupOutcome>> work) {
        try {
            return workers.submit(work);
        } catch (RejectedExecutionException closed) {
            // the reaper is closed: a cycle run by hand still does its work, here
            FutureTask<List<CleanupOutcome>> inline = new FutureTask<>(work);
            inline.run();
            return inline;
        }
    }

    /** Waits for a host's work until {@code waitUntil}; past it, the host counts as unreachable. */
    private HostWork await(String hostId, Future<List<CleanupOutcome>> work, long waitUntil) {
        try {
            List<CleanupOutcome> done = work.get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
            boolean unreachable;
            synchronized (this.unreachable) {
                unreachable = this.unreachable.contains(hostId);
            }
            return new HostWork(done, unreachable);
        } catch (TimeoutException e) {
            log.atWarn().addKeyValue("host", hostId).addKeyValue("waitedMs", config.hostWait().toMillis())
                    .log("Lobby cleanup on this host is still at work after the cycle's wait; other hosts went on,"
                            + " and this one is left out of cycles until its work ends");
            return new HostWork(List.of(), true);
        } catch (ExecutionException e) {
            log.atError().addKeyValue("host", hostId).setCause(e.getCause())
                    .log("Lobby cleanup on this host failed unexpectedly; the next cycle tries again");
            return new HostWork(List.of(), true);
        } catch (InterruptedException e) {
            // the reaper restores the interrupt once the cycle returns (threads are its concern)
            interrupted = true;
            return new HostWork(List.of(), true);
        }
    }

    /** One host's part of a cycle: list, plan, stop and verify; on a worker thread. */
    private List<CleanupOutcome> workOn(String hostId, List<TrackedRecord> records, Map<String, Instant> notBefore,
            Instant now) {
        RuntimeView listing = list(hostId);
        noteReachability(hostId, listing);
        List<TrackedRecord> tracked = listing instanceof Listed l ? touchInUse(hostId, records, l, now) : records;
        Map<String, OrphanSighting> seen;
        synchronized (sightings) {
            seen = Map.copyOf(sightings.getOrDefault(hostId, Map.of()));
        }
        HostPlan plan = CleanupPlanner.plan(new HostView(hostId, tracked, listing), seen, notBefore, config, now);
        List<CleanupOutcome> done = new HostCleanup(hostId, runtimes.get(hostId), store, retries, config, now,
                reporter).execute(plan);
        // an orphan verified gone this cycle is no longer an orphan
        Map<String, OrphanSighting> stillSeen = new HashMap<>(plan.sightings());
        done.stream().filter(o -> o instanceof CleanupOutcome.OrphanStopped
                        || (o instanceof CleanupOutcome.AlreadyGone g && g.sessionId() == null))
                .forEach(o -> stillSeen.remove(o.lobbyId()));
        synchronized (sightings) {
            sightings.put(hostId, stillSeen);
        }
        return done;
    }

    /** Each record's session, or no entry when the store could not say (then idle time alone decides). */
    private Map<String, SessionState> readSessions(List<LobbyRecord> records) {
        Map<String, SessionState> out = new HashMap<>();
        int failures = 0;
        for (LobbyRecord r : records) {
            if (out.containsKey(r.sessionId())) {
                continue;
            }
            try {
                SessionState state = store.findSession(r.sessionId());
                if (state != null) {
                    out.put(r.sessionId(), state);
                } else {
                    failures++;
                }
            } catch (RuntimeException e) {
                failures++;
            }
        }
        if (failures > 0) {
            log.atWarn().addKeyValue("sessions", failures)
                    .log("The session store could not say where some sessions stand; their lobbies are judged on idle time alone this cycle");
        }
        return out;
    }

    private RuntimeView list(String hostId) {
        LobbyRuntime runtime = runtimes.get(hostId);
        if (runtime == null) {
            return new Unreachable(FailureReason.NO_RUNTIME, "no LobbyRuntime is configured for this host");
        }
        try {
            List<LiveLobby> lobbies = runtime.listLobbies();
            return lobbies == null
                    ? new Unreachable(FailureReason.RUNTIME_PROTOCOL, "listLobbies() returned null")
                    : new Listed(lobbies);
        } catch (LobbyRuntimeException e) {
            return new Unreachable(HostCleanup.failureOf(e.kind()), e.getMessage());
        } catch (RuntimeException e) {
            return new Unreachable(FailureReason.RUNTIME_PROTOCOL, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * A lobby the runtime lists with clients connected is in use now: its record's last activity
     * moves to {@code now}, so that it is not judged idle the moment its clients leave, and the
     * last resort ranks it as recently active. Nothing else in the library learns of streaming
     * activity, so without this an in-use lobby would be stopped at the idle timeout after its
     * commit. A failed touch is logged; the planner still never judges an in-use lobby idle.
     */
    private List<TrackedRecord> touchInUse(String hostId, List<TrackedRecord> records, Listed listing, Instant now) {
        Set<String> inUse = new HashSet<>();
        for (LiveLobby lobby : listing.lobbies()) {
            if (lobby.connectedSessions() > 0) {
                inUse.add(lobby.id());
            }
        }
        if (inUse.isEmpty()) {
            return records;
        }
        List<TrackedRecord> out = new ArrayList<>(records.size());
        int failures = 0;
        for (TrackedRecord t : records) {
            LobbyRecord r = t.record();
            if (inUse.contains(r.lobbyId()) && r.lastActivityAt().isBefore(now)) {
                try {
                    store.touchLobby(r.lobbyId(), now);
                    t = new TrackedRecord(r.touchedAt(now), t.session());
                } catch (RuntimeException e) {
                    failures++;
                }
            }
            out.add(t);
        }
        if (failures > 0) {
            log.atWarn().addKeyValue("host", hostId).addKeyValue("lobbies", failures)
                    .log("The session store could not record the activity of lobbies with connected clients; "
                            + "they are still treated as in use this cycle");
        }
        return out;
    }

    /** One line when a host stops answering and one when it answers again, not one per cycle. */
    private void noteReachability(String hostId, RuntimeView listing) {
        boolean added;
        boolean removed;
        synchronized (unreachable) {
            added = listing instanceof Unreachable && unreachable.add(hostId);
            removed = !(listing instanceof Unreachable) && unreachable.remove(hostId);
        }
        if (listing instanceof Unreachable u) {
            if (added) {
                log.atWarn().addKeyValue("host", hostId).addKeyValue("reason", u.reason())
                        .addKeyValue("detail", u.detail())
                        .log("Lobby runtime cannot be listed; no lobby on this host is stopped and no record removed until it answers");
            }
        } else if (removed) {
            log.atInfo().addKeyValue("host", hostId).log("Lobby runtime answers again; cleanup resumes on this host");
        }
    }
}
