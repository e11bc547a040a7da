package dev.lobbygovernor.core.internal;

/**
 * One slot held in a {@link HostLedger}: granted, then finished by a commit, a release or
 * expiry. Not part of the API: {@code Permit} extends it so that a grant allocates exactly one
 * object, which is also the node of the ledger's list of granted slots.
 *
 * <p>It declares no public or protected member, so a permit's API shows nothing of it; its
 * numbers are read through {@link Slots}. The ledger's lock guards every field but the lobby id,
 * and the state is read under it too ({@link HostLedger#stateOf}): a volatile state would cost a
 * memory fence on every grant and release, which is most of the hot path. The grant numbers
 * never change once granted.
 */
public abstract class Slot {

    SlotState state; // null until granted: an initialiser would cost a store per allocation
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
}
