package dev.lobbygovernor.core.admission.internal;

/**
 * A ledger's numbers at one moment.
 *
 * @param active lobbies listed or committed, plus open reservations
 * @param reserved open reservations (granted, neither committed, released nor expired)
 * @param cap the effective cap
 * @param binding which limit the cap comes from
 * @param warningThreshold the count at which grants warn
 * @param refuseAll whether every admission is refused (fail-closed while blind)
 */
public record LedgerCounts(int active, int reserved, int cap, LimitKind binding, int warningThreshold,
        boolean refuseAll) {
}
