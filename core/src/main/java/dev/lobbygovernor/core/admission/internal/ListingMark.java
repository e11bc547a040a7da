package dev.lobbygovernor.core.admission.internal;

/**
 * Taken from a {@link HostLedger} just before a runtime is asked for its lobbies, and handed
 * back with what it answered. Listings can run at once (a refresh and a last resort's verifying
 * listing), so the ledger applies one only if no listing that started later was applied first.
 *
 * @param sequence the listing's place in the order listings were started
 * @param commits the ledger's commit count when the listing started: commits after it may be
 *     missing from the answer without having stopped
 */
public record ListingMark(long sequence, long commits) {
}
