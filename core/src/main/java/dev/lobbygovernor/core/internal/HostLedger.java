package dev.lobbygovernor.core.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One host's lobby count, kept exact under one short lock.
 *
 * <p>What counts is what actually runs: the lobbies of the latest runtime listing, united with
 * the lobbies committed through this ledger (a committed lobby counts once, listed or not),
 * plus the open reservations. Counting is O(1): the ledger keeps the size of "committed but not
 * listed" up to date instead of building the union.
 *
 * <p>A committed lobby stops counting only when a listing that <em>started after its commit</em>
 * no longer shows it; a listing that began before the commit may simply predate the lobby.
 * Commits are numbered for that ({@link #listingMark()}).
 *
 * <p>Open reservations form an intrusive list so that expiry is lazy: they are swept only when
 * the host looks full or someone reads its counts, never by a background thread.
 */
public final class HostLedger {

    private final Object lock = new Object();
    private final Reservation anchor = new Reservation(0, 0, 0, 0);

    // everything below is guarded by lock
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

    /** Replaces the precomputed limits; grants already made stand. */
    public void setLimits(int cap, LimitKind binding, int warningThreshold, boolean refuseAll) {
        if (cap < 0 || warningThreshold < 0) {
            throw new IllegalArgumentException("cap and warning threshold must not be negative");
        }
        synchronized (lock) {
            this.cap = cap;
            this.binding = binding;
            this.warningThreshold = warningThreshold;
            this.refuseAll = refuseAll;
        }
    }

    /**
     * Grants a slot if the host has room.
     *
     * @param nowMillis the current time; expired reservations are swept against it when full
     * @param ttlMillis how long the slot may stay open
     * @return a {@link Reservation}, or a {@link Refusal} with the numbers that refused it
     */
    public ReserveOutcome tryReserve(long nowMillis, long ttlMillis) {
        synchronized (lock) {
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
            Reservation r = new Reservation(nowMillis + ttlMillis, active + 1, cap, warningThreshold);
            link(r);
            return r;
        }
    }

    /**
     * Returns an open reservation's slot. A reservation being committed is marked instead: if
     * its commit fails, the slot returns then rather than reopening.
     *
     * @return whether the slot returned now (false: committing, committed, released or expired)
     */
    public boolean release(Reservation r) {
        synchronized (lock) {
            if (r.state == Reservation.State.COMMITTING) {
                r.releaseRequested = true;
            }
            if (r.state != Reservation.State.OPEN) {
                return false;
            }
            finishLocked(r, Reservation.State.RELEASED);
            return true;
        }
    }

    /**
     * Starts committing: an open, unexpired reservation becomes {@code COMMITTING} and can no
     * longer expire. An open reservation past its deadline expires now.
     *
     * @return the state after the call: {@code COMMITTING} means go ahead
     */
    public Reservation.State beginCommit(Reservation r, long nowMillis) {
        synchronized (lock) {
            if (r.state == Reservation.State.OPEN) {
                if (nowMillis >= r.deadlineMillis) {
                    finishLocked(r, Reservation.State.EXPIRED);
                } else {
                    r.state = Reservation.State.COMMITTING;
                }
            }
            return r.state;
        }
    }

    /** The record is stored: the slot becomes the counted lobby {@code lobbyId}. */
    public void completeCommit(Reservation r, String lobbyId) {
        synchronized (lock) {
            if (r.state != Reservation.State.COMMITTING) {
                throw new IllegalStateException("reservation is " + r.state + ", not COMMITTING");
            }
            r.lobbyId = lobbyId;
            finishLocked(r, Reservation.State.COMMITTED);
            if (committed.put(lobbyId, ++commitSeq) == null && !listed.contains(lobbyId)) {
                committedUnlisted++;
            }
        }
    }

    /**
     * The record could not be stored: the reservation is open again (and may expire), or
     * released if someone asked to release it meanwhile.
     */
    public void abortCommit(Reservation r) {
        synchronized (lock) {
            if (r.state == Reservation.State.COMMITTING) {
                if (r.releaseRequested) {
                    finishLocked(r, Reservation.State.RELEASED);
                } else {
                    r.state = Reservation.State.OPEN;
                }
            }
        }
    }

    /** The commit number to pass to {@link #applyListing}; take it before asking the runtime. */
    public long listingMark() {
        synchronized (lock) {
            return commitSeq;
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
        synchronized (lock) {
            listed = ids;
            committed.entrySet().removeIf(e -> e.getValue() <= mark && !ids.contains(e.getKey()));
            int unlisted = 0;
            for (String id : committed.keySet()) {
                if (!ids.contains(id)) {
                    unlisted++;
                }
            }
            committedUnlisted = unlisted;
        }
    }

    /** The counts now, after sweeping expired reservations. */
    public LedgerCounts counts(long nowMillis) {
        synchronized (lock) {
            sweepLocked(nowMillis);
            return new LedgerCounts(activeLocked(), reserved, cap, binding, warningThreshold, refuseAll);
        }
    }

    /** Every lobby that counts now: listed or committed (not reservations). */
    public Set<String> countedLobbies() {
        synchronized (lock) {
            Set<String> out = new HashSet<>(listed);
            out.addAll(committed.keySet());
            return out;
        }
    }

    private int activeLocked() {
        return listed.size() + committedUnlisted + reserved;
    }

    private int sweepLocked(long nowMillis) {
        int swept = 0;
        for (Reservation r = anchor.next; r != anchor; ) {
            Reservation next = r.next;
            if (r.state == Reservation.State.OPEN && nowMillis >= r.deadlineMillis) {
                finishLocked(r, Reservation.State.EXPIRED);
                swept++;
            }
            r = next;
        }
        return swept;
    }

    private void finishLocked(Reservation r, Reservation.State end) {
        r.state = end;
        r.prev.next = r.next;
        r.next.prev = r.prev;
        r.prev = null;
        r.next = null;
        reserved--;
    }

    private void link(Reservation r) {
        r.prev = anchor.prev;
        r.next = anchor;
        anchor.prev.next = r;
        anchor.prev = r;
    }
}
