package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.SessionStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host as the governor tracks it: its ledger, its cached lobby listing and its latest
 * health.
 *
 * <p>No lock is held while the runtime is asked anything. The ledger's lock guards the count
 * and is held for microseconds; a small monitor guards the listing's freshness. Refreshing is
 * single-flight: of the admissions that find the listing stale, the first asks the runtime and
 * the rest wait for its answer (a future, not a lock), so a burst costs one runtime call.
 * Listings that overlap (a refresh and a last resort's verifying listing) apply in the order
 * they started ({@link ListingMark}). A runtime call that hangs keeps the admissions that wait
 * for its answer waiting as long, so runtimes must bound their calls with timeouts (the Wolf
 * client does); admissions while the listing is fresh never wait for it.
 */
public final class HostState {

    private static final Logger log = LoggerFactory.getLogger(HostState.class);

    private final Host host;
    private final String id;
    private final HostLedger ledger;
    /** Where this host's permits record their lobbies, and their time source. */
    private final SessionStore store;
    private final Clock clock;
    /** Guards {@link #refreshing}, {@link #failing} and {@link #failedAtMillis}; no I/O under it. */
    private final Object refreshLock = new Object();
    /** One last resort at a time per host; only last resorts take it, and none waits for it. */
    private final ReentrantLock lastResortTurn = new ReentrantLock();
    private CompletableFuture<Boolean> refreshing;

    private final long listTtlMillis;
    private final BlindAdmission blindMode;
    /** Until when the applied listing may be reused; one volatile read on the hot path. */
    private volatile long freshUntilMillis = Long.MIN_VALUE;
    /** Lobbies with a connected client in the applied listing. */
    private volatile int streaming;
    private boolean failing;
    private long failedAtMillis;
    private volatile HostHealth health;
    private boolean healthReported; // guarded by this

    /**
     * A host with unknown health and no listing yet.
     *
     * @param host the host
     * @param store where its permits record their lobbies
     * @param clock the time source
     * @param listTtlMillis how long a listing is reused
     * @param blindMode what to admit while blind
     */
    public HostState(Host host, SessionStore store, Clock clock, long listTtlMillis, BlindAdmission blindMode) {
        this.host = host;
        this.id = host.id();
        this.store = store;
        this.clock = clock;
        this.listTtlMillis = listTtlMillis;
        this.blindMode = blindMode;
        this.health = HostHealth.unknown(id, clock.instant());
        EffectiveCap cap = EffectiveCap.of(host.limits(), health, blindMode);
        this.ledger = new HostLedger(cap.cap(), cap.binding(), cap.warningThreshold(), cap.refuseAll());
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
     * The host's ledger.
     *
     * @return the ledger
     */
    public HostLedger ledger() {
        return ledger;
    }

    /**
     * The latest health applied.
     *
     * @return the health
     */
    public HostHealth health() {
        return health;
    }

    LobbyRuntime runtime() {
        return host.runtime();
    }

    SessionStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /** Held by a last resort from its first listing to its grant, so two never race on one host. */
    ReentrantLock lastResortTurn() {
        return lastResortTurn;
    }

    /**
     * Makes sure a fresh listing is applied, asking the runtime if needed.
     *
     * @param nowMillis the current time
     * @return false when the runtime cannot be listed and no fresh listing is cached: the host's
     *     count is unknown and it must refuse (never guess low)
     */
    public boolean ensureFresh(long nowMillis) {
        if (isFresh(nowMillis)) {
            return true;
        }
        CompletableFuture<Boolean> mine = null;
        CompletableFuture<Boolean> theirs;
        synchronized (refreshLock) {
            long now = clock.millis();
            if (isFresh(now)) {
                return true;
            }
            // A failed listing is not retried within the TTL either: a dead socket can take
            // seconds to time out, and every admission would wait for it.
            if (failing && now - failedAtMillis < listTtlMillis) {
                return false;
            }
            theirs = refreshing;
            if (theirs == null) {
                mine = new CompletableFuture<>();
                refreshing = mine;
            }
        }
        if (mine == null) {
            return awaitRefresh(theirs);
        }
        boolean answered = false;
        try {
            answered = listAndApply(clock.millis(), null, 0) != null;
            return answered;
        } finally {
            synchronized (refreshLock) {
                refreshing = null;
            }
            mine.complete(answered);
        }
    }

    /** Waits for another caller's refresh; an interrupted wait refuses (the count is unknown). */
    private static boolean awaitRefresh(CompletableFuture<Boolean> refresh) {
        try {
            return refresh.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
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
        return isFresh(nowMillis) ? streaming : 0;
    }

    private boolean isFresh(long nowMillis) {
        return nowMillis < freshUntilMillis;
    }

    /**
     * What a listing showed, and whether the permit offered with it was granted.
     *
     * @param lobbies what the runtime listed
     * @param granted whether the permit got its slot in the same step as the listing applied
     */
    record Applied(List<LiveLobby> lobbies, boolean granted) {
    }

    /**
     * Asks the runtime for its lobbies, applies them and, if a permit is offered, grants it in
     * the same ledger step when the listing leaves room.
     *
     * @param toGrant a permit not yet granted, or {@code null}
     * @return what was listed and whether the permit was granted, or {@code null} if the runtime
     *     could not be listed
     */
    Applied listAndApply(long startedAtMillis, Reservation toGrant, long permitTtlMillis) {
        ListingMark mark = ledger.listingMark();
        List<LiveLobby> lobbies;
        try {
            lobbies = runtime().listLobbies();
        } catch (LobbyRuntimeException e) {
            markFailing(startedAtMillis, e.kind().name(), e.getMessage());
            return null;
        } catch (RuntimeException e) {
            // A runtime bug is no better than an unreachable host: the count is unknown.
            markFailing(startedAtMillis, e.getClass().getSimpleName(), e.getMessage());
            return null;
        }
        return new Applied(lobbies, apply(lobbies, mark, startedAtMillis, toGrant, permitTtlMillis));
    }

    /**
     * Applies a listing the caller obtained (the last resort's verifying listing) and, if a
     * permit is offered, grants it in the same ledger step when the listing leaves room, so no
     * other admission can take a slot the listing frees. The caller took {@code mark} from the
     * ledger before asking the runtime.
     *
     * @param toGrant a permit not yet granted, or {@code null}
     * @return whether {@code toGrant} was granted ({@code false} when none was offered)
     */
    boolean apply(List<LiveLobby> lobbies, ListingMark mark, long startedAtMillis, Reservation toGrant,
            long permitTtlMillis) {
        Set<String> ids = idsOf(lobbies);
        boolean granted = false;
        boolean applied;
        if (toGrant == null) {
            applied = ledger.applyListing(ids, mark);
        } else {
            granted = ledger.applyListingAndReserve(ids, mark, toGrant, clock.millis(), permitTtlMillis) == null;
            applied = true; // a stale listing is ignored by the ledger; its client count is close enough
        }
        if (applied) {
            streaming = (int) lobbies.stream().filter(l -> l.connectedSessions() > 0).count();
        }
        noteAnswered(startedAtMillis, lobbies.size());
        return granted;
    }

    private static Set<String> idsOf(List<LiveLobby> lobbies) {
        Set<String> ids = new HashSet<>();
        for (LiveLobby lobby : lobbies) {
            ids.add(lobby.id());
        }
        return ids;
    }

    private void noteAnswered(long startedAtMillis, int lobbies) {
        boolean recovered;
        synchronized (refreshLock) {
            // measured from when the runtime was asked: the listing is at least that old
            freshUntilMillis = Math.max(freshUntilMillis, saturatedAdd(startedAtMillis, listTtlMillis));
            recovered = failing;
            failing = false;
        }
        if (recovered) {
            log.atInfo().addKeyValue("host", id).addKeyValue("lobbies", lobbies)
                    .log("Streaming host answers again; admitting there again");
        }
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
        EffectiveCap cap = EffectiveCap.of(host.limits(), report, blindMode);
        ledger.setLimits(cap.cap(), cap.binding(), cap.warningThreshold(), cap.refuseAll());
        health = report;
        healthReported = true;
    }
}
