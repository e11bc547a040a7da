package dev.lobbygovernor.core.internal;

/**
 * One slot held in a {@link HostLedger}: created by a grant, finished by a commit, a release or
 * expiry. Every state change happens under the ledger's lock; the state field is volatile so
 * that it can be read without it. It is also a node of the ledger's list of open slots, so
 * that holding and finishing a slot allocate nothing beyond this object.
 */
public final class Reservation implements ReserveOutcome {

    /** Where a reservation stands. */
    public enum State {
        /** Holding a slot, neither committed nor released. */
        OPEN,
        /** A commit is storing the lobby's record; the slot is held and cannot expire. */
        COMMITTING,
        /** The lobby is recorded; the slot has become a counted lobby. */
        COMMITTED,
        /** Closed without commit; the slot returned. */
        RELEASED,
        /** Its time ran out before commit; the slot returned. */
        EXPIRED
    }

    final long deadlineMillis;
    final int activeAfter;
    final int cap;
    final int warningThreshold;
    volatile State state = State.OPEN;
    volatile String lobbyId;
    boolean releaseRequested; // guarded by the ledger's lock
    Reservation prev;
    Reservation next;

    Reservation(long deadlineMillis, int activeAfter, int cap, int warningThreshold) {
        this.deadlineMillis = deadlineMillis;
        this.activeAfter = activeAfter;
        this.cap = cap;
        this.warningThreshold = warningThreshold;
    }

    /** Its state now. */
    public State state() {
        return state;
    }

    /** When it expires, in the ledger clock's epoch milliseconds. */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    /** Lobbies running or reserved on the host once this slot was granted. */
    public int activeAfter() {
        return activeAfter;
    }

    /** The effective cap when it was granted. */
    public int cap() {
        return cap;
    }

    /** The warning threshold when it was granted. */
    public int warningThreshold() {
        return warningThreshold;
    }

    /** The lobby it was committed as, or {@code null}. */
    public String lobbyId() {
        return lobbyId;
    }
}
