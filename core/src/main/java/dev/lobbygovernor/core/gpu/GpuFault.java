package dev.lobbygovernor.core.gpu;

import java.time.Instant;
import java.util.Objects;

/**
 * A fault a probe saw on one GPU: an Xid the driver reported, or a state that needs action
 * (a recovery action the driver asks for, a row remap or page retirement waiting for a reset,
 * uncorrectable memory errors).
 *
 * @param xid the Xid number; 0 when the fault is not an Xid (Xids start at 1)
 * @param meaning what the driver reported, in NVIDIA's words where it has them
 * @param action what NVIDIA recommends doing about it
 * @param effect what the fault means for admission
 * @param seenAt when the probe learnt of it
 */
public record GpuFault(int xid, String meaning, String action, Effect effect, Instant seenAt) {

    /** What a fault means for the GPU and the lobbies on it. */
    public enum Effect {
        /**
         * An error of the application on the GPU (a lobby's game, compositor or decoder): reported
         * against the lobbies; the GPU stays admissible.
         */
        APPLICATION,
        /** A fault of the GPU that leaves it working: reported, the GPU stays admissible. */
        DEGRADED,
        /** The GPU needs a reset or a reboot: it takes no new lobby until it has recovered. */
        OUT_OF_SERVICE
    }

    /**
     * Requires every field; {@code xid} must not be negative.
     *
     * @param xid the Xid number, or 0 when the fault is not an Xid
     * @param meaning what was reported; not null
     * @param action what to do; not null
     * @param effect what it means for admission; not null
     * @param seenAt when the probe learnt of it; not null
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code xid} is negative
     */
    public GpuFault {
        if (xid < 0) {
            throw new IllegalArgumentException("xid must not be negative, was " + xid);
        }
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /**
     * Whether this fault is an Xid.
     *
     * @return true when {@link #xid()} is not 0
     */
    public boolean isXid() {
        return xid != 0;
    }

    /**
     * The fault in one line: the Xid (if any), its meaning and the action.
     *
     * @return such as {@code Xid 79 (GPU has fallen off the bus): reboot the machine}
     */
    public String describe() {
        return (isXid() ? "Xid " + xid + " (" + meaning + ")" : meaning) + ": " + action;
    }
}
