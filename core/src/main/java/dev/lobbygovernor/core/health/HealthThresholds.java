package dev.lobbygovernor.core.health;

import java.time.Duration;
import java.util.Objects;

/**
 * The classifier's thresholds: immutable, each value validated by the builder setter that takes
 * it. Defaults are the named constants.
 */
public final class HealthThresholds {

    /**
     * A sample older than this is stale: 15 s, three times {@link MonitorConfig#DEFAULT_PROBE_INTERVAL}.
     * A {@link MonitorConfig} built with another interval and no explicit thresholds uses three
     * times its own interval.
     */
    public static final Duration DEFAULT_STALENESS_LIMIT = Duration.ofSeconds(15);

    /** GPU memory use, in percent of total, at which a device counts as high: 90. */
    public static final int DEFAULT_MEMORY_HIGH_PERCENT = 90;

    /** GPU temperature at which a device counts as hot: 85 °C. */
    public static final int DEFAULT_TEMPERATURE_HIGH_CELSIUS = 85;

    /**
     * NVENC session limit of the host: 0, none. Consumer cards cap sessions per system (3, 5 or
     * 8 depending on the driver); professional cards are limited only by resources.
     */
    public static final int DEFAULT_ENCODER_SESSION_LIMIT = 0;

    /**
     * Whether running lobbies hold NVENC sessions, so that zero sessions while lobbies run means
     * broken monitoring: true, as every lobby streams through an NVENC pipeline pair.
     */
    public static final boolean DEFAULT_LOBBIES_ENCODE = true;

    private static final HealthThresholds DEFAULTS = builder().build();

    private final Duration stalenessLimit;
    private final int memoryHighPercent;
    private final int temperatureHighCelsius;
    private final int encoderSessionLimit;
    private final boolean lobbiesEncode;

    private HealthThresholds(Builder b) {
        this.stalenessLimit = b.stalenessLimit;
        this.memoryHighPercent = b.memoryHighPercent;
        this.temperatureHighCelsius = b.temperatureHighCelsius;
        this.encoderSessionLimit = b.encoderSessionLimit;
        this.lobbiesEncode = b.lobbiesEncode;
    }

    /**
     * The defaults: every value as its {@code DEFAULT_} constant.
     *
     * @return the shared default thresholds
     */
    public static HealthThresholds defaults() {
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
     * A sample older than this is stale, and a host whose latest plausible sample is stale has
     * lost monitoring.
     *
     * @return the limit; positive, {@link #DEFAULT_STALENESS_LIMIT} by default
     */
    public Duration stalenessLimit() {
        return stalenessLimit;
    }

    /**
     * Memory use, in percent of total, at which a device is high (a warning).
     *
     * @return the percentage, 1 to 100; {@link #DEFAULT_MEMORY_HIGH_PERCENT} by default
     */
    public int memoryHighPercent() {
        return memoryHighPercent;
    }

    /**
     * Temperature at which a device is hot (a warning).
     *
     * @return degrees Celsius, 1 to 150; {@link #DEFAULT_TEMPERATURE_HIGH_CELSIUS} by default
     */
    public int temperatureHighCelsius() {
        return temperatureHighCelsius;
    }

    /**
     * The host's NVENC session limit: one session short of it is a warning, at it the host is
     * exhausted.
     *
     * @return the limit; 0 means none, and encoder sessions are then never judged
     */
    public int encoderSessionLimit() {
        return encoderSessionLimit;
    }

    /**
     * Whether zero encoder sessions while lobbies stream is implausible (broken monitoring
     * rather than an idle encoder).
     *
     * @return true if running lobbies hold NVENC sessions; {@link #DEFAULT_LOBBIES_ENCODE} by
     *     default
     */
    public boolean lobbiesEncode() {
        return lobbiesEncode;
    }

    /**
     * A builder starting from these thresholds.
     *
     * @return a new builder holding these thresholds
     */
    public Builder toBuilder() {
        return new Builder().stalenessLimit(stalenessLimit).memoryHighPercent(memoryHighPercent)
                .temperatureHighCelsius(temperatureHighCelsius).encoderSessionLimit(encoderSessionLimit)
                .lobbiesEncode(lobbiesEncode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealthThresholds t && stalenessLimit.equals(t.stalenessLimit)
                && memoryHighPercent == t.memoryHighPercent && temperatureHighCelsius == t.temperatureHighCelsius
                && encoderSessionLimit == t.encoderSessionLimit && lobbiesEncode == t.lobbiesEncode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stalenessLimit, memoryHighPercent, temperatureHighCelsius, encoderSessionLimit,
                lobbiesEncode);
    }

    @Override
    public String toString() {
        return "HealthThresholds[stalenessLimit=" + stalenessLimit + ", memoryHighPercent="
                + memoryHighPercent + ", temperatureHighCelsius=" + temperatureHighCelsius
                + ", encoderSessionLimit=" + encoderSessionLimit + ", lobbiesEncode=" + lobbiesEncode + "]";
    }

    /** Builds {@link HealthThresholds}; each setter validates its argument. */
    public static final class Builder {
        private Duration stalenessLimit = DEFAULT_STALENESS_LIMIT;
        private int memoryHighPercent = DEFAULT_MEMORY_HIGH_PERCENT;
        private int temperatureHighCelsius = DEFAULT_TEMPERATURE_HIGH_CELSIUS;
        private int encoderSessionLimit = DEFAULT_ENCODER_SESSION_LIMIT;
        private boolean lobbiesEncode = DEFAULT_LOBBIES_ENCODE;

        private Builder() {
        }

        /**
         * Sets the age beyond which a sample is stale; positive.
         *
         * @param limit the staleness limit
         * @return this builder
         * @throws NullPointerException if {@code limit} is null
         * @throws IllegalArgumentException if {@code limit} is zero or negative
         */
        public Builder stalenessLimit(Duration limit) {
            Objects.requireNonNull(limit, "stalenessLimit");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("stalenessLimit must be positive, was " + limit);
            }
            this.stalenessLimit = limit;
            return this;
        }

        /**
         * Sets the memory use, in percent of total, at which a device is high; 1 to 100.
         *
         * @param percent the threshold
         * @return this builder
         * @throws IllegalArgumentException if {@code percent} is outside 1 to 100
         */
        public Builder memoryHighPercent(int percent) {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("memoryHighPercent must be 1..100, was " + percent);
            }
            this.memoryHighPercent = percent;
            return this;
        }

        /**
         * Sets the temperature at which a device is hot; 1 to 150.
         *
         * @param celsius the threshold, in degrees Celsius
         * @return this builder
         * @throws IllegalArgumentException if {@code celsius} is outside 1 to 150
         */
        public Builder temperatureHighCelsius(int celsius) {
            if (celsius < 1 || celsius > 150) {
                throw new IllegalArgumentException("temperatureHighCelsius must be 1..150, was " + celsius);
            }
            this.temperatureHighCelsius = celsius;
            return this;
        }

        /**
         * Sets the host's NVENC session limit; 0 for none.
         *
         * @param limit the number of concurrent encoder sessions the host allows
         * @return this builder
         * @throws IllegalArgumentException if {@code limit} is negative
         */
        public Builder encoderSessionLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("encoderSessionLimit must not be negative, was " + limit);
            }
            this.encoderSessionLimit = limit;
            return this;
        }

        /**
         * Sets whether running lobbies hold NVENC sessions (false for software encoding, so zero
         * sessions is then plausible).
         *
         * @param encode true if lobbies encode on the GPU
         * @return this builder
         */
        public Builder lobbiesEncode(boolean encode) {
            this.lobbiesEncode = encode;
            return this;
        }

        /**
         * Builds the thresholds; every value was already checked by its setter.
         *
         * @return the thresholds
         */
        public HealthThresholds build() {
            return new HealthThresholds(this);
        }
    }
}
