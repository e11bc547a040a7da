package dev.lobbygovernor.core.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * The governor's settings. Immutable; validated when built; defaults are the named constants.
 *
 * @param permitTtl how long a permit may stay neither committed nor closed before its slot
 *     returns (a crashed caller must not hold a slot forever). Keep it shorter than the reaper's
 *     {@link dev.lobbygovernor.core.cleanup.ReaperConfig#orphanGrace() orphan grace}: a lobby
 *     created under an open permit has no record until commit, so the reaper sees an orphan
 *     until then, and may stop it once the grace has passed
 * @param runtimeListTtl how long a host's lobby listing is reused before the runtime is asked
 *     again; zero lists on every admission
 * @param blindAdmission what to admit while a host's monitoring is lost or unknown
 * @param lastResort whether a full host may stop its longest-idle lobby to admit a new one
 * @param suggestionLimit how many idle lobbies a denial suggests closing
 */
public record GovernorConfig(
        Duration permitTtl,
        Duration runtimeListTtl,
        BlindAdmission blindAdmission,
        LastResort lastResort,
        int suggestionLimit) {

    /** A permit not committed or closed within 2 minutes returns its slot. */
    public static final Duration DEFAULT_PERMIT_TTL = Duration.ofMinutes(2);
    /** Lobby listings are reused for 1 second: admission bursts cost one runtime call. */
    public static final Duration DEFAULT_RUNTIME_LIST_TTL = Duration.ofSeconds(1);
    /** While blind, admit up to the static cap. */
    public static final BlindAdmission DEFAULT_BLIND_ADMISSION = BlindAdmission.STATIC_CAP;
    /** Denials suggest up to three idle lobbies. */
    public static final int DEFAULT_SUGGESTION_LIMIT = 3;
    /** A permit covers creating one lobby: a day is already far beyond that. */
    public static final Duration MAX_PERMIT_TTL = Duration.ofDays(1);
    /** A listing older than an hour says little about what runs now. */
    public static final Duration MAX_RUNTIME_LIST_TTL = Duration.ofHours(1);

    /** Validates every field. */
    public GovernorConfig {
        Objects.requireNonNull(permitTtl, "permitTtl");
        Objects.requireNonNull(runtimeListTtl, "runtimeListTtl");
        Objects.requireNonNull(blindAdmission, "blindAdmission");
        Objects.requireNonNull(lastResort, "lastResort");
        if (permitTtl.isNegative() || permitTtl.isZero() || permitTtl.compareTo(MAX_PERMIT_TTL) > 0) {
            throw new IllegalArgumentException(
                    "permitTtl must be positive and at most " + MAX_PERMIT_TTL + ", was " + permitTtl);
        }
        if (runtimeListTtl.isNegative() || runtimeListTtl.compareTo(MAX_RUNTIME_LIST_TTL) > 0) {
            throw new IllegalArgumentException("runtimeListTtl must be between zero and "
                    + MAX_RUNTIME_LIST_TTL + ", was " + runtimeListTtl);
        }
        if (suggestionLimit < 0) {
            throw new IllegalArgumentException("suggestionLimit must not be negative, was " + suggestionLimit);
        }
    }

    /** Every setting at its default; the last resort off. */
    public static GovernorConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GovernorConfig}; {@link #build()} validates. */
    public static final class Builder {
        private Duration permitTtl = DEFAULT_PERMIT_TTL;
        private Duration runtimeListTtl = DEFAULT_RUNTIME_LIST_TTL;
        private BlindAdmission blindAdmission = DEFAULT_BLIND_ADMISSION;
        private LastResort lastResort = LastResort.disabled();
        private int suggestionLimit = DEFAULT_SUGGESTION_LIMIT;

        private Builder() {
        }

        /** How long an unfinished permit holds its slot; keep it below the reaper's orphan grace. */
        public Builder permitTtl(Duration ttl) {
            this.permitTtl = ttl;
            return this;
        }

        /** How long a lobby listing is reused. */
        public Builder runtimeListTtl(Duration ttl) {
            this.runtimeListTtl = ttl;
            return this;
        }

        /** What to admit while monitoring is lost. */
        public Builder blindAdmission(BlindAdmission mode) {
            this.blindAdmission = mode;
            return this;
        }

        /** The last-resort setting. */
        public Builder lastResort(LastResort setting) {
            this.lastResort = setting;
            return this;
        }

        /** How many idle lobbies a denial suggests. */
        public Builder suggestionLimit(int limit) {
            this.suggestionLimit = limit;
            return this;
        }

        /** The validated configuration. */
        public GovernorConfig build() {
            return new GovernorConfig(permitTtl, runtimeListTtl, blindAdmission, lastResort, suggestionLimit);
        }
    }
}
