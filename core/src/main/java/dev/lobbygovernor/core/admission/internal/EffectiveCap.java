package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.EncoderCapScope;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import java.util.ArrayList;
import java.util.List;

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
        int sessionsPerStream, int observedEncoderSessions, EncoderCapScope encoderScope, List<GpuSlot> gpus) {

    /** A cap on a host whose GPUs are not told apart. */
    EffectiveCap(int cap, LimitKind binding, int warningThreshold, LimitKind refusal, int encoderSessionCap,
            int sessionsPerStream, int observedEncoderSessions) {
        this(cap, binding, warningThreshold, refusal, encoderSessionCap, sessionsPerStream, observedEncoderSessions,
                EncoderCapScope.PER_HOST, List.of());
    }

    /** Whether the host refuses everything, whatever its count. */
    boolean refuseAll() {
        return refusal != null;
    }

    /**
     * Decides the cap. While blind only count-based caps and the memory cap of the last
     * plausible sample apply, never one read from an implausible or missing sample.
     */
    static EffectiveCap of(HostLimits limits, HostHealth health, BlindAdmission blindMode) {
        return of(limits, health, blindMode, List.of());
    }

    /**
     * The cap of a host; with {@code renderNodes}, of each of its GPUs too. A GPU fault then
     * holds only its own GPU, and the memory cap is the sum of each GPU's own.
     */
    static EffectiveCap of(HostLimits limits, HostHealth health, BlindAdmission blindMode,
            List<RenderNode> renderNodes) {
        int cap = limits.staticCap();
        LimitKind binding = LimitKind.STATIC;
        List<GpuSlot> slots = renderNodes.isEmpty() ? List.of() : slots(limits, health, renderNodes);
        // The memory cap comes from the card's total memory, a fixed fact of the hardware, so
        // the last plausible sample's cap stays valid while blind: dropping it then would let a
        // small card take more lobbies exactly when nothing can be read.
        long memoryCap = slots.isEmpty() ? memoryCap(limits, health.lastGoodSample()) : slotsCap(slots);
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
        // configured while blind: no lobby can start well on it. Where lobbies are placed per
        // GPU, only that GPU is held, unless no GPU is left.
        if (slots.isEmpty() ? hasOutOfServiceGpu(health) : faultHoldsHost(health, slots)) {
            binding = LimitKind.GPU_FAULT;
            refusal = LimitKind.GPU_FAULT;
        }
        // a reading that includes none of the GPUs lobbies are placed on says nothing of them
        if (refusal == null && !slots.isEmpty() && noneRead(slots)) {
            refusal = LimitKind.BLIND_REFUSAL;
        }
        return new EffectiveCap(cap, binding, limits.warningThresholdFor(cap), refusal, encoderCap,
                limits.encoderSessionsPerLobby(), observed, limits.encoderCapScope(), slots);
    }

    /**
     * Each GPU's own cap and whether it takes lobbies. Before any plausible reading the caps are
     * the static cap (nothing is known of any card's memory); after one, a GPU the reading does
     * not include has no reading of its own and takes none.
     */
    private static List<GpuSlot> slots(HostLimits limits, HostHealth health, List<RenderNode> renderNodes) {
        GpuSample sample = health.lastGoodSample();
        List<GpuSlot> out = new ArrayList<>(renderNodes.size());
        for (RenderNode node : renderNodes) {
            GpuDevice device = sample == null ? null : device(sample, node.gpuUuid());
            LimitKind unavailable = outOfService(health, node.gpuUuid()) ? LimitKind.GPU_FAULT
                    : sample != null && device == null ? LimitKind.BLIND_REFUSAL : null;
            int cap = limits.staticCap();
            if (device != null) {
                long memory = deviceCap(limits, device);
                if (memory >= 0 && memory < cap) {
                    cap = (int) memory;
                }
            }
            // as for the host: a reading from before monitoring was lost says nothing of the sessions now
            int observed = device == null || device.encoderSessions() == null || isBlind(health) ? 0
                    : Math.max(device.encoderSessions(), 0);
            out.add(new GpuSlot(node.gpuUuid(), cap, unavailable, observed));
        }
        return List.copyOf(out);
    }

    private static GpuDevice device(GpuSample sample, String uuid) {
        for (GpuDevice d : sample.devices()) {
            if (d.uuid().equals(uuid)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The sum of the caps of the GPUs the last reading included. A faulted GPU keeps its cap
     * here, since its lobbies still run and count (it takes no new one: {@link GpuChoice}); a GPU
     * the reading left out adds nothing, since nothing says what it could hold.
     */
    private static long slotsCap(List<GpuSlot> slots) {
        long sum = 0;
        for (GpuSlot slot : slots) {
            if (slot.unavailable() != LimitKind.BLIND_REFUSAL) {
                sum += slot.cap();
            }
        }
        return sum;
    }

    private static boolean noneRead(List<GpuSlot> slots) {
        for (GpuSlot slot : slots) {
            if (slot.unavailable() != LimitKind.BLIND_REFUSAL) {
                return false;
            }
        }
        return true;
    }

    private static boolean outOfService(HostHealth health, String uuid) {
        for (HealthReason reason : health.reasons()) {
            if (reason instanceof HealthReason.GpuFaulted g && g.outOfService() && g.gpuUuid().equals(uuid)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a fault holds the whole host although lobbies are placed per GPU: one that names
     * no GPU (nothing tells which card it hit), or every GPU held by a fault of its own.
     */
    private static boolean faultHoldsHost(HostHealth health, List<GpuSlot> slots) {
        for (HealthReason reason : health.reasons()) {
            if (reason instanceof HealthReason.GpuFaulted g && g.outOfService() && g.gpuUuid().isEmpty()) {
                return true;
            }
        }
        for (GpuSlot slot : slots) {
            if (slot.unavailable() != LimitKind.GPU_FAULT) {
                return false;
            }
        }
        return true;
    }

    Refusal encoderRefusal(int streams) {
        // placed per GPU with a per-GPU scope, each GPU's own streams and sessions are checked
        // when the GPU is chosen (GpuChoice); the host's total says nothing about one card
        if (encoderSessionCap == 0 || !gpus.isEmpty() && encoderScope == EncoderCapScope.PER_GPU) {
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
        return lobbiesIn(limits, smallest);
    }

    /** One card's memory cap, or -1 if its total memory is not known. */
    static long deviceCap(HostLimits limits, GpuDevice device) {
        Long total = device.memoryTotalMiB();
        return total == null || total <= 0 ? -1 : lobbiesIn(limits, total);
    }

    private static long lobbiesIn(HostLimits limits, long totalMiB) {
        long usable = totalMiB - limits.headroomMiB();
        return usable <= 0 ? 0 : usable / limits.perLobbyMiB();
    }
}
