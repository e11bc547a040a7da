package dev.lobbygovernor.core.admission.internal;

/**
 * One GPU of a host that places lobbies per GPU, as its last health report left it.
 *
 * @param uuid the GPU's NVML UUID
 * @param cap the most lobbies it takes: its memory cap, or the host's static cap when its memory
 *     is not known
 * @param unavailable why it takes no lobby ({@link LimitKind#GPU_FAULT}: a fault that needs a
 *     reset; {@link LimitKind#BLIND_REFUSAL}: the last reading did not include it), or
 *     {@code null} if it takes lobbies
 * @param observedEncoderSessions the encoder sessions its last reading showed
 */
record GpuSlot(String uuid, int cap, LimitKind unavailable, int observedEncoderSessions) {
}
