package dev.lobbygovernor.core.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * The governor's settings. Immutable; each builder setter validates its argument; defaults are
 * the named constants.
 */
public final class GovernorConfig {

    /** A permit not committed or closed within 2 minutes returns its slot. */
    public static final Duration DEFAULT_PERMIT_TTL = Duration.ofMinutes(2);
    /** Lobby listings are reused for 1 second: admission bursts cost one runtime call. */
    public static final Duration DEFAULT_RUNTIME_LIST_TTL = Duration.ofSeconds(1);
    /** While blind, admit up to the static cap. */
    public static final BlindAdmission DEFAULT_BLIND_ADMISSION = BlindAdmission.STATIC_CAP;
    /** The last resort is off: it ends someone's lobby. */
    public static final LastResort DEFAULT_LAST_RESORT = LastResort.disabled();
    /** Denials suggest up to three idle lobbies. */
    public static final int DEFAULT_SUGGESTION_LIMIT = 3;
    /** A permit covers creating one lobby: a day is already far beyond that. */
    public static final Duration MAX_PERMIT_TTL = Duration.ofDays(1);
    /** A listing older than an hour says little about what runs now. */
    public static final Duration MAX_RUNTIME_LIST_TTL = Duration.ofHours(1);
    /**
     * Default {@link #listingDelay()}: Wolf lists a lobby from the moment it accepts the create
     * (before its 20 s setup finishes), so a minute is wide for it and covers clock skew between
     * replicas.
     */
    public static final Duration DEFAULT_LISTING_DELAY = Duration.ofSeconds(60);
    /**
     * Default {@link #listingWait()}: the Wolf client's listing deadline
     * ({@code TransportSettings.DEFAULT_LISTING_TIMEOUT}, 5 s), so an admission waits for another
     * caller's listing no longer than that listing may take.
     */
    public static final Duration DEFAULT_LISTING_WAIT = Duration.ofSeconds(5);

    private static final GovernorConfig DEFAULTS = builder().build();

    private final Duration permitTtl;
    private final Duration runtimeListTtl;
    private final Duration listingDelay;
    private final Duration listingWait;
    private final BlindAdmission blindAdmission;
    private final LastResort lastResort;
    private final int suggestionLimit;

    private GovernorConfig(Builder b) {
        this.permitTtl = b.permitTtl;
        this.runtimeListTtl = b.runtimeListTtl;
        this.listingDelay = b.listingDelay;
        this.listingWait = b.listingWait;
        this.blindAdmission = b.blindAdmission;
        this.lastResort = b.lastResort;
        this.suggestionLimit = b.suggestionLimit;
    }

    /**
     * Every setting at its default; the last resort off.
     *
     * @return the defaults
     */
    public static GovernorConfig defaults() {
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
     * A builder starting from this configuration.
     *
     * @return a new builder holding these settings
     */
    public Builder toBuilder() {
        return new Builder().permitTtl(permitTtl).runtimeListTtl(runtimeListTtl).listingDelay(listingDelay)
                .listingWait(listingWait).blindAdmission(blindAdmission)
                .lastResort(lastResort).suggestionLimit(suggestionLimit);
    }

    /**
     * How long a permit may stay neither committed nor closed before its slot returns (a crashed
     * caller must not hold a slot forever). Keep it shorter than the reaper's
     * {@link dev.lobbygovernor.core.cleanup.ReaperConfig#orphanGrace() orphan grace}: a lobby
     * created under an open permit has no record until commit, so the reaper sees an orphan until
     * then, and may stop it once the grace has passed.
     *
     * @return the permit time to live
     */
    public Duration permitTtl() {
        return permitTtl;
    }

    /**
     * How long a host's lobby listing is reused before the runtime is asked again; zero lists on
     * every admission.
     *
     * @return the listing time to live
     */
    public Duration runtimeListTtl() {
        return runtimeListTtl;
    }

    /**
     * How long after its commit a lobby may still be missing from its runtime's listing: the
     * runtime's listing lag plus the clock skew between replicas. A record counts whenever it was
     * committed no earlier than this before the listing counted with started (the listing may
     * predate the lobby); a record committed earlier, whose lobby the listing does not show, no
     * longer counts (the lobby stopped; cleanup forgets the record).
     *
     * @return the delay; positive, {@link #DEFAULT_LISTING_DELAY} by default
     */
    public Duration listingDelay() {
        return listingDelay;
    }

    /**
     * How long an admission waits for a listing of its host that another caller started. Past
     * it the host's count is unknown to this admission, which is refused as
     * {@link DenialReason#HOST_UNAVAILABLE} (or placed on another host): a slow runtime never
     * holds admissions longer than this, however many queue behind it. The caller that asks the
     * runtime itself waits as long as the runtime's own deadline.
     *
     * @return the wait; positive, {@link #DEFAULT_LISTING_WAIT} by default
     */
    public Duration listingWait() {
        return listingWait;
    }

    /**
     * What to admit while a host's monitoring is lost or unknown.
     *
     * @return the blind-admission mode
     */
    public BlindAdmission blindAdmission() {
        return blindAdmission;
    }

    /**
     * Whether a full host may stop its longest-idle lobby to admit a new one.
     *
     * @return the last-resort setting
     */
    public LastResort lastResort() {
        return lastResort;
    }

    /**
     * How many idle lobbies a denial suggests closing.
     *
     * @return the suggestion limit
     */
    public int suggestionLimit() {
        return suggestionLimit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GovernorConfig c && permitTtl.equals(c.permitTtl) && runtimeListTtl.equals(c.runtimeListTtl)
                && listingDelay.equals(c.listingDelay) && listingWait.equals(c.listingWait)
                && blindAdmission == c.blindAdmission && lastResort.equals(c.lastResort)
                && suggestionLimit == c.suggestionLimit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(permitTtl, runtimeListTtl, listingDelay, listingWait, blindAdmission, lastResort, suggestionLimit);
    }

    @Override
    public String toString() {
        return "GovernorConfig[permitTtl=" + permitTtl + ", runtimeListTtl=" + runtimeListTtl + ", listingDelay="
                + listingDelay + ", listingWait=" + listingWait + ", blindAdmission=" + blindAdmission
                + ", lastResort=" + lastResort + ", suggestionLimit=" + suggestionLimit + "]";
    }

    /** Builds a {@link GovernorConfig}; each setter validates its argument. */
    public static final class Builder {
        private Duration permitTtl = DEFAULT_PERMIT_TTL;
        private Duration runtimeListTtl = DEFAULT_RUNTIME_LIST_TTL;
        private Duration listingDelay = DEFAULT_LISTING_DELAY;
        private Duration listingWait = DEFAULT_LISTING_WAIT;
        private BlindAdmission blindAdmission = DEFAULT_BLIND_ADMISSION;
        private LastResort lastResort = DEFAULT_LAST_RESORT;
        private int suggestionLimit = DEFAULT_SUGGESTION_LIMIT;

        private Builder() {
        }

        /**
         * How long an unfinished permit holds its slot; keep it below the reaper's orphan grace.
         *
         * @param ttl positive, at most {@link #MAX_PERMIT_TTL}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder permitTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "permitTtl");
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_PERMIT_TTL) > 0) {
                throw new IllegalArgumentException(
                        "permitTtl must be positive and at most " + MAX_PERMIT_TTL + ", was " + ttl);
            }
            this.permitTtl = ttl;
            return this;
        }

        /**
         * How long a lobby listing is reused.
         *
         * @param ttl zero (list on every admission) up to {@link #MAX_RUNTIME_LIST_TTL}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder runtimeListTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "runtimeListTtl");
            if (ttl.isNegative() || ttl.compareTo(MAX_RUNTIME_LIST_TTL) > 0) {
                throw new IllegalArgumentException("runtimeListTtl must be between zero and "
                        + MAX_RUNTIME_LIST_TTL + ", was " + ttl);
            }
            this.runtimeListTtl = ttl;
            return this;
        }

        /**
         * How long a committed lobby's record counts without its runtime listing it (see
         * {@link GovernorConfig#listingDelay()}).
         *
         * @param delay positive, at most {@link #MAX_RUNTIME_LIST_TTL}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder listingDelay(Duration delay) {
            Objects.requireNonNull(delay, "listingDelay");
            if (delay.isNegative() || delay.isZero() || delay.compareTo(MAX_RUNTIME_LIST_TTL) > 0) {
                throw new IllegalArgumentException("listingDelay must be positive and at most "
                        + MAX_RUNTIME_LIST_TTL + ", was " + delay);
            }
            this.listingDelay = delay;
            return this;
        }

        /**
         * How long an admission waits for another caller's listing of its host (see
         * {@link GovernorConfig#listingWait()}).
         *
         * @param wait positive, at most {@link #MAX_RUNTIME_LIST_TTL}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder listingWait(Duration wait) {
            Objects.requireNonNull(wait, "listingWait");
            if (wait.isNegative() || wait.isZero() || wait.compareTo(MAX_RUNTIME_LIST_TTL) > 0) {
                throw new IllegalArgumentException("listingWait must be positive and at most "
                        + MAX_RUNTIME_LIST_TTL + ", was " + wait);
            }
            this.listingWait = wait;
            return this;
        }

        /**
         * What to admit while monitoring is lost.
         *
         * @param mode the blind-admission mode
         * @return this builder
         */
        public Builder blindAdmission(BlindAdmission mode) {
            this.blindAdmission = Objects.requireNonNull(mode, "blindAdmission");
            return this;
        }

        /**
         * The last-resort setting.
         *
         * @param setting {@link LastResort#disabled()} or {@link LastResort#stopIdleLongerThan}
         * @return this builder
         */
        public Builder lastResort(LastResort setting) {
            this.lastResort = Objects.requireNonNull(setting, "lastResort");
            return this;
        }

        /**
         * How many idle lobbies a denial suggests.
         *
         * @param limit zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder suggestionLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("suggestionLimit must not be negative, was " + limit);
            }
            this.suggestionLimit = limit;
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration
         */
        public GovernorConfig build() {
            return new GovernorConfig(this);
        }
    }
}
