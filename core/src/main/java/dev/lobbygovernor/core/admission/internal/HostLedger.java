package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.Permit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One host's lobby count, kept exact under one lock (this object's monitor): the lobbies that
 * run ({@link LobbyBook}) plus the slots granted and not yet finished. Nothing under the lock
 * does I/O; applying a listing copies and compares sets, which takes microseconds for the
 * handful of lobbies a host runs.
 *
 * <p>Expiry is lazy: an open slot past its deadline is expired by the next grant, count or
 * state read; no thread runs in the background.
 */
public final class HostLedger {

    private final LobbyBook book = new LobbyBook();
    /** Granted slots that are neither committed, released nor expired. */
    private final List<Reservation> open = new ArrayList<>();
    private int cap;
    private LimitKind binding = LimitKind.STATIC;
    private int warningThreshold;
    private boolean refuseAll;
    private long listingsStarted;
    private long lastListingApplied;

    /**
     * A ledger with an initial cap.
     *
     * @param cap the effective cap
     * @param binding which limit that cap comes from
     * @param warningThreshold the count at which grants warn
     * @param refuseAll whether every admission is refused
     */
    public HostLedger(int cap, LimitKind binding, int warningThreshold, boolean refuseAll) {
        setLimits(cap, binding, warningThreshold, refuseAll);
    }

    /**
     * Replaces the limits; grants already made stand.
     *
     * @param cap the effective cap
     * @param binding which limit that cap comes from
     * @param warningThreshold the count at which grants warn
     * @param refuseAll whether every admission is refused
     */
    public synchronized void setLimits(int cap, LimitKind binding, int warningThreshold, boolean refuseAll) {
        if (cap < 0 || warningThreshold < 0) {
            throw new IllegalArgumentException("cap and warning threshold must not be negative");
        }
        this.cap = cap;
        this.binding = binding;
        this.warningThreshold = warningThreshold;
        this.refuseAll = refuseAll;
    }

    /**
     * Grants {@code slot} if the host has room: it becomes open, carrying the count, cap and
     * deadline of the grant.
     *
     * @param slot a reservation no ledger has granted
     * @param nowMillis the current time; expired slots are swept against it first
     * @param ttlMillis how long the slot may stay open
     * @return {@code null} if granted, else the refusal with the numbers that refused it
     * @throws IllegalStateException if {@code slot} was already granted
     */
    public synchronized Refusal tryReserve(Reservation slot, long nowMillis, long ttlMillis) {
        if (slot.state != null) {
            throw new IllegalStateException("slot was already granted");
        }
        expireLocked(nowMillis);
        int active = activeLocked();
        if (refuseAll) {
            return new Refusal(LimitKind.BLIND_REFUSAL, active, cap);
        }
        if (active >= cap) {
            return new Refusal(binding, active, cap);
        }
        slot.deadlineMillis = nowMillis + ttlMillis;
        slot.activeAfter = active + 1;
        slot.cap = cap;
        slot.warningThreshold = warningThreshold;
        slot.state = Permit.State.OPEN;
        open.add(slot);
        return null;
    }

    /**
     * Gives an open slot back. A slot being committed is marked instead: if its commit fails,
     * the slot is given back then rather than reopening.
     *
     * @param slot a granted slot
     * @return whether the slot returned now (false: committing, committed, released or expired)
     */
    public synchronized boolean release(Reservation slot) {
        if (slot.committing) {
            slot.releaseRequested = true;
            return false;
        }
        if (slot.state != Permit.State.OPEN) {
            return false;
        }
        finishLocked(slot, Permit.State.CLOSED);
        return true;
    }

    /**
     * Starts committing: an open, unexpired slot is marked committing and can no longer expire
     * or be released. An open slot past its deadline expires now.
     *
     * @param slot a granted slot
     * @param nowMillis the current time
     * @return true to go ahead; false if the slot is finished (read {@link #stateOf}) or another
     *     commit is under way
     */
    public synchronized boolean beginCommit(Reservation slot, long nowMillis) {
        if (slot.state != Permit.State.OPEN || slot.committing) {
            return false;
        }
        if (nowMillis >= slot.deadlineMillis) {
            finishLocked(slot, Permit.State.EXPIRED);
            return false;
        }
        slot.committing = true;
        return true;
    }

    /**
     * The record is stored: the committing slot becomes the counted lobby {@code lobbyId}.
     *
     * @param slot a slot for which {@link #beginCommit} returned true
     * @param lobbyId the lobby it was committed as
     * @throws IllegalStateException if the slot is not committing
     */
    public synchronized void completeCommit(Reservation slot, String lobbyId) {
        if (!slot.committing) {
            throw new IllegalStateException("slot is " + slot.state + ", not committing");
        }
        slot.committing = false;
        slot.lobbyId = lobbyId;
        book.commit(lobbyId);
        finishLocked(slot, Permit.State.COMMITTED);
    }

    /**
     * The record could not be stored: the slot is open again (and may expire), or released if
     * someone asked to release it meanwhile.
     *
     * @param slot a slot for which {@link #beginCommit} returned true
     */
    public synchronized void abortCommit(Reservation slot) {
        if (!slot.committing) {
            return;
        }
        slot.committing = false;
        if (slot.releaseRequested) {
            finishLocked(slot, Permit.State.CLOSED);
        }
    }

    /**
     * A granted slot's state now: an open slot past its deadline expires on this read.
     *
     * @param slot a granted slot
     * @param nowMillis the current time
     * @return the state; {@code null} if never granted
     */
    public synchronized Permit.State stateOf(Reservation slot, long nowMillis) {
        if (slot.state == Permit.State.OPEN && !slot.committing && nowMillis >= slot.deadlineMillis) {
            finishLocked(slot, Permit.State.EXPIRED);
        }
        return slot.state;
    }

    /**
     * The lobby a slot was committed as.
     *
     * @param slot a granted slot
     * @return the lobby id, or {@code null} if not committed
     */
    public synchronized String lobbyIdOf(Reservation slot) {
        return slot.lobbyId;
    }

    /**
     * Marks the start of a listing; take it before asking the runtime.
     *
     * @return the mark to pass to {@link #applyListing} with what the runtime answered
     */
    public synchronized ListingMark listingMark() {
        return new ListingMark(++listingsStarted, book.mark());
    }

    /**
     * Replaces the listed lobbies with a fresh listing, and forgets committed lobbies that were
     * committed before the listing started and are no longer in it (they stopped). A listing
     * that started before the last one applied is older news and is ignored.
     *
     * @param lobbyIds every lobby the runtime listed
     * @param mark {@link #listingMark()} taken before the listing was requested
     * @return whether the listing was applied
     */
    public boolean applyListing(Set<String> lobbyIds, ListingMark mark) {
        Set<String> ids = Set.copyOf(lobbyIds);
        synchronized (this) {
            return applyLocked(ids, mark);
        }
    }

    /**
     * Applies a listing as {@link #applyListing} does and, under the same lock, tries to grant
     * {@code slot} as {@link #tryReserve} does: a slot the listing frees goes to {@code slot},
     * never to an admission that slips in between.
     *
     * @param lobbyIds every lobby the runtime listed
     * @param mark {@link #listingMark()} taken before the listing was requested
     * @param slot a reservation no ledger has granted
     * @param nowMillis the current time
     * @param ttlMillis how long the slot may stay open
     * @return {@code null} if granted, else the refusal with the numbers that refused it
     */
    public Refusal applyListingAndReserve(Set<String> lobbyIds, ListingMark mark, Reservation slot, long nowMillis,
            long ttlMillis) {
        Set<String> ids = Set.copyOf(lobbyIds);
        synchronized (this) {
            applyLocked(ids, mark);
            return tryReserve(slot, nowMillis, ttlMillis);
        }
    }

    private boolean applyLocked(Set<String> ids, ListingMark mark) {
        if (mark.sequence() < lastListingApplied) {
            return false;
        }
        lastListingApplied = mark.sequence();
        book.apply(ids, mark.commits());
        return true;
    }

    /**
     * The counts now, after expiring open slots past their deadline.
     *
     * @param nowMillis the current time
     * @return the counts
     */
    public synchronized LedgerCounts counts(long nowMillis) {
        expireLocked(nowMillis);
        return new LedgerCounts(activeLocked(), open.size(), cap, binding, warningThreshold, refuseAll);
    }

    /**
     * Every lobby that counts now: listed or committed (open slots are not lobbies yet).
     *
     * @return a copy of the lobby ids
     */
    public synchronized Set<String> countedLobbies() {
        return book.counted();
    }

    private int activeLocked() {
        return book.size() + open.size();
    }

    private void expireLocked(long nowMillis) {
        for (int i = open.size() - 1; i >= 0; i--) {
            Reservation s = open.get(i);
            if (!s.committing && nowMillis >= s.deadlineMillis) {
                s.state = Permit.State.EXPIRED;
                open.remove(i);
            }
        }
    }

    private void finishLocked(Reservation slot, Permit.State end) {
        slot.state = end;
        open.remove(slot);
    }
}
