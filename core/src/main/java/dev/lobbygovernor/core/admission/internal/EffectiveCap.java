package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;

/**
 * A host's effective cap, decided from its limits and its latest health: a pure function,
 * computed when health is reported so that admission only compares two integers.
 *
 * @param cap the smallest applicable cap
 * @param binding which limit gives it (the static cap wins ties, so its message is the one
 *     users see when limits coincide)
 * @param warningThreshold the count at which grants warn
 * @param refuseAll whether the host refuses everything: fail-closed while blind, or a GPU out of
 *     service (then {@code binding} is {@link LimitKind#GPU_FAULT})
 */
record EffectiveCap(int cap, LimitKind binding, int warningThreshold, boolean refuseAll) {

    /**
     * Decides the cap. While blind only count-based caps and the memory cap of the last
     * plausible sample apply, never one read from an implausible or missing sample.
     */
    static EffectiveCap of(HostLimits limits, HostHealth health, BlindAdmission blindMode) {
        int cap = limits.staticCap();
        LimitKind binding = LimitKind.STATIC;
        // The encoder cap is configuration (a hardware session limit), not a reading, so it
        // holds while blind too: dropping it then would be a permissive fallback.
        if (limits.encoderSessionCap().isPresent()) {
            int encoderCap = limits.encoderSessionCap().getAsInt() / limits.encoderSessionsPerLobby();
            if (encoderCap < cap) {
                cap = encoderCap;
                binding = LimitKind.ENCODER_SESSIONS;
            }
        }
        // The memory cap comes from the card's total memory, a fixed fact of the hardware, so
        // the last plausible sample's cap stays valid while blind: dropping it then would let a
        // small card take more lobbies exactly when nothing can be read.
        long memoryCap = memoryCap(limits, health.lastGoodSample());
        if (memoryCap >= 0 && memoryCap < cap) {
            cap = (int) memoryCap;
            binding = LimitKind.GPU_MEMORY;
        }
        boolean blind = isBlind(health);
        boolean refuseAll = blind && blindMode == BlindAdmission.FAIL_CLOSED;
        // A GPU that needs a reset refuses whatever the counts say and however the host is
        // configured while blind: no lobby can start well on it.
        if (hasOutOfServiceGpu(health)) {
            binding = LimitKind.GPU_FAULT;
            refuseAll = true;
        }
        return new EffectiveCap(cap, binding, limits.warningThresholdFor(cap), refuseAll);
    }

    /** The limit a host that refuses everything names: a GPU fault, or being blind. */
    static LimitKind refusalOf(LimitKind binding) {
        return binding == LimitKind.GPU_FAULT ? LimitKind.GPU_FAULT : LimitKind.BLIND_REFUSAL;
    }

    /** Whether the health names a GPU out of service until it recovers. */
    static boolean hasOutOfServiceGpu(HostHealth health) {
        for (HealthReason reason : health.reasons()) {
            if (reason instanceof HealthReason.GpuFaulted g && g.outOfService()) {
                return true;
            }
        }
        return false;
    }

    /** Monitoring lost or never established: only count-based caps may be trusted. */
    static boolean isBlind(HostHealth health) {
        return !health.monitoringWorking()
                || health.status() == HealthStatus.MONITORING_LOST
                || health.status() == HealthStatus.UNKNOWN
                || health.lastGoodSample() == null;
    }

    /**
     * {@code (total − headroom) / perLobby} over the smallest GPU (Wolf renders every lobby on
     * one configured render node, so the small card is the one that fills); −1 when the sample
     * has no plausible total, so the memory cap does not apply.
     */
    static long memoryCap(HostLimits limits, GpuSample sample) {
        if (sample == null || sample.devices().isEmpty()) {
            return -1;
        }
        long smallest = Long.MAX_VALUE;
        for (GpuDevice d : sample.devices()) {
            Long total = d.memoryTotalMiB();
            if (total == null || total <= 0) {
                return -1;
            }
            smallest = Math.min(smallest, total);
        }
        long usable = smallest - limits.headroomMiB();
        return usable <= 0 ? 0 : usable / limits.perLobbyMiB();
    }
}
