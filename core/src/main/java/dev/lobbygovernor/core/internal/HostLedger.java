package dev.lobbygovernor.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;

/**
 * One host's lobby count, kept exact under one short lock: the lobbies that run
 * ({@link LobbyBook}) plus the slots granted and not yet finished. Counting is O(1).
 *
 * <p>Granted slots sit on a singly linked list, newest first, so that expiry is lazy: they are
 * swept when the host looks full, when someone reads the counts, or when finished slots pile
 * up; never by a background thread. Finishing a slot only marks it; the next sweep unlinks it.
 * That keeps a grant and a release from writing to any other slot, so admission moves only
 * this object's cache line between cores, as a semaphore moves its own.
 *
 * <p>The lock is one compare-and-set when free and a plain release-store to free it: a monitor
 * or {@code ReentrantLock} costs a second atomic operation on every exit, which made the
 * grant-and-release path about twice a semaphore's cost. Every critical section is a few field
 * updates or a walk over a host's handful of slots, and allocates nothing (results are built
 * after unlocking), so a waiter spins, then yields, rather than parks. Not reentrant.
 *
 * <p>The lobbies themselves ({@link LobbyBook}: a listing can hold many, and recording one
 * allocates) are guarded by a plain monitor, {@code book}, which admissions never take: applying
 * a listing, recording a commit or copying the counted lobbies allocate under that monitor and
 * take the spin lock only to publish the new count. Lock order: {@code book}, then the spin lock.
 */
public final class HostLedger {

    private static final VarHandle LOCK;
    private static final int SPINS_BEFORE_YIELD = 32;
    /** Sweep when the list holds this many more slots than twice the open ones. */
    private static final int SWEEP_SLACK = 16;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(HostLedger.class, "lockState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 0 free, 1 held. */
    @SuppressWarnings("unused") // accessed through LOCK
    private volatile int lockState;

    // guarded by the lock; the fields admission touches live in this object
    private int lobbies;
    private int reserved;
    private int cap;
    private int warningThreshold;
    private boolean refuseAll;
    private Slot head;
    private int linked;
    private LimitKind binding = LimitKind.STATIC;
    /** Its own monitor guards it; see the class comment. */
    private final LobbyBook book = new LobbyBook();

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

    /** Replaces the precomputed limits; grants already made stand. */
    public void setLimits(int cap, LimitKind binding, int warningThreshold, boolean refuseAll) {
        if (cap < 0 || warningThreshold < 0) {
            throw new IllegalArgumentException("cap and warning threshold must not be negative");
        }
        lock();
        try {
            this.cap = cap;
            this.binding = binding;
            this.warningThreshold = warningThreshold;
            this.refuseAll = refuseAll;
        } finally {
            unlock();
        }
    }

    /**
     * Grants {@code slot} if the host has room: it becomes {@link SlotState#OPEN}, carrying the
     * count, cap and deadline of the grant.
     *
     * @param slot a new slot (the caller allocates it outside the lock)
     * @param nowMillis the current time; expired slots are swept against it when full
     * @param ttlMillis how long the slot may stay open
     * @return {@code null} if granted, else the refusal with the numbers that refused it
     */
    public Refusal tryReserve(Slot slot, long nowMillis, long ttlMillis) {
        boolean misused;
        LimitKind refusedBy = null;
        int active;
        int capNow;
        lock();
        try {
            misused = slot.state != null;
            if (!misused) {
                refusedBy = reserveLocked(slot, nowMillis, ttlMillis);
            }
            active = lobbies + reserved;
            capNow = cap;
        } finally {
            unlock();
        }
        return refusal(misused, refusedBy, active, capNow);
    }

    /** Built after unlocking: nothing is allocated under the spin lock. */
    private static Refusal refusal(boolean misused, LimitKind refusedBy, int active, int cap) {
        if (misused) {
            throw new IllegalStateException("slot was already granted");
        }
        return refusedBy == null ? null : new Refusal(refusedBy, active, cap);
    }

    /** Grants a new slot if there is room; {@code null} if granted, else what refused it. */
    private LimitKind reserveLocked(Slot slot, long nowMillis, long ttlMillis) {
        if (lobbies + reserved >= cap || linked > 2 * reserved + SWEEP_SLACK) {
            sweepLocked(nowMillis);
        }
        if (refuseAll) {
            return LimitKind.BLIND_REFUSAL;
        }
        int active = lobbies + reserved;
        if (active >= cap) {
            return binding;
        }
        reserved++;
        slot.deadlineMillis = nowMillis + ttlMillis;
        slot.activeAfter = active + 1;
        slot.cap = cap;
        slot.warningThreshold = warningThreshold;
        slot.state = SlotState.OPEN;
        slot.next = head;
        head = slot;
        linked++;
        return null;
    }

    /**
     * Gives an open slot back. A slot being committed is marked instead: if its commit
     * fails, the slot is given back then rather than reopening.
     *
     * @return whether the slot returned now (false: committing, committed, released or expired)
     */
    public boolean release(Slot slot) {
        lock();
        try {
            if (slot.state == SlotState.COMMITTING) {
                slot.releaseRequested = true;
            }
            if (slot.state != SlotState.OPEN) {
                return false;
            }
            finishLocked(slot, SlotState.RELEASED);
            return true;
        } finally {
            unlock();
        }
    }

    /**
     * Starts committing: an open, unexpired slot becomes {@code COMMITTING} and can no longer
     * expire. An open slot past its deadline expires now.
     *
     * @return the state after the call: {@code COMMITTING} means go ahead
     */
    public SlotState beginCommit(Slot slot, long nowMillis) {
        lock();
        try {
            if (slot.state == SlotState.OPEN) {
                if (nowMillis >= slot.deadlineMillis) {
                    finishLocked(slot, SlotState.EXPIRED);
                } else {
                    slot.state = SlotState.COMMITTING;
                }
            }
            return slot.state;
        } finally {
            unlock();
        }
    }

    /** The record is stored: the slot becomes the counted lobby {@code lobbyId}. */
    public void completeCommit(Slot slot, String lobbyId) {
        synchronized (book) {
            // Only the committing caller moves a slot out of COMMITTING (through this method or
            // abortCommit), so the state checked here still holds when the count is published.
            SlotState state = stateOf(slot);
            if (state != SlotState.COMMITTING) {
                throw new IllegalStateException("slot is " + state + ", not COMMITTING");
            }
            book.commit(lobbyId);
            int counted = book.size();
            lock();
            try {
                slot.lobbyId = lobbyId;
                finishLocked(slot, SlotState.COMMITTED);
                lobbies = counted;
            } finally {
                unlock();
            }
        }
    }

    /**
     * The record could not be stored: the slot is open again (and may expire), or released if
     * someone asked to release it meanwhile.
     */
    public void abortCommit(Slot slot) {
        lock();
        try {
            if (slot.state == SlotState.COMMITTING) {
                if (slot.releaseRequested) {
                    finishLocked(slot, SlotState.RELEASED);
                } else {
                    slot.state = SlotState.OPEN;
                }
            }
        } finally {
            unlock();
        }
    }

    /** A slot's state now; {@code null} if never granted. */
    public SlotState stateOf(Slot slot) {
        lock();
        try {
            return slot.state;
        } finally {
            unlock();
        }
    }

    /** The commit number to pass to {@link #applyListing}; take it before asking the runtime. */
    public long listingMark() {
        synchronized (book) {
            return book.mark();
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
        synchronized (book) {
            book.apply(ids, mark);
            int counted = book.size();
            lock();
            try {
                lobbies = counted;
            } finally {
                unlock();
            }
        }
    }

    /**
     * Applies a listing as {@link #applyListing} does and, in the same critical section, tries to
     * grant {@code slot} as {@link #tryReserve} does: a slot the listing frees goes to
     * {@code slot}, never to an admission that slips in between.
     *
     * @return {@code null} if granted, else the refusal with the numbers that refused it
     */
    public Refusal applyListingAndReserve(Set<String> lobbyIds, long mark, Slot slot, long nowMillis,
            long ttlMillis) {
        Set<String> ids = Set.copyOf(lobbyIds);
        boolean misused;
        LimitKind refusedBy = null;
        int active;
        int capNow;
        synchronized (book) {
            book.apply(ids, mark);
            int counted = book.size();
            lock();
            try {
                lobbies = counted;
                misused = slot.state != null;
                if (!misused) {
                    refusedBy = reserveLocked(slot, nowMillis, ttlMillis);
                }
                active = lobbies + reserved;
                capNow = cap;
            } finally {
                unlock();
            }
        }
        return refusal(misused, refusedBy, active, capNow);
    }

    /** The counts now, after sweeping expired slots. */
    public LedgerCounts counts(long nowMillis) {
        int active;
        int reservedNow;
        int capNow;
        LimitKind bindingNow;
        int warningNow;
        boolean refuseAllNow;
        lock();
        try {
            sweepLocked(nowMillis);
            active = lobbies + reserved;
            reservedNow = reserved;
            capNow = cap;
            bindingNow = binding;
            warningNow = warningThreshold;
            refuseAllNow = refuseAll;
        } finally {
            unlock();
        }
        return new LedgerCounts(active, reservedNow, capNow, bindingNow, warningNow, refuseAllNow);
    }

    /** Every lobby that counts now: listed or committed (open slots are not lobbies yet). */
    public Set<String> countedLobbies() {
        synchronized (book) {
            return book.counted();
        }
    }

    /** Expires open slots past their deadline and unlinks every finished slot. */
    private void sweepLocked(long nowMillis) {
        Slot previous = null;
        for (Slot s = head; s != null; ) {
            Slot next = s.next;
            if (s.state == SlotState.OPEN && nowMillis >= s.deadlineMillis) {
                finishLocked(s, SlotState.EXPIRED);
            }
            if (s.state == SlotState.OPEN || s.state == SlotState.COMMITTING) {
                previous = s;
            } else {
                if (previous == null) {
                    head = next;
                } else {
                    previous.next = next;
                }
                s.next = null;
                linked--;
            }
            s = next;
        }
    }

    /** Ends a slot and returns its place; it stays linked until the next sweep. */
    private void finishLocked(Slot slot, SlotState end) {
        slot.state = end;
        reserved--;
    }

    private void lock() {
        if (!LOCK.compareAndSet(this, 0, 1)) {
            lockContended();
        }
    }

    private void lockContended() {
        for (int spins = 0; ; spins++) {
            if ((int) LOCK.getOpaque(this) == 0 && LOCK.compareAndSet(this, 0, 1)) {
                return;
            }
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the holder may have been descheduled: let it run
            }
        }
    }

    /** Release semantics: everything written under the lock is visible to the next holder. */
    private void unlock() {
        LOCK.setRelease(this, 0);
    }
}
