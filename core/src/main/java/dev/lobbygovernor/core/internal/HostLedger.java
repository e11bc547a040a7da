package dev.lobbygovernor.core.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One host's lobby count, kept exact under one short lock ({@link SpinLock}).
 *
 * <p>What counts is what actually runs: the lobbies of the latest runtime listing, united with
 * the lobbies committed through this ledger (a committed lobby counts once, listed or not),
 * plus the open slots. Counting is O(1): the ledger keeps the size of "committed but not
 * listed" up to date instead of building the union.
 *
 * <p>A committed lobby stops counting only when a listing that <em>started after its commit</em>
 * no longer shows it; a listing that began before the commit may simply predate the lobby.
 * Commits are numbered for that ({@link #listingMark()}).
 *
 * <p>Open slots form an intrusive list so that expiry is lazy: they are swept only when
 * the host looks full or someone reads its counts, never by a background thread.
 */
public final class HostLedger {

    private final SpinLock lock = new SpinLock();
    private final Slot anchor = new Anchor();

    // everything below is guarded by the lock
    private Set<String> listed = Set.of();
    private final Map<String, Long> committed = new HashMap<>();
    private int committedUnlisted;
    private long commitSeq;
    private int reserved;
    private int cap;
    private LimitKind binding = LimitKind.STATIC;
    private int warningThreshold;
    private boolean refuseAll;

    /**
     * A ledger with an initial cap.
     *
     * @param cap the effective cap
     * @param binding which limit that cap comes from
     * @param warningThreshold the count at which grants warn
     * @param refuseAll whether every admission is refused
     */
    public HostLedger(int cap, LimitKind binding, int warningThreshold, boolean refuseAll) {
        anchor.next = anchor;
        anchor.prev = anchor;
        setLimits(cap, binding, warningThreshold, refuseAll);
    }

    /** The list's sentinel: never granted. */
    private static final class Anchor extends Slot {
    }

    /** Replaces the precomputed limits; grants already made stand. */
    public void setLimits(int cap, LimitKind binding, int warningThreshold, boolean refuseAll) {
        if (cap < 0 || warningThreshold < 0) {
            throw new IllegalArgumentException("cap and warning threshold must not be negative");
        }
        lock.lock();
        try {
            this.cap = cap;
            this.binding = binding;
            this.warningThreshold = warningThreshold;
            this.refuseAll = refuseAll;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Grants {@code slot} if the host has room: it becomes {@link Slot.State#OPEN}, carrying the
     * count, cap and deadline of the grant.
     *
     * @param slot a new slot (the caller allocates it outside the lock)
     * @param nowMillis the current time; expired slots are swept against it when full
     * @param ttlMillis how long the slot may stay open
     * @return {@code null} if granted, else the refusal with the numbers that refused it
     */
    public Refusal tryReserve(Slot slot, long nowMillis, long ttlMillis) {
        lock.lock();
        try {
            if (slot.state != null) {
                throw new IllegalStateException("slot was already granted");
            }
            int active = activeLocked();
            if (refuseAll) {
                return new Refusal(LimitKind.BLIND_REFUSAL, active, cap);
            }
            if (active >= cap && sweepLocked(nowMillis) > 0) {
                active = activeLocked();
            }
            if (active >= cap) {
                return new Refusal(binding, active, cap);
            }
            reserved++;
            slot.deadlineMillis = nowMillis + ttlMillis;
            slot.activeAfter = active + 1;
            slot.cap = cap;
            slot.warningThreshold = warningThreshold;
            slot.state = Slot.State.OPEN;
            link(slot);
            return null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives an open slot back. A slot being committed is marked instead: if its commit
     * fails, the slot is given back then rather than reopening.
     *
     * @return whether the slot returned now (false: committing, committed, released or expired)
     */
    public boolean release(Slot r) {
        lock.lock();
        try {
            if (r.state == Slot.State.COMMITTING) {
                r.releaseRequested = true;
            }
            if (r.state != Slot.State.OPEN) {
                return false;
            }
            finishLocked(r, Slot.State.RELEASED);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts committing: an open, unexpired slot becomes {@code COMMITTING} and can no
     * longer expire. An open slot past its deadline expires now.
     *
     * @return the state after the call: {@code COMMITTING} means go ahead
     */
    public Slot.State beginCommit(Slot r, long nowMillis) {
        lock.lock();
        try {
            if (r.state == Slot.State.OPEN) {
                if (nowMillis >= r.deadlineMillis) {
                    finishLocked(r, Slot.State.EXPIRED);
                } else {
                    r.state = Slot.State.COMMITTING;
                }
            }
            return r.state;
        } finally {
            lock.unlock();
        }
    }

    /** A slot's state now; {@code null} if never granted. */
    public Slot.State stateOf(Slot slot) {
        lock.lock();
        try {
            return slot.state;
        } finally {
            lock.unlock();
        }
    }

    /** The record is stored: the slot becomes the counted lobby {@code lobbyId}. */
    public void completeCommit(Slot r, String lobbyId) {
        lock.lock();
        try {
            if (r.state != Slot.State.COMMITTING) {
                throw new IllegalStateException("slot is " + r.state + ", not COMMITTING");
            }
            r.lobbyId = lobbyId;
            finishLocked(r, Slot.State.COMMITTED);
            if (committed.put(lobbyId, ++commitSeq) == null && !listed.contains(lobbyId)) {
                committedUnlisted++;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The record could not be stored: the slot is open again (and may expire), or
     * released if someone asked to release it meanwhile.
     */
    public void abortCommit(Slot r) {
        lock.lock();
        try {
            if (r.state == Slot.State.COMMITTING) {
                if (r.releaseRequested) {
                    finishLocked(r, Slot.State.RELEASED);
                } else {
                    r.state = Slot.State.OPEN;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The commit number to pass to {@link #applyListing}; take it before asking the runtime. */
    public long listingMark() {
        lock.lock();
        try {
            return commitSeq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the listed lobbies with a fresh listing, and forgets committed lobbies that were
     * committed before the listing started and are no longer in it (they stopped).
     *
     * @param lobbyIds every lobby the runtime listed
     * @param mark {@link #listingMark()} taken before the listing was requested
     */
    public void applyListing(Set<String> lobbyIds, long mark) {
        Set<String> ids = Set.copyOf(lobbyIds);
        lock.lock();
        try {
            listed = ids;
            committed.entrySet().removeIf(e -> e.getValue() <= mark && !ids.contains(e.getKey()));
            int unlisted = 0;
            for (String id : committed.keySet()) {
                if (!ids.contains(id)) {
                    unlisted++;
                }
            }
            committedUnlisted = unlisted;
        } finally {
            lock.unlock();
        }
    }

    /** The counts now, after sweeping expired slots. */
    public LedgerCounts counts(long nowMillis) {
        lock.lock();
        try {
            sweepLocked(nowMillis);
            return new LedgerCounts(activeLocked(), reserved, cap, binding, warningThreshold, refuseAll);
        } finally {
            lock.unlock();
        }
    }

    /** Every lobby that counts now: listed or committed (open slots are not lobbies yet). */
    public Set<String> countedLobbies() {
        lock.lock();
        try {
            Set<String> out = new HashSet<>(listed);
            out.addAll(committed.keySet());
            return out;
        } finally {
            lock.unlock();
        }
    }

    private int activeLocked() {
        return listed.size() + committedUnlisted + reserved;
    }

    private int sweepLocked(long nowMillis) {
        int swept = 0;
        for (Slot r = anchor.next; r != anchor; ) {
            Slot next = r.next;
            if (r.state == Slot.State.OPEN && nowMillis >= r.deadlineMillis) {
                finishLocked(r, Slot.State.EXPIRED);
                swept++;
            }
            r = next;
        }
        return swept;
    }

    private void finishLocked(Slot r, Slot.State end) {
        r.state = end;
        r.prev.next = r.next;
        r.next.prev = r.prev;
        r.prev = null;
        r.next = null;
        reserved--;
    }

    private void link(Slot r) {
        r.prev = anchor.prev;
        r.next = anchor;
        anchor.prev.next = r;
        anchor.prev = r;
    }
}
