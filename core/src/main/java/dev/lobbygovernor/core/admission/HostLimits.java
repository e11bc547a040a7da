package dev.lobbygovernor.core.admission;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The limits of one streaming host. Immutable; each builder setter validates its argument and
 * {@link Builder#build()} checks the settings against each other.
 *
 * <p>The governor derives up to three caps from these and the smallest applicable one wins:
 * <ul>
 *   <li>the <b>static cap</b> ({@value #DEFAULT_STATIC_CAP} by default, the safe limit observed
 *       in the incident, where NVML failed at 6 lobbies while memory was far from full);
 *   <li>the <b>GPU-memory cap</b> {@code (total − headroomMiB) / perLobbyMiB}, from the last
 *       plausible sample (the card's total memory does not change while monitoring is lost);
 * </ul>
 *
 * <p>Beside the lobby count, an <b>encoder session cap</b>, when configured (GeForce cards limit
 * concurrent NVENC sessions), limits the NVENC sessions the host's streams need. Wolf encodes
 * once per connected client (a lobby's producer pipeline is shared, each client has its own
 * encoder), so what counts is client streams, not lobbies: each listed lobby counts its
 * connected clients, at least one (an admitted lobby with no client yet keeps one stream in
 * reserve for its first), each reservation one, times {@code encoderSessionsPerLobby} sessions
 * per stream; where the GPU probe reports more NVENC sessions in the cap's
 * {@link EncoderCapScope scope} (another program encoding, a client the listing does not show
 * yet), those count instead. A lobby is refused when one more stream would pass the cap.
 */
public final class HostLimits {

    /** Lobbies per host when nothing better is known: the incident's observed safe limit. */
    public static final int DEFAULT_STATIC_CAP = 5;
    /** GPU memory left for everything but lobbies. */
    public static final long DEFAULT_HEADROOM_MIB = 2048;
    /** Expected GPU memory per lobby (compositor, editor, two GStreamer pipelines). */
    public static final long DEFAULT_PER_LOBBY_MIB = 460;
    /** One video encoder session per client stream. */
    public static final int DEFAULT_ENCODER_SESSIONS_PER_LOBBY = 1;
    /** GeForce limits hold across every card of a system, so the cap is per host unless set otherwise. */
    public static final EncoderCapScope DEFAULT_ENCODER_CAP_SCOPE = EncoderCapScope.PER_HOST;

    private static final HostLimits DEFAULTS = builder().build();

    private final int staticCap;
    private final OptionalInt warningThreshold;
    private final long headroomMiB;
    private final long perLobbyMiB;
    private final OptionalInt encoderSessionCap;
    private final int encoderSessionsPerLobby;
    private final EncoderCapScope encoderCapScope;

    private HostLimits(Builder b) {
        this.staticCap = b.staticCap;
        this.warningThreshold = b.warningThreshold;
        this.headroomMiB = b.headroomMiB;
        this.perLobbyMiB = b.perLobbyMiB;
        this.encoderSessionCap = b.encoderSessionCap;
        this.encoderSessionsPerLobby = b.encoderSessionsPerLobby;
        this.encoderCapScope = b.encoderCapScope;
    }

    /**
     * Static cap 5, warning at cap − 1, 2048 MiB headroom, 460 MiB per lobby, no encoder cap
     * (one session per stream, per host when set).
     *
     * @return the defaults
     */
    public static HostLimits defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these limits.
     *
     * @return a new builder holding these limits
     */
    public Builder toBuilder() {
        Builder b = new Builder().staticCap(staticCap).headroomMiB(headroomMiB).perLobbyMiB(perLobbyMiB)
                .encoderSessionsPerLobby(encoderSessionsPerLobby).encoderCapScope(encoderCapScope);
        b.warningThreshold = warningThreshold;
        b.encoderSessionCap = encoderSessionCap;
        return b;
    }

    /**
     * The count cap that holds whatever monitoring says.
     *
     * @return at least 1
     */
    public int staticCap() {
        return staticCap;
    }

    /**
     * The count at which a permit warns that the host is nearly full.
     *
     * @return the configured threshold; empty means "one below the effective cap"
     */
    public OptionalInt warningThreshold() {
        return warningThreshold;
    }

    /**
     * GPU memory kept free for the driver, compositor and encoder.
     *
     * @return MiB, zero or more
     */
    public long headroomMiB() {
        return headroomMiB;
    }

    /**
     * The GPU memory one lobby is expected to use.
     *
     * @return MiB, at least 1
     */
    public long perLobbyMiB() {
        return perLobbyMiB;
    }

    /**
     * The concurrent NVENC session limit, in its {@link #encoderCapScope() scope}.
     *
     * @return the limit, empty if it has none
     */
    public OptionalInt encoderSessionCap() {
        return encoderSessionCap;
    }

    /**
     * How many NVENC sessions one client stream holds (a lobby with no client yet reserves one
     * stream).
     *
     * @return at least 1
     */
    public int encoderSessionsPerLobby() {
        return encoderSessionsPerLobby;
    }

    /**
     * Whether the encoder session cap counts the sessions of every GPU of the host together or
     * of each GPU on its own. Default {@link #DEFAULT_ENCODER_CAP_SCOPE}.
     *
     * @return the scope
     */
    public EncoderCapScope encoderCapScope() {
        return encoderCapScope;
    }

    /**
     * The warning threshold that goes with an effective cap: the configured one (never above the
     * cap), or one below the cap (at least 1).
     *
     * @param effectiveCap the cap in force
     * @return the count at which grants warn
     */
    public int warningThresholdFor(int effectiveCap) {
        return warningThreshold.isPresent()
                ? Math.min(warningThreshold.getAsInt(), Math.max(effectiveCap, 1))
                : Math.max(effectiveCap - 1, 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostLimits l && staticCap == l.staticCap && warningThreshold.equals(l.warningThreshold)
                && headroomMiB == l.headroomMiB && perLobbyMiB == l.perLobbyMiB
                && encoderSessionCap.equals(l.encoderSessionCap) && encoderSessionsPerLobby == l.encoderSessionsPerLobby
                && encoderCapScope == l.encoderCapScope;
    }

    @Override
    public int hashCode() {
        return Objects.hash(staticCap, warningThreshold, headroomMiB, perLobbyMiB, encoderSessionCap,
                encoderSessionsPerLobby, encoderCapScope);
    }

    @Override
    public String toString() {
        return "HostLimits[staticCap=" + staticCap + ", warningThreshold=" + warningThreshold + ", headroomMiB="
                + headroomMiB + ", perLobbyMiB=" + perLobbyMiB + ", encoderSessionCap=" + encoderSessionCap
                + ", encoderSessionsPerLobby=" + encoderSessionsPerLobby + ", encoderCapScope=" + encoderCapScope + "]";
    }

    /** Builds {@link HostLimits}; each setter validates its argument. */
    public static final class Builder {
        private int staticCap = DEFAULT_STATIC_CAP;
        private OptionalInt warningThreshold = OptionalInt.empty();
        private long headroomMiB = DEFAULT_HEADROOM_MIB;
        private long perLobbyMiB = DEFAULT_PER_LOBBY_MIB;
        private OptionalInt encoderSessionCap = OptionalInt.empty();
        private int encoderSessionsPerLobby = DEFAULT_ENCODER_SESSIONS_PER_LOBBY;
        private EncoderCapScope encoderCapScope = DEFAULT_ENCODER_CAP_SCOPE;

        private Builder() {
        }

        /**
         * The count cap that always applies.
         *
         * @param cap at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder staticCap(int cap) {
            if (cap < 1) {
                throw new IllegalArgumentException("staticCap must be at least 1, was " + cap);
            }
            this.staticCap = cap;
            return this;
        }

        /**
         * An explicit warning threshold instead of "cap − 1".
         *
         * @param threshold at least 1, and at most the static cap (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder warningThreshold(int threshold) {
            if (threshold < 1) {
                throw new IllegalArgumentException("warningThreshold must be at least 1, was " + threshold);
            }
            this.warningThreshold = OptionalInt.of(threshold);
            return this;
        }

        /**
         * GPU memory kept free.
         *
         * @param mib MiB, zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder headroomMiB(long mib) {
            if (mib < 0) {
                throw new IllegalArgumentException("headroomMiB must not be negative, was " + mib);
            }
            this.headroomMiB = mib;
            return this;
        }

        /**
         * Expected GPU memory per lobby.
         *
         * @param mib MiB, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder perLobbyMiB(long mib) {
            if (mib < 1) {
                throw new IllegalArgumentException("perLobbyMiB must be at least 1, was " + mib);
            }
            this.perLobbyMiB = mib;
            return this;
        }

        /**
         * The concurrent NVENC session limit, in the {@link #encoderCapScope scope} set.
         *
         * @param sessions at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder encoderSessionCap(int sessions) {
            if (sessions < 1) {
                throw new IllegalArgumentException("encoderSessionCap must be at least 1, was " + sessions);
            }
            this.encoderSessionCap = OptionalInt.of(sessions);
            return this;
        }

        /**
         * NVENC sessions one client stream holds.
         *
         * @param sessions at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder encoderSessionsPerLobby(int sessions) {
            if (sessions < 1) {
                throw new IllegalArgumentException("encoderSessionsPerLobby must be at least 1, was " + sessions);
            }
            this.encoderSessionsPerLobby = sessions;
            return this;
        }

        /**
         * Which sessions the encoder session cap counts. Default {@link #DEFAULT_ENCODER_CAP_SCOPE}.
         *
         * @param scope per host or per GPU
         * @return this builder
         * @throws NullPointerException if {@code scope} is null
         */
        public Builder encoderCapScope(EncoderCapScope scope) {
            this.encoderCapScope = Objects.requireNonNull(scope, "encoderCapScope must not be null");
            return this;
        }

        /**
         * The limits.
         *
         * @return the limits
         * @throws IllegalArgumentException if the warning threshold exceeds the static cap
         */
        public HostLimits build() {
            warningThreshold.ifPresent(w -> {
                if (w > staticCap) {
                    throw new IllegalArgumentException(
                            "warningThreshold must be between 1 and staticCap (" + staticCap + "), was " + w);
                }
            });
            return new HostLimits(this);
        }
    }
}
