package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.EncoderCapScope;
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
 * @param refusal why the host refuses everything, whatever its count, or {@code null}: {@link
 *     LimitKind#GPU_FAULT} when a GPU is out of service (then {@code binding} is that too), {@link
 *     LimitKind#SERVER_CRITICAL} when its streaming server says it cannot take a lobby, {@link
 *     LimitKind#BLIND_REFUSAL} when it fails closed while blind
 * @param encoderSessionCap the NVENC session cap, 0 for none; it limits client streams, not
 *     lobbies, so it is checked beside the lobby cap ({@link #encoderRefusal})
 * @param sessionsPerStream NVENC sessions one client stream holds
 * @param observedEncoderSessions NVENC sessions the GPU probe last reported in the cap's scope,
 *     0 while blind (then only the streams count)
 */
record EffectiveCap(int cap, LimitKind binding, int warningThreshold, LimitKind refusal, int encoderSessionCap,
        int sessionsPerStream, int observedEncoderSessions) {

    /** Whether the host refuses everything, whatever its count. */
    boolean refuseAll() {
        return refusal != null;
    }

    /**
     * Decides the cap. While blind only count-based caps and the memory cap of the last
     * plausible sample apply, never one read from an implausible or missing sample.
     */
    static EffectiveCap of(HostLimits limits, HostHealth health, BlindAdmission blindMode) {
        int cap = limits.staticCap();
        LimitKind binding = LimitKind.STATIC;
        // The memory cap comes from the card's total memory, a fixed fact of the hardware, so
        // the last plausible sample's cap stays valid while blind: dropping it then would let a
        // small card take more lobbies exactly when nothing can be read.
        long memoryCap = memoryCap(limits, health.lastGoodSample());
        if (memoryCap >= 0 && memoryCap < cap) {
            cap = (int) memoryCap;
            binding = LimitKind.GPU_MEMORY;
        }
        boolean blind = isBlind(health);
        // The server's own word that it cannot create pipelines is more specific than being
        // blind: restarting the server, not the GPU probe, is what helps.
        LimitKind refusal = health.serverCritical() ? LimitKind.SERVER_CRITICAL
                : blind && blindMode == BlindAdmission.FAIL_CLOSED ? LimitKind.BLIND_REFUSAL : null;
        // The encoder cap is configuration (a hardware session limit), not a reading, so it
        // holds while blind too, counted from the streams alone.
        int encoderCap = limits.encoderSessionCap().orElse(0);
        int observed = blind ? 0 : observedSessions(health.lastGoodSample(), limits.encoderCapScope());
        // A GPU that needs a reset refuses whatever the counts say and however the host is
        // configured while blind: no lobby can start well on it.
        if (hasOutOfServiceGpu(health)) {
            binding = LimitKind.GPU_FAULT;
            refusal = LimitKind.GPU_FAULT;
        }
        return new EffectiveCap(cap, binding, limits.warningThresholdFor(cap), refusal, encoderCap,
                limits.encoderSessionsPerLobby(), observed);
    }

    /**
     * Whether one more stream would pass the encoder session cap.
     *
     * @param streams the client streams the host's lobbies and reservations need (see
     *     {@link HostCount#streams()})
     * @return the refusal, with the sessions in use and the cap, or {@code null} when one more
     *     stream fits or there is no encoder cap
     */
    Refusal encoderRefusal(int streams) {
        if (encoderSessionCap == 0) {
            return null;
        }
        long used = Math.max((long) streams * sessionsPerStream, observedEncoderSessions);
        if (used + sessionsPerStream <= encoderSessionCap) {
            return null;
        }
        return new Refusal(LimitKind.ENCODER_SESSIONS, (int) Math.min(used, Integer.MAX_VALUE), encoderSessionCap);
    }

    /**
     * The NVENC sessions a sample shows in the cap's scope: every GPU's together, or the
     * busiest GPU's (which GPU Wolf renders on is not known here).
     */
    static int observedSessions(GpuSample sample, EncoderCapScope scope) {
        if (sample == null) {
            return 0;
        }
        long sum = 0;
        int max = 0;
        for (GpuDevice d : sample.devices()) {
            int sessions = d.encoderSessions() == null ? 0 : Math.max(d.encoderSessions(), 0);
            sum += sessions;
            max = Math.max(max, sessions);
        }
        return scope == EncoderCapScope.PER_GPU ? max : (int) Math.min(sum, Integer.MAX_VALUE);
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
