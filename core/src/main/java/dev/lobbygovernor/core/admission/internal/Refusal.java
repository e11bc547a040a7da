package dev.lobbygovernor.core.admission.internal;

/**
 * A ledger's refusal, with the numbers as they were under the lock.
 *
 * @param limit which limit refused
 * @param active lobbies running or reserved; for {@link LimitKind#ENCODER_SESSIONS}, the NVENC
 *     sessions in use
 * @param cap the effective cap; for {@link LimitKind#ENCODER_SESSIONS}, the encoder session cap
 */
public record Refusal(LimitKind limit, int active, int cap) {
}
