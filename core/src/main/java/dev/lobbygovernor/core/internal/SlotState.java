package dev.lobbygovernor.core.internal;

/** Where a {@link Slot} stands. */
public enum SlotState {
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
