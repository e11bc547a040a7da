package dev.lobbygovernor.core.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link HealthMonitor} polls, reminds and remediates: immutable, each value validated by
 * the builder setter that takes it. Defaults are the named constants.
 */
public final class MonitorConfig {

    /** Time between polls of each host: 5 s. */
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(5);

    /** While monitoring stays lost, a WARN reminder at most this often: 5 min. */
    public static final Duration DEFAULT_REMINDER_INTERVAL = Duration.ofMinutes(5);

    /** Remediate once monitoring has been lost this long: 1 min. */
    public static final Duration DEFAULT_REMEDIATE_AFTER = Duration.ofMinutes(1);

    /** ...or after this many bad outcomes in a row, whichever comes first: 12. */
    public static final int DEFAULT_REMEDIATE_AFTER_FAILURES = 12;

    /** At most one remediation per host within this time: 15 min (a restart needs time to settle). */
    public static final Duration DEFAULT_REMEDIATION_COOLDOWN = Duration.ofMinutes(15);

    /**
     * Good readings in a row before a host leaves {@link HealthStatus#MONITORING_LOST}: 3, so a
     * probe that alternates good and bad readings stays lost instead of flapping.
     */
    public static final int DEFAULT_RECOVERY_READINGS = 3;

    private final Duration probeInterval;
    private final Duration reminderInterval;
    private final Duration remediateAfter;
    private final int remediateAfterFailures;
    private final Duration remediationCooldown;
    private final int recoveryReadings;
    private final HealthThresholds thresholds;
    /** The thresholds given to the builder, {@code null} if derived from the probe interval. */
    private final HealthThresholds givenThresholds;

    private MonitorConfig(Builder b) {
        this.probeInterval = b.probeInterval;
        this.reminderInterval = b.reminderInterval;
        this.remediateAfter = b.remediateAfter;
        this.remediateAfterFailures = b.remediateAfterFailures;
        this.remediationCooldown = b.remediationCooldown;
        this.recoveryReadings = b.recoveryReadings;
        this.givenThresholds = b.thresholds;
        this.thresholds = b.thresholds != null ? b.thresholds
                : HealthThresholds.builder().stalenessLimit(b.probeInterval.multipliedBy(3)).build();
    }

    /**
     * The defaults: every value as its {@code DEFAULT_} constant, and the default thresholds
     * (whose staleness limit is three times the default probe interval).
     *
     * @return a default configuration
     */
    public static MonitorConfig defaults() {
        return builder().build();
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
     * Time between the end of one poll of every host and the start of the next.
     *
     * @return the interval; positive, {@link #DEFAULT_PROBE_INTERVAL} by default
     */
    public Duration probeInterval() {
        return probeInterval;
    }

    /**
     * Least time between WARN reminders while monitoring stays lost; also how often a failing
     * capacity source or sink is warned about.
     *
     * @return the interval; positive, {@link #DEFAULT_REMINDER_INTERVAL} by default
     */
    public Duration reminderInterval() {
        return reminderInterval;
    }

    /**
     * How long monitoring must have been lost before remediation runs.
     *
     * @return the delay; positive, {@link #DEFAULT_REMEDIATE_AFTER} by default
     */
    public Duration remediateAfter() {
        return remediateAfter;
    }

    /**
     * How many bad outcomes in a row trigger remediation, if the time has not yet.
     *
     * @return the count; at least 1, {@link #DEFAULT_REMEDIATE_AFTER_FAILURES} by default
     */
    public int remediateAfterFailures() {
        return remediateAfterFailures;
    }

    /**
     * Least time between the starts of two remediations of one host.
     *
     * @return the cool-down; positive, {@link #DEFAULT_REMEDIATION_COOLDOWN} by default
     */
    public Duration remediationCooldown() {
        return remediationCooldown;
    }

    /**
     * How many good readings in a row a host that lost monitoring needs before it leaves
     * {@link HealthStatus#MONITORING_LOST}; until then it stays lost, with a
     * {@link HealthReason.Recovering} reason. A host that never lost monitoring needs one.
     *
     * @return the count; at least 1, {@link #DEFAULT_RECOVERY_READINGS} by default
     */
    public int recoveryReadings() {
        return recoveryReadings;
    }

    /**
     * The classifier's thresholds: those given to the builder, else the defaults with a
     * staleness limit of three probe intervals (so one or two late polls do not read as lost
     * monitoring).
     *
     * @return the thresholds
     */
    public HealthThresholds thresholds() {
        return thresholds;
    }

    /**
     * A builder starting from this configuration. Thresholds that were derived from the probe
     * interval stay derived, so changing the interval on the builder moves them too.
     *
     * @return a new builder holding these settings
     */
    public Builder toBuilder() {
        Builder b = new Builder().probeInterval(probeInterval).reminderInterval(reminderInterval)
                .remediateAfter(remediateAfter).remediateAfterFailures(remediateAfterFailures)
                .remediationCooldown(remediationCooldown).recoveryReadings(recoveryReadings);
        b.thresholds = givenThresholds;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonitorConfig c && probeInterval.equals(c.probeInterval)
                && reminderInterval.equals(c.reminderInterval) && remediateAfter.equals(c.remediateAfter)
                && remediateAfterFailures == c.remediateAfterFailures
                && remediationCooldown.equals(c.remediationCooldown)
                && recoveryReadings == c.recoveryReadings && thresholds.equals(c.thresholds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(probeInterval, reminderInterval, remediateAfter, remediateAfterFailures,
                remediationCooldown, recoveryReadings, thresholds);
    }

    @Override
    public String toString() {
        return "MonitorConfig[probeInterval=" + probeInterval + ", reminderInterval=" + reminderInterval
                + ", remediateAfter=" + remediateAfter + ", remediateAfterFailures=" + remediateAfterFailures
                + ", remediationCooldown=" + remediationCooldown + ", recoveryReadings=" + recoveryReadings
                + ", thresholds=" + thresholds + "]";
    }

    /** Builds a {@link MonitorConfig}; each setter validates its argument. */
    public static final class Builder {
        private Duration probeInterval = DEFAULT_PROBE_INTERVAL;
        private Duration reminderInterval = DEFAULT_REMINDER_INTERVAL;
        private Duration remediateAfter = DEFAULT_REMEDIATE_AFTER;
        private int remediateAfterFailures = DEFAULT_REMEDIATE_AFTER_FAILURES;
        private Duration remediationCooldown = DEFAULT_REMEDIATION_COOLDOWN;
        private int recoveryReadings = DEFAULT_RECOVERY_READINGS;
        private HealthThresholds thresholds;

        private Builder() {
        }

        /**
         * Sets the time between polls; positive. Unless thresholds are set, staleness is 3 × this.
         *
         * @param interval the probe interval
         * @return this builder
         * @throws NullPointerException if {@code interval} is null
         * @throws IllegalArgumentException if {@code interval} is zero or negative
         */
        public Builder probeInterval(Duration interval) {
            this.probeInterval = positive(interval, "probeInterval");
            return this;
        }

        /**
         * Sets the least time between WARN reminders while lost; positive.
         *
         * @param interval the reminder interval
         * @return this builder
         * @throws NullPointerException if {@code interval} is null
         * @throws IllegalArgumentException if {@code interval} is zero or negative
         */
        public Builder reminderInterval(Duration interval) {
            this.reminderInterval = positive(interval, "reminderInterval");
            return this;
        }

        /**
         * Sets the lost time that triggers remediation; positive.
         *
         * @param after how long monitoring must have been lost
         * @return this builder
         * @throws NullPointerException if {@code after} is null
         * @throws IllegalArgumentException if {@code after} is zero or negative
         */
        public Builder remediateAfter(Duration after) {
            this.remediateAfter = positive(after, "remediateAfter");
            return this;
        }

        /**
         * Sets the bad outcomes in a row that trigger remediation; at least 1.
         *
         * @param failures the count
         * @return this builder
         * @throws IllegalArgumentException if {@code failures} is below 1
         */
        public Builder remediateAfterFailures(int failures) {
            if (failures < 1) {
                throw new IllegalArgumentException("remediateAfterFailures must be at least 1, was " + failures);
            }
            this.remediateAfterFailures = failures;
            return this;
        }

        /**
         * Sets the least time between two remediations of one host; positive.
         *
         * @param cooldown the cool-down
         * @return this builder
         * @throws NullPointerException if {@code cooldown} is null
         * @throws IllegalArgumentException if {@code cooldown} is zero or negative
         */
        public Builder remediationCooldown(Duration cooldown) {
            this.remediationCooldown = positive(cooldown, "remediationCooldown");
            return this;
        }

        /**
         * Sets the good readings in a row a host that lost monitoring needs to leave
         * {@link HealthStatus#MONITORING_LOST}; at least 1 (1 turns the hysteresis off).
         *
         * @param readings the count
         * @return this builder
         * @throws IllegalArgumentException if {@code readings} is below 1
         */
        public Builder recoveryReadings(int readings) {
            if (readings < 1) {
                throw new IllegalArgumentException("recoveryReadings must be at least 1, was " + readings);
            }
            this.recoveryReadings = readings;
            return this;
        }

        /**
         * Sets the classifier's thresholds (default: the defaults, with staleness 3 × the
         * interval). Once set, they no longer follow the probe interval.
         *
         * @param thresholds the thresholds; not null
         * @return this builder
         */
        public Builder thresholds(HealthThresholds thresholds) {
            this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
            return this;
        }

        /**
         * Builds the configuration; every value was already checked by its setter.
         *
         * @return the configuration
         */
        public MonitorConfig build() {
            return new MonitorConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
