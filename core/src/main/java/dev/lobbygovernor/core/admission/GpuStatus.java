package dev.lobbygovernor.core.admission;

import java.util.Objects;

/**
 * One GPU of a host that places lobbies per GPU ({@link Host#gpus()}), as {@code status()} sees
 * it.
 *
 * @param renderNode the GPU's render node
 * @param gpuUuid the GPU's NVML UUID
 * @param lobbies the lobbies and open reservations placed on it
 * @param cap the most lobbies it takes: its memory cap, or the host's static cap while its memory
 *     is not known
 * @param refusal why it takes no new lobby ({@link DenialReason#GPU_FAULT} for a fault that needs
 *     a reset, {@link DenialReason#MONITORING_LOST} when the last reading did not include it), or
 *     {@code null} while it takes lobbies
 */
public record GpuStatus(String renderNode, String gpuUuid, int lobbies, int cap, DenialReason refusal) {

    /**
     * Requires the render node and UUID.
     *
     * @param renderNode the GPU's render node; not null
     * @param gpuUuid the GPU's NVML UUID; not null
     * @param lobbies the lobbies placed on it
     * @param cap its cap
     * @param refusal why it takes none, or {@code null}
     * @throws NullPointerException if {@code renderNode} or {@code gpuUuid} is null
     */
    public GpuStatus {
        Objects.requireNonNull(renderNode, "renderNode");
        Objects.requireNonNull(gpuUuid, "gpuUuid");
    }

    /**
     * Whether it takes new lobbies (it may still be full).
     *
     * @return true unless a fault or a missing reading holds it
     */
    public boolean admits() {
        return refusal == null;
    }
}
