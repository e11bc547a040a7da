package dev.lobbygovernor.core.internal;

/**
 * Reads a granted slot's numbers, for the permit that is the slot. Kept out of {@link Slot} so
 * that nothing of the slot shows in a permit's API. The grant numbers are written once, under
 * the ledger's lock, before the grant is returned, so the thread that was granted the slot
 * reads them without the lock.
 */
public final class Slots {

    private Slots() {
    }

    /** When the slot expires, in the ledger clock's epoch milliseconds. */
    public static long deadlineMillis(Slot slot) {
        return slot.deadlineMillis;
    }

    /** Lobbies running or reserved on the host once the slot was granted, itself included. */
    public static int activeAfter(Slot slot) {
        return slot.activeAfter;
    }

    /** The effective cap when the slot was granted. */
    public static int cap(Slot slot) {
        return slot.cap;
    }

    /** The warning threshold when the slot was granted. */
    public static int warningThreshold(Slot slot) {
        return slot.warningThreshold;
    }

    /** The lobby the slot was committed as, or {@code null}. */
    public static String lobbyId(Slot slot) {
        return slot.lobbyId;
    }
}
