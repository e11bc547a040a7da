package dev.lobbygovernor.core.admission.internal;

/**
 * A ledger's numbers at one moment.
 *
 * @param active lobbies listed or committed, plus open reservations
 * @param reserved open reservations (granted, neither committed, released nor expired)
 * @param cap the effective cap
 * @param binding which limit the cap comes from
 * @param warningThreshold the count at which grants warn
 * @param refusal why every admission is refused ({@link LimitKind#BLIND_REFUSAL} or
 *     {@link LimitKind#SERVER_CRITICAL}), or {@code null} when admissions are decided by count
 */
public record LedgerCounts(int active, int reserved, int cap, LimitKind binding, int warningThreshold,
        LimitKind refusal) {

    /**
     * Whether every admission is refused, whatever the count.
     *
     * @return true if {@link #refusal()} is set
     */
    public boolean refuseAll() {
        return refusal != null;
    }
}
