package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.Permit;

/**
 * One slot in a {@link HostLedger}: granted, then finished by a commit, a release or expiry.
 * Every field is guarded by the lock of the ledger that granted it; the grant numbers are
 * written once, before the grant is returned, and never change.
 */
public final class Reservation {

    /** {@code null} until granted. */
    Permit.State state;
    /** Between {@code beginCommit} and its end: the slot can neither expire nor be released. */
    boolean committing;
    /** Someone closed the permit while it was committing: release it if the commit fails. */
    boolean releaseRequested;
    String lobbyId;
    long deadlineMillis;
    int activeAfter;
    int cap;
    int warningThreshold;

    /** A reservation no ledger has granted yet. */
    public Reservation() {
    }
}
