package dev.lobbygovernor.core.admission;

import java.util.OptionalInt;

/**
 * The limits of one streaming host. Immutable; validated when built.
 *
 * <p>The governor derives up to three caps from these and the smallest applicable one wins:
 * <ul>
 *   <li>the <b>static cap</b> ({@value #DEFAULT_STATIC_CAP} by default, the safe limit observed
 *       in the incident, where NVML failed at 6 lobbies while memory was far from full);
 *   <li>the <b>GPU-memory cap</b> {@code (total − headroomMiB) / perLobbyMiB}, only while health
 *       monitoring reports a plausible sample;
 *   <li>the <b>encoder cap</b> {@code encoderSessionCap / encoderSessionsPerLobby}, only when an
 *       encoder session cap is configured (GeForce cards limit concurrent NVENC sessions).
 * </ul>
 *
 * @param staticCap the count cap that holds whatever monitoring says; at least 1
 * @param warningThreshold the count at which a permit warns that the host is nearly full;
 *     empty means "one below the effective cap"
 * @param headroomMiB GPU memory kept free for the driver, compositor and encoder
 * @param perLobbyMiB the GPU memory one lobby is expected to use
 * @param encoderSessionCap the GPU's concurrent NVENC session limit, empty if it has none
 * @param encoderSessionsPerLobby how many NVENC sessions one lobby holds
 */
public record HostLimits(
        int staticCap,
        OptionalInt warningThreshold,
        long headroomMiB,
        long perLobbyMiB,
        OptionalInt encoderSessionCap,
        int encoderSessionsPerLobby) {

    /** Lobbies per host when nothing better is known: the incident's observed safe limit. */
    public static final int DEFAULT_STATIC_CAP = 5;
    /** GPU memory left for everything but lobbies. */
    public static final long DEFAULT_HEADROOM_MIB = 2048;
    /** Expected GPU memory per lobby (compositor, editor, two GStreamer pipelines). */
    public static final long DEFAULT_PER_LOBBY_MIB = 460;
    /** One video encoder session per lobby. */
    public static final int DEFAULT_ENCODER_SESSIONS_PER_LOBBY = 1;

    /** Validates every field; the messages say which and why. */
    public HostLimits {
        if (staticCap < 1) {
            throw new IllegalArgumentException("staticCap must be at least 1, was " + staticCap);
        }
        warningThreshold = warningThreshold == null ? OptionalInt.empty() : warningThreshold;
        warningThreshold.ifPresent(w -> {
            if (w < 1 || w > staticCap) {
                throw new IllegalArgumentException(
                        "warningThreshold must be between 1 and staticCap (" + staticCap + "), was " + w);
            }
        });
        if (headroomMiB < 0) {
            throw new IllegalArgumentException("headroomMiB must not be negative, was " + headroomMiB);
        }
        if (perLobbyMiB < 1) {
            throw new IllegalArgumentException("perLobbyMiB must be at least 1, was " + perLobbyMiB);
        }
        encoderSessionCap = encoderSessionCap == null ? OptionalInt.empty() : encoderSessionCap;
        encoderSessionCap.ifPresent(c -> {
            if (c < 1) {
                throw new IllegalArgumentException("encoderSessionCap must be at least 1, was " + c);
            }
        });
        if (encoderSessionsPerLobby < 1) {
            throw new IllegalArgumentException(
                    "encoderSessionsPerLobby must be at least 1, was " + encoderSessionsPerLobby);
        }
    }

    /** Static cap 5, warning at cap − 1, 2048 MiB headroom, 460 MiB per lobby, no encoder cap. */
    public static HostLimits defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The warning threshold that goes with an effective cap: the configured one (never above the
     * cap), or one below the cap (at least 1).
     */
    public int warningThresholdFor(int effectiveCap) {
        return warningThreshold.isPresent()
                ? Math.min(warningThreshold.getAsInt(), Math.max(effectiveCap, 1))
                : Math.max(effectiveCap - 1, 1);
    }

    /** Builds {@link HostLimits}; {@link #build()} validates. */
    public static final class Builder {
        private int staticCap = DEFAULT_STATIC_CAP;
        private OptionalInt warningThreshold = OptionalInt.empty();
        private long headroomMiB = DEFAULT_HEADROOM_MIB;
        private long perLobbyMiB = DEFAULT_PER_LOBBY_MIB;
        private OptionalInt encoderSessionCap = OptionalInt.empty();
        private int encoderSessionsPerLobby = DEFAULT_ENCODER_SESSIONS_PER_LOBBY;

        private Builder() {
        }

        /** The count cap that always applies. */
        public Builder staticCap(int cap) {
            this.staticCap = cap;
            return this;
        }

        /** An explicit warning threshold instead of "cap − 1". */
        public Builder warningThreshold(int threshold) {
            this.warningThreshold = OptionalInt.of(threshold);
            return this;
        }

        /** GPU memory kept free, in MiB. */
        public Builder headroomMiB(long mib) {
            this.headroomMiB = mib;
            return this;
        }

        /** Expected GPU memory per lobby, in MiB. */
        public Builder perLobbyMiB(long mib) {
            this.perLobbyMiB = mib;
            return this;
        }

        /** The GPU's concurrent NVENC session limit. */
        public Builder encoderSessionCap(int sessions) {
            this.encoderSessionCap = OptionalInt.of(sessions);
            return this;
        }

        /** NVENC sessions one lobby holds. */
        public Builder encoderSessionsPerLobby(int sessions) {
            this.encoderSessionsPerLobby = sessions;
            return this;
        }

        /** The validated limits. */
        public HostLimits build() {
            return new HostLimits(staticCap, warningThreshold, headroomMiB, perLobbyMiB,
                    encoderSessionCap, encoderSessionsPerLobby);
        }
    }
}
