package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.HostRecords;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host as the governor tracks it: its cached lobby listing, its latest health and the cap
 * that health implies. The count itself is not kept here: it is decided from the listing and
 * the store's records by the {@link ReservationDesk}, under the admission ledger's host lock.
 *
 * <p>No lock is held while the runtime is asked anything; a small monitor guards the listing's
 * freshness. Refreshing is single-flight: of the admissions that find the listing stale, the
 * first asks the runtime and the rest wait for its answer (a future, not a lock), so a burst
 * costs one runtime call. Listings that overlap apply in the order they started. A runtime call
 * that hangs keeps the admissions that wait for its answer waiting as long, so runtimes must
 * bound their calls with timeouts (the Wolf client does); admissions while the listing is fresh
 * never wait for it.
 */
public final class HostState {

    private static final Logger log = LoggerFactory.getLogger(HostState.class);

    private final Host host;
    private final String id;
    private final Clock clock;
    /** Guards the fields below it that are not volatile; no I/O under it. */
    private final Object refreshLock = new Object();
    /** One last resort at a time per host; only last resorts take it, and none waits for it. */
    private final ReentrantLock lastResortTurn = new ReentrantLock();
    private CompletableFuture<Listing> refreshing;
    private long listingsStarted;
    private long lastListingApplied;
    private boolean failing;
    private long failedAtMillis;

    private final long listTtlMillis;
    private final long listingWaitMillis;
    private final BlindAdmission blindMode;
    /** The latest listing applied; {@link Listing#NONE} before the first. */
    private volatile Listing listing = Listing.NONE;
    /** Until when {@link #listing} may be reused; one volatile read on the hot path. */
    private volatile long freshUntilMillis = Long.MIN_VALUE;
    private volatile HostHealth health;
    private volatile EffectiveCap cap;
    private boolean healthReported; // guarded by this
    /** This host's records when the store holds none: one object, so counts from it can be reused. */
    private final HostRecords noRecords;
    /** The last count made, with what it was made from; see {@link ReservationDesk}. */
    private volatile CountMemo countMemo;

    /**
     * A host with unknown health and no listing yet.
     *
     * @param host the host
     * @param clock the time source
     * @param listTtlMillis how long a listing is reused
     * @param listingWaitMillis how long to wait for another caller's listing
     * @param blindMode what to admit while blind
     */
    public HostState(Host host, Clock clock, long listTtlMillis, long listingWaitMillis, BlindAdmission blindMode) {
        this.host = host;
        this.listingWaitMillis = listingWaitMillis;
        this.id = host.id();
        this.clock = clock;
        this.listTtlMillis = listTtlMillis;
        this.blindMode = blindMode;
        this.health = HostHealth.unknown(id, clock.instant());
        this.cap = EffectiveCap.of(host.limits(), health, blindMode, host.gpus());
        this.noRecords = new HostRecords(id, List.of(), List.of());
    }

    /**
     * The host's id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The latest health applied.
     *
     * @return the health
     */
    public HostHealth health() {
        return health;
    }

    EffectiveCap cap() {
        return cap;
    }

    HostRecords noRecords() {
        return noRecords;
    }

    CountMemo countMemo() {
        return countMemo;
    }

    void countMemo(CountMemo memo) {
        countMemo = memo;
    }

    LobbyRuntime runtime() {
        return host.runtime();
    }

    /** The render node of the host's GPU with {@code gpuUuid}, or {@code null} if none (or no GPU). */
    String renderNodeOf(String gpuUuid) {
        for (RenderNode g : host.gpus()) {
            if (g.gpuUuid().equals(gpuUuid)) {
                return g.path();
            }
        }
        return null;
    }

    Clock clock() {
        return clock;
    }

    /** The latest listing applied, fresh or not. */
    Listing lastListing() {
        return listing;
    }

    /** Held by a last resort from its first listing to its grant, so two never race on one host. */
    ReentrantLock lastResortTurn() {
        return lastResortTurn;
    }

    /**
     * Whether a fresh listing is applied or could be had, asking the runtime if needed.
     *
     * @param nowMillis the current time
     * @return false when the runtime cannot be listed and no fresh listing is cached: the host's
     *     count is unknown and it must refuse (never guess low)
     */
    public boolean ensureFresh(long nowMillis) {
        return freshListing(nowMillis) != null;
    }

    /**
     * A listing fresh at {@code nowMillis}, asking the runtime if the cached one is stale.
     *
     * @param nowMillis the current time
     * @return the listing, or {@code null} when the runtime cannot be listed
     */
    Listing freshListing(long nowMillis) {
        if (isFresh(nowMillis)) {
            return listing;
        }
        CompletableFuture<Listing> mine = null;
        CompletableFuture<Listing> theirs;
        synchronized (refreshLock) {
            long now = clock.millis();
            if (isFresh(now)) {
                return listing;
            }
            // A failed listing is not retried within the TTL either: a dead socket can take
            // seconds to time out, and every admission would wait for it.
            if (failing && now - failedAtMillis < listTtlMillis) {
                return null;
            }
            theirs = refreshing;
            if (theirs == null) {
                mine = new CompletableFuture<>();
                refreshing = mine;
            }
        }
        if (mine == null) {
            return awaitRefresh(theirs, listingWaitMillis);
        }
        Listing answered = null;
        try {
            answered = listNow();
            return answered;
        } finally {
            synchronized (refreshLock) {
                refreshing = null;
            }
            mine.complete(answered);
        }
    }

    /**
     * Waits for another caller's refresh, at most {@code waitMillis}: past it, or interrupted,
     * the count is unknown to this caller, which refuses (the refresh goes on for its owner).
     */
    private Listing awaitRefresh(CompletableFuture<Listing> refresh, long waitMillis) {
        try {
            return refresh.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.atDebug().addKeyValue("host", id).addKeyValue("waitedMs", waitMillis)
                    .log("Another caller's listing of this host is still under way; refusing rather than waiting");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** How placement may treat a host, judged without asking its runtime. */
    enum Readiness {
        /** Its listing is fresh, or can be had by asking the runtime now. */
        READY,
        /**
         * Confirming it would wait: another caller's listing of it is under way (maybe hung), or
         * it failed and is due to be asked again (it may hang again). Tried after the ready ones.
         */
        LATER,
        /** It failed within the listing TTL: its count is unknown and it refuses, unasked. */
        DOWN
    }

    /**
     * How placement may treat this host at {@code nowMillis}; never asks the runtime, so a
     * host that hangs delays no placement that another host can grant.
     *
     * @param nowMillis the current time
     * @return the host's readiness
     */
    Readiness readiness(long nowMillis) {
        if (isFresh(nowMillis)) {
            return Readiness.READY;
        }
        synchronized (refreshLock) {
            if (failing) {
                return nowMillis - failedAtMillis < listTtlMillis ? Readiness.DOWN : Readiness.LATER;
            }
            return refreshing != null ? Readiness.LATER : Readiness.READY;
        }
    }

    /**
     * Asks the runtime for its lobbies now, whatever the cache holds, and applies the answer
     * unless a listing that started later was applied first.
     *
     * @return what was listed, or {@code null} if the runtime could not be listed
     */
    Listing listNow() {
        long seq;
        synchronized (refreshLock) {
            seq = ++listingsStarted;
        }
        long startedAt = clock.millis();
        List<LiveLobby> lobbies;
        try {
            lobbies = runtime().listLobbies();
        } catch (LobbyRuntimeException e) {
            markFailing(startedAt, e.kind().name(), e.getMessage());
            return null;
        } catch (RuntimeException e) {
            // A runtime bug is no better than an unreachable host: the count is unknown.
            markFailing(startedAt, e.getClass().getSimpleName(), e.getMessage());
            return null;
        }
        if (lobbies == null) {
            markFailing(startedAt, "PROTOCOL", "listLobbies() returned null");
            return null;
        }
        Listing fresh = Listing.of(lobbies, startedAt);
        apply(fresh, seq);
        return fresh;
    }

    private void apply(Listing fresh, long seq) {
        boolean recovered;
        synchronized (refreshLock) {
            if (seq > lastListingApplied) {
                lastListingApplied = seq;
                listing = fresh;
                // measured from when the runtime was asked: the listing is at least that old
                freshUntilMillis = saturatedAdd(fresh.startedAtMillis(), listTtlMillis);
            }
            recovered = failing;
            failing = false;
        }
        if (recovered) {
            log.atInfo().addKeyValue("host", id).addKeyValue("lobbies", fresh.lobbies().size())
                    .log("Streaming host answers again; admitting there again");
        }
    }

    /**
     * Lobbies with a connected client, from a listing that is fresh at {@code nowMillis}; 0
     * when the listing is stale or failed, since a client may have left since (the health
     * classifier then does not expect NVENC sessions, rather than cry wolf).
     *
     * @param nowMillis the current time
     * @return lobbies with a connected client, or 0
     */
    public int streamingIfFresh(long nowMillis) {
        return isFresh(nowMillis) ? listing.streaming() : 0;
    }

    private boolean isFresh(long nowMillis) {
        return nowMillis < freshUntilMillis;
    }

    /** The runtime could not be listed: the count is unknown until it answers again. */
    void markFailing(long atMillis, String kind, String message) {
        boolean wasFailing;
        synchronized (refreshLock) {
            wasFailing = failing;
            failing = true;
            failedAtMillis = atMillis;
            freshUntilMillis = Long.MIN_VALUE;
        }
        if (!wasFailing) {
            log.atWarn().addKeyValue("host", id).addKeyValue("kind", kind).addKeyValue("error", message)
                    .log("Cannot list the lobbies of a streaming host; refusing admissions there until it answers");
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * Takes a new health report and precomputes the cap it implies. Reports older than the
     * latest one applied are ignored, so two reporting threads cannot move health backwards.
     *
     * @param report the host's health
     */
    public synchronized void applyHealth(HostHealth report) {
        if (healthReported && report.evaluatedAt().isBefore(health.evaluatedAt())) {
            return;
        }
        cap = EffectiveCap.of(host.limits(), report, blindMode, host.gpus());
        health = report;
        healthReported = true;
    }
}
