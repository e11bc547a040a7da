package dev.lobbygovernor.core.admission.internal;

/**
 * A ledger's refusal, with the numbers as they were under the lock.
 *
 * @param limit which limit refused
 * @param active lobbies running or reserved
 * @param cap the effective cap
 */
public record Refusal(LimitKind limit, int active, int cap) {
}
