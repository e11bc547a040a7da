package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.OrphanLobby;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.SessionCleanup;
import dev.lobbygovernor.core.cleanup.internal.HostView.Listed;
import dev.lobbygovernor.core.cleanup.internal.HostView.RuntimeView;
import dev.lobbygovernor.core.cleanup.internal.HostView.TrackedRecord;
import dev.lobbygovernor.core.cleanup.internal.HostView.Unreachable;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.core.runtime.SessionListing;
import dev.lobbygovernor.core.runtime.SessionRuntime;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
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
import java.util.concurrent.ConcurrentHashMap;
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
    private final RetryBook sessionRetries;
    private final Map<String, Map<String, SessionSighting>> looseSessions = new HashMap<>(); // guarded by itself
    private final Set<String> sessionsUnjudged = new HashSet<>(); // guarded by itself
    private final ExecutorService workers;
    /** Each host's latest work; touched only by the cycle that holds the reaper's run flag. */
    private final Map<String, Future<List<CleanupOutcome>>> working = new HashMap<>();
    /**
     * Per host, when each lobby was last listed with clients connected; a host's entry is read
     * and replaced only by the one worker at work on that host.
     */
    private final Map<String, Map<String, Instant>> seenInUse = new ConcurrentHashMap<>();
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
        this.sessionRetries = new RetryBook(config);
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
        List<ReservationRecord> reservations = readReservations();
        Map<String, List<ReservationRecord>> reservedByHost = new HashMap<>();
        for (ReservationRecord r : reservations == null ? List.<ReservationRecord>of() : reservations) {
            reservedByHost.computeIfAbsent(r.hostId(), h -> new ArrayList<>()).add(r);
        }
        Map<String, List<TrackedRecord>> grouped = new HashMap<>();
        runtimes.keySet().forEach(h -> grouped.put(h, new ArrayList<>()));
        Map<String, SessionState> sessions = readSessions(records);
        int unknownSessions = 0;
        for (LobbyRecord r : records) {
            SessionState session = sessions == null ? null : sessions.get(r.sessionId());
            if (session == null && sessions != null) {
                unknownSessions++;
            }
            grouped.computeIfAbsent(r.hostId(), h -> new ArrayList<>()).add(new TrackedRecord(r, session));
        }
        Map<String, List<TrackedRecord>> byHost = new TreeMap<>(grouped); // hosts in id order, sorted once
        if (unknownSessions > 0) {
            log.atWarn().addKeyValue("lobbies", unknownSessions)
                    .log("The session store did not say where some sessions stand; their lobbies are judged on idle time alone this cycle");
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
            List<ReservationRecord> reserved = reservedByHost.getOrDefault(hostId, List.of());
            started.put(hostId, submit(() -> workOn(hostId, host.getValue(), reserved, notBefore, now)));
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
        List<OrphanLobby> orphans = new ArrayList<>();
        synchronized (sightings) {
            sightings.keySet().retainAll(byHost.keySet());
            sightings.forEach((hostId, seen) -> seen.forEach((id, s) ->
                    orphans.add(new OrphanLobby(hostId, id, s.firstSeenAt(), s.pinRequired()))));
        }
        if (!retries.isEmpty()) { // most cycles have nothing in backoff: no need to gather every id
            Set<String> known = new HashSet<>();
            records.forEach(r -> known.add(r.lobbyId()));
            reservedByHost.values().forEach(l -> l.forEach(r -> known.add(r.lobbyName())));
            orphans.forEach(o -> known.add(o.lobbyId()));
            retries.retainOnly(known);
        }
        Set<String> loose = new HashSet<>();
        synchronized (looseSessions) {
            looseSessions.keySet().retainAll(byHost.keySet());
            looseSessions.values().forEach(m -> loose.addAll(m.keySet()));
        }
        sessionRetries.retainOnly(loose);
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
    private List<CleanupOutcome> workOn(String hostId, List<TrackedRecord> records, List<ReservationRecord> reserved,
            Map<String, Instant> notBefore, Instant now) {
        RuntimeView listing = list(hostId);
        noteReachability(hostId, listing);
        // a dry run changes nothing, last activity included; the planner never judges an in-use lobby idle anyway
        List<TrackedRecord> tracked = listing instanceof Listed l && !config.dryRun()
                ? touchInUse(hostId, records, l, now) : records;
        Map<String, OrphanSighting> seen;
        synchronized (sightings) {
            seen = Map.copyOf(sightings.getOrDefault(hostId, Map.of()));
        }
        Set<String> reservedNames = new HashSet<>();
        reserved.forEach(r -> reservedNames.add(r.lobbyName()));
        HostPlan plan = CleanupPlanner.plan(new HostView(hostId, tracked, listing, reservedNames), seen, notBefore,
                config, now);
        DryRunReport dryRun = config.dryRun() ? new DryRunReport(hostId, now, reporter, retries) : null;
        List<CleanupOutcome> done = new ArrayList<>(dryRun != null ? dryRun.lobbies(plan)
                : new HostCleanup(hostId, runtimes.get(hostId), store, retries, config, now, reporter).execute(plan));
        if (listing instanceof Listed l && !reserved.isEmpty()) {
            Set<String> recordedIds = new HashSet<>();
            records.forEach(t -> recordedIds.add(t.record().lobbyId()));
            List<ReservationPlanner.Settlement> settlements = ReservationPlanner.plan(reserved, l.lobbies(),
                    recordedIds, config.maxCreateTime(), now);
            done.addAll(dryRun != null ? dryRun.reservations(settlements)
                    : new ReservationSettler(hostId, runtimes.get(hostId), store, retries, reporter, now)
                            .execute(settlements));
        }
        // an orphan verified gone this cycle is no longer an orphan
        Map<String, OrphanSighting> stillSeen = new HashMap<>(plan.sightings());
        done.stream().filter(o -> o instanceof CleanupOutcome.OrphanStopped
                        || (o instanceof CleanupOutcome.AlreadyGone g && g.sessionId() == null))
                .forEach(o -> stillSeen.remove(o.lobbyId()));
        synchronized (sightings) {
            sightings.put(hostId, stillSeen);
        }
        done.addAll(cleanSessions(hostId, now));
        return done;
    }

    /**
     * The host's streaming sessions, when session cleanup is on and its runtime has sessions:
     * list, plan, then stop and verify (or only say what would be stopped, in a dry run).
     */
    private List<CleanupOutcome> cleanSessions(String hostId, Instant now) {
        if (config.sessionCleanup() == SessionCleanup.OFF || !(runtimes.get(hostId) instanceof SessionRuntime runtime)) {
            return List.of();
        }
        SessionListing listing;
        try {
            listing = Objects.requireNonNull(runtime.listSessions(), "listSessions() returned null");
        } catch (LobbyRuntimeException | RuntimeException e) {
            // a listing that failed shows nothing loose: every run of sightings starts again
            synchronized (looseSessions) {
                looseSessions.put(hostId, SessionPlanner.forget());
            }
            log.atDebug().addKeyValue("host", hostId).addKeyValue("detail", e.getMessage())
                    .log("Streaming sessions could not be listed; none is judged leaked this cycle");
            return List.of();
        }
        noteClientList(hostId, listing);
        Map<String, SessionSighting> earlier;
        synchronized (looseSessions) {
            earlier = Map.copyOf(looseSessions.getOrDefault(hostId, Map.of()));
        }
        SessionPlanner.Plan plan = SessionPlanner.plan(listing, earlier, sessionRetries.notBefore(), config, now);
        SessionCleanupRun run = new SessionCleanupRun(hostId, runtime, sessionRetries, reporter, now);
        List<CleanupOutcome> done = run.execute(plan, config.dryRun());
        Map<String, SessionSighting> next = new HashMap<>(plan.sightings());
        next.keySet().removeAll(run.noLongerLoose());
        synchronized (looseSessions) {
            looseSessions.put(hostId, next);
        }
        return done;
    }

    /** One line when a server gives no client list (so no session can be judged), not one per cycle. */
    private void noteClientList(String hostId, SessionListing listing) {
        boolean added = false;
        synchronized (sessionsUnjudged) {
            if (listing.clientsKnown()) {
                sessionsUnjudged.remove(hostId);
            } else {
                added = sessionsUnjudged.add(hostId);
            }
        }
        if (added) {
            log.atWarn().addKeyValue("host", hostId)
                    .log("This streaming server does not say which clients stream, so no streaming session on it is "
                            + "judged leaked or stopped; session cleanup needs its client list");
        }
    }

    /**
     * Each record's session, asked in one call; {@code null} when the store could not say (then
     * idle time alone decides: an error is never taken for "gone"). A session missing from the
     * answer is unknown, not gone.
     */
    private Map<String, SessionState> readSessions(List<LobbyRecord> records) {
        // duplicates are the store's to fold (the SPI asks each distinct id once)
        List<String> ids = new ArrayList<>(records.size());
        records.forEach(r -> ids.add(r.sessionId()));
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            return Objects.requireNonNull(store.findSessions(ids), "findSessions() returned null");
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("lobbies", ids.size()).addKeyValue("detail", e.getMessage())
                    .log("The session store could not say where sessions stand; lobbies are judged on idle time alone this cycle");
            return null;
        }
    }

    /** Every reservation, or {@code null} when the store cannot list them (none is settled then). */
    private List<ReservationRecord> readReservations() {
        try {
            return Objects.requireNonNull(store.allReservations(), "allReservations() returned null");
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("detail", e.getMessage())
                    .log("Reservations not settled this cycle: the session store could not list them");
            return null;
        }
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
     * Keeps the last activity of recorded lobbies true to what the runtime lists, with few store
     * writes. Nothing else in the library learns of streaming activity, so without this an
     * in-use lobby would be stopped at the idle timeout after its commit.
     *
     * <ul>
     *   <li>A lobby listed with clients connected is in use: its record moves to {@code now} once
     *       it is {@link ReaperConfig#activityResolution()} old (a fresher record is left as it
     *       is), so status and the last resort see it as recently active. The planner never
     *       judges an in-use lobby idle, whatever its record says.</li>
     *   <li>A lobby that was in use at an earlier cycle and is not now has its record moved to
     *       the time it was last seen in use, so its idle time counts from then, exactly as if
     *       every cycle had written it. Only after a restart of the reaper, which forgets what it
     *       saw, can a record be up to the resolution behind.</li>
     * </ul>
     *
     * A failed write is logged; the cycle plans with the times it knows, and a departure whose
     * write failed is written again next cycle.
     */
    private List<TrackedRecord> touchInUse(String hostId, List<TrackedRecord> records, Listed listing, Instant now) {
        Map<String, Instant> before = seenInUse.getOrDefault(hostId, Map.of());
        Map<String, Instant> seen = new HashMap<>();
        for (LiveLobby lobby : listing.lobbies()) {
            if (lobby.connectedSessions() > 0) {
                seen.put(lobby.id(), now);
            }
        }
        Instant touchBefore = now.minus(config.activityResolution());
        Instant dueBy = touchBefore.equals(now) ? now : touchBefore.plusNanos(1); // at least the resolution old
        Map<Instant, List<String>> writes = new HashMap<>(); // by the time written: now, or when last seen in use
        Map<String, Instant> moved = new HashMap<>();
        for (TrackedRecord t : records) {
            String id = t.record().lobbyId();
            Instant last = t.record().lastActivityAt();
            Instant at;
            if (seen.containsKey(id)) {
                at = last.isBefore(dueBy) ? now : null;
            } else {
                Instant was = before.get(id);
                at = was != null && last.isBefore(was) ? was : null;
            }
            if (at != null) {
                writes.computeIfAbsent(at, k -> new ArrayList<>()).add(id);
                moved.put(id, at);
            }
        }
        int failures = 0;
        for (Map.Entry<Instant, List<String>> w : writes.entrySet()) {
            try {
                store.touchLobbies(w.getValue(), w.getKey()); // one call per host and time, not one per lobby
            } catch (RuntimeException e) {
                failures += w.getValue().size();
                for (String id : w.getValue()) {
                    seen.putIfAbsent(id, w.getKey()); // a departure not written is written next cycle
                }
            }
        }
        if (seen.isEmpty()) {
            seenInUse.remove(hostId);
        } else {
            seenInUse.put(hostId, seen);
        }
        if (failures > 0) {
            log.atWarn().addKeyValue("host", hostId).addKeyValue("lobbies", failures)
                    .log("The session store could not record the activity of lobbies with connected clients; "
                            + "this cycle judges them by the activity it saw, and writes it again next cycle");
        }
        if (moved.isEmpty()) {
            return records;
        }
        List<TrackedRecord> out = new ArrayList<>(records.size());
        for (TrackedRecord t : records) {
            Instant at = moved.get(t.record().lobbyId());
            out.add(at == null ? t : new TrackedRecord(t.record().touchedAt(at), t.session()));
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
