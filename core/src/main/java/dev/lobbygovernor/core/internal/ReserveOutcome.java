package dev.lobbygovernor.core.internal;

/** What {@link HostLedger#tryReserve} gives: a {@link Reservation} or a {@link Refusal}. */
public sealed interface ReserveOutcome permits Reservation, Refusal {
}
