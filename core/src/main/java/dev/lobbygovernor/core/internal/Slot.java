package dev.lobbygovernor.core.internal;

/**
 * One slot held in a {@link HostLedger}: granted, then finished by a commit, a release or
 * expiry. Not part of the API: {@code Permit} extends it so that a grant allocates exactly one
 * object, which is also the node of the ledger's list of granted slots.
 *
 * <p>The ledger's lock guards every field but the lobby id, and the state is read under it
 * too ({@link HostLedger#stateOf}): a volatile state would cost a memory fence on every grant
 * and release, which is most of the hot path. The grant numbers never change once granted.
 */
public abstract class Slot {

    /** Where a slot stands. */
    public enum State {
        /** Holding a slot, neither committed nor released. */
        OPEN,
        /** A commit is storing the lobby's record; the slot is held and cannot expire. */
        COMMITTING,
        /** The lobby is recorded; the slot has become a counted lobby. */
        COMMITTED,
        /** Given back without commit. */
        RELEASED,
        /** Its time ran out before commit; the slot returned. */
        EXPIRED
    }

    State state; // null until granted: an initialiser would cost a store per allocation
    volatile String lobbyId;
    long deadlineMillis;
    int activeAfter;
    int cap;
    int warningThreshold;
    boolean releaseRequested;
    Slot next;

    /** For subclasses; a new slot has no state until a ledger grants it. */
    protected Slot() {
    }

    /** When it expires, in the ledger clock's epoch milliseconds. */
    protected final long slotDeadlineMillis() {
        return deadlineMillis;
    }

    /** Lobbies running or reserved on the host once it was granted, itself included. */
    protected final int slotActiveAfter() {
        return activeAfter;
    }

    /** The effective cap when it was granted. */
    protected final int slotCap() {
        return cap;
    }

    /** The warning threshold when it was granted. */
    protected final int slotWarningThreshold() {
        return warningThreshold;
    }

    /** The lobby it was committed as, or {@code null}. */
    protected final String slotLobbyId() {
        return lobbyId;
    }
}
