package dev.lobbygovernor.core.cleanup;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link LobbyReaper} paces itself and when it stops a lobby. Immutable; every value is
 * validated by the builder setter that takes it, so {@link Builder#build()} cannot fail.
 *
 * <p>The default retry backoff is deliberately short (one cycle, then every other cycle): it
 * halves the stop calls and log lines for a lobby that keeps failing, yet a lobby whose session
 * is gone is still stopped within two cycles of the server becoming healthy again.
 */
public final class ReaperConfig {

    /** Default time between cycles: 30 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    /** Default idle timeout: a lobby without activity for 30 minutes is stopped. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** Default orphan grace: a lobby nobody recorded may run 10 minutes before it is acted on. */
    public static final Duration DEFAULT_ORPHAN_GRACE = Duration.ofMinutes(10);
    /** By default, open orphans are stopped once past the grace period. */
    public static final boolean DEFAULT_STOP_ORPHANS = true;
    /** Default wait before retrying a failed action: 30 seconds, so the next cycle retries. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(30);
    /** Default longest wait between retries: 60 seconds (the backoff doubles up to it). */
    public static final Duration DEFAULT_MAX_RETRY_BACKOFF = Duration.ofSeconds(60);
    /**
     * Default {@link #maxCreateTime()}: Wolf waits up to 20 s for a lobby's setup before it
     * answers {@code Lobby setup timed out}, and lists the lobby from the start; three times that
     * leaves room for a slow client and a slow listing.
     */
    public static final Duration DEFAULT_MAX_CREATE_TIME = Duration.ofSeconds(60);
    /**
     * Default longest a cycle waits for one host's work: 60 seconds, room for a few stops, each
     * bounded by its runtime's own deadline.
     */
    public static final Duration DEFAULT_HOST_WAIT = Duration.ofSeconds(60);
    /**
     * By default streaming sessions are left alone: a session cleaner that stopped sessions with
     * a browser still attached had to be switched off elsewhere, so a host turns this on
     * knowingly, best first as {@link SessionCleanup#REPORT}.
     */
    public static final SessionCleanup DEFAULT_SESSION_CLEANUP = SessionCleanup.OFF;
    /** Default session grace: a loose streaming session is acted on once seen loose 5 minutes. */
    public static final Duration DEFAULT_SESSION_GRACE = Duration.ofMinutes(5);
    /** By default cycles act; a dry run only plans and reports. */
    public static final boolean DEFAULT_DRY_RUN = false;
    /**
     * Default {@link #activityResolution()}: one minute, a thirtieth of the default idle timeout.
     * A lobby in use keeps its record's last activity within a minute of the truth, at one store
     * write per lobby per minute instead of one per cycle.
     */
    public static final Duration DEFAULT_ACTIVITY_RESOLUTION = Duration.ofMinutes(1);

    private static final ReaperConfig DEFAULTS = builder().build();

    private final Duration interval;
    private final Duration idleTimeout;
    private final Duration orphanGrace;
    private final boolean stopOrphans;
    private final Duration retryBackoff;
    private final Duration maxRetryBackoff;
    private final Duration maxCreateTime;
    private final Duration hostWait;
    private final SessionCleanup sessionCleanup;
    private final Duration sessionGrace;
    private final boolean dryRun;
    private final Duration activityResolution;

    private ReaperConfig(Builder b) {
        this.interval = b.interval;
        this.idleTimeout = b.idleTimeout;
        this.orphanGrace = b.orphanGrace;
        this.stopOrphans = b.stopOrphans;
        this.retryBackoff = b.retryBackoff;
        this.maxRetryBackoff = b.maxRetryBackoff;
        this.maxCreateTime = b.maxCreateTime;
        this.hostWait = b.hostWait;
        this.sessionCleanup = b.sessionCleanup;
        this.sessionGrace = b.sessionGrace;
        this.dryRun = b.dryRun;
        this.activityResolution = b.activityResolution;
    }

    /**
     * The defaults: every value as its {@code DEFAULT_} constant.
     *
     * @return the shared default configuration
     */
    public static ReaperConfig defaults() {
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
     * Time between the end of one scheduled cycle and the start of the next.
     *
     * @return the interval; positive, {@link #DEFAULT_INTERVAL} by default
     */
    public Duration interval() {
        return interval;
    }

    /**
     * How long a recorded lobby may go without activity before it is stopped. Activity is the
     * record's last-activity time: cycles keep it within {@link #activityResolution()} of the
     * cycle's time for every lobby the runtime lists with connected clients (and such a lobby is
     * never judged idle), and a host
     * may report activity it knows of through {@code LobbyGovernor.touch} or
     * {@link dev.lobbygovernor.store.SessionStore#touchLobby}. A lobby nobody connects to and
     * nobody touches is idle from its commit.
     *
     * @return the idle timeout; positive, {@link #DEFAULT_IDLE_TIMEOUT} by default
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * The bound on how long a lobby nobody recorded may run, counted from when this process first
     * saw it. It also covers a lobby created moments ago whose permit is not committed yet.
     *
     * <p>It must exceed the governor's permit time to live ({@code GovernorConfig.permitTtl()},
     * 2 minutes by default): a lobby created under an open permit has no record until the permit
     * is committed, so it looks like an orphan until then, and a grace shorter than the time a
     * permit may stay open would let the reaper stop a lobby its caller is about to commit. The
     * reaper and the governor are configured apart, so the host keeps the two in step.
     *
     * @return the grace period; positive, {@link #DEFAULT_ORPHAN_GRACE} by default
     */
    public Duration orphanGrace() {
        return orphanGrace;
    }

    /**
     * Whether open orphans past the grace period are stopped (otherwise only reported).
     * PIN-protected orphans are only reported either way.
     *
     * @return true to stop them; {@link #DEFAULT_STOP_ORPHANS} by default
     */
    public boolean stopOrphans() {
        return stopOrphans;
    }

    /**
     * The wait before the first retry of a failed stop; it doubles on each further failure.
     *
     * @return the first backoff; positive, at most {@link #maxRetryBackoff()}
     */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /**
     * The longest wait between retries: the doubling backoff stops growing here.
     *
     * @return the longest backoff; positive, at least {@link #retryBackoff()}
     */
    public Duration maxRetryBackoff() {
        return maxRetryBackoff;
    }

    /**
     * The longest a runtime takes, from a create request, to list the lobby it creates. A
     * reservation whose create was attempted and never committed is settled as absent only when
     * a listing made this long after the attempt does not show its lobby; a fresh lobby record
     * whose lobby is not listed yet is kept at least this long.
     *
     * @return the longest create time; positive, {@link #DEFAULT_MAX_CREATE_TIME} by default
     */
    public Duration maxCreateTime() {
        return maxCreateTime;
    }

    /**
     * The longest a cycle waits for one host's work (list, stop, verify). Hosts are worked on
     * side by side, each on a thread of the reaper's own, so a slow host never delays another;
     * a host still at work when the wait ends is reported unreachable for the cycle, and is
     * left out of later cycles until its work ends.
     *
     * @return the wait; positive, {@link #DEFAULT_HOST_WAIT} by default
     */
    public Duration hostWait() {
        return hostWait;
    }

    /**
     * What cycles do about leaked streaming sessions (see {@link SessionCleanup}); only hosts
     * whose runtime also implements {@link dev.lobbygovernor.core.runtime.SessionRuntime} have
     * sessions to look at.
     *
     * @return the mode; {@link #DEFAULT_SESSION_CLEANUP} by default
     */
    public SessionCleanup sessionCleanup() {
        return sessionCleanup;
    }

    /**
     * How long a streaming session must have been seen loose (in no lobby, its client not streaming) before it counts as leaked; it must also have been seen so
     * in at least two listings in a row, and a listing that shows it attached, or that fails,
     * starts its count again.
     *
     * @return the grace; positive, {@link #DEFAULT_SESSION_GRACE} by default
     */
    public Duration sessionGrace() {
        return sessionGrace;
    }

    /**
     * Whether cycles only plan: each reports what it would stop or remove (lobbies, orphans,
     * reservations' lobbies, sessions) as {@link CleanupOutcome.WouldAct} outcomes and changes
     * nothing, neither on the servers nor in the store (no record is touched or removed).
     *
     * @return true for a dry run; {@link #DEFAULT_DRY_RUN} by default
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * How far behind the truth a lobby in use may let its record's last activity fall. A cycle
     * that lists a lobby with connected clients writes its activity only when the recorded time
     * is at least this old, so a fleet whose lobbies are all in use costs one store write per
     * lobby per resolution, not one per lobby per cycle. When the clients leave, the next cycle
     * writes the time the lobby was last seen in use, so its idle time counts from then exactly.
     * Only a reaper that restarted in between (and so never saw the lobby in use) judges it by
     * the stored time, which may then be up to this much early. It is therefore never more than
     * a tenth of the idle timeout: a longer setting is used as that tenth. Zero writes every
     * in-use lobby's activity every cycle.
     *
     * @return the resolution; zero or positive, {@link #DEFAULT_ACTIVITY_RESOLUTION} (capped at a
     *     tenth of the idle timeout) by default
     */
    public Duration activityResolution() {
        Duration tenth = idleTimeout.dividedBy(10);
        return activityResolution.compareTo(tenth) <= 0 ? activityResolution : tenth;
    }

    /**
     * The wait after {@code consecutiveFailures} failures in a row: {@link #retryBackoff()}
     * doubled once per failure after the first, capped at {@link #maxRetryBackoff()}.
     *
     * @param consecutiveFailures failures in a row; values below 1 count as 1
     * @return the wait before the next attempt
     */
    public Duration backoffAfter(int consecutiveFailures) {
        Duration d = retryBackoff;
        for (int i = 1; i < consecutiveFailures && d.compareTo(maxRetryBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxRetryBackoff) < 0 ? d : maxRetryBackoff;
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder holding these settings
     */
    public Builder toBuilder() {
        return new Builder().interval(interval).idleTimeout(idleTimeout).orphanGrace(orphanGrace)
                .stopOrphans(stopOrphans).retryBackoff(retryBackoff, maxRetryBackoff).maxCreateTime(maxCreateTime)
                .hostWait(hostWait).sessionCleanup(sessionCleanup).sessionGrace(sessionGrace).dryRun(dryRun)
                .activityResolution(activityResolution);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReaperConfig c && interval.equals(c.interval) && idleTimeout.equals(c.idleTimeout)
                && orphanGrace.equals(c.orphanGrace) && stopOrphans == c.stopOrphans
                && retryBackoff.equals(c.retryBackoff) && maxRetryBackoff.equals(c.maxRetryBackoff)
                && maxCreateTime.equals(c.maxCreateTime) && hostWait.equals(c.hostWait)
                && sessionCleanup == c.sessionCleanup && sessionGrace.equals(c.sessionGrace) && dryRun == c.dryRun
                && activityResolution.equals(c.activityResolution);
    }

    @Override
    public int hashCode() {
        return Objects.hash(interval, idleTimeout, orphanGrace, stopOrphans, retryBackoff, maxRetryBackoff,
                maxCreateTime, hostWait, sessionCleanup, sessionGrace, dryRun, activityResolution);
    }

    @Override
    public String toString() {
        return "ReaperConfig[interval=" + interval + ", idleTimeout=" + idleTimeout + ", orphanGrace=" + orphanGrace
                + ", stopOrphans=" + stopOrphans + ", retryBackoff=" + retryBackoff
                + ", maxRetryBackoff=" + maxRetryBackoff + ", maxCreateTime=" + maxCreateTime
                + ", hostWait=" + hostWait + ", sessionCleanup=" + sessionCleanup
                + ", sessionGrace=" + sessionGrace + ", dryRun=" + dryRun
                + ", activityResolution=" + activityResolution + "]";
    }

    /** Builds a {@link ReaperConfig}; each setter rejects a bad value at once. */
    public static final class Builder {
        private Duration interval = DEFAULT_INTERVAL;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration orphanGrace = DEFAULT_ORPHAN_GRACE;
        private boolean stopOrphans = DEFAULT_STOP_ORPHANS;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration maxRetryBackoff = DEFAULT_MAX_RETRY_BACKOFF;
        private Duration maxCreateTime = DEFAULT_MAX_CREATE_TIME;
        private Duration hostWait = DEFAULT_HOST_WAIT;
        private SessionCleanup sessionCleanup = DEFAULT_SESSION_CLEANUP;
        private Duration sessionGrace = DEFAULT_SESSION_GRACE;
        private boolean dryRun = DEFAULT_DRY_RUN;
        private Duration activityResolution = DEFAULT_ACTIVITY_RESOLUTION;

        private Builder() {
        }

        /**
         * Sets the time between cycles; must be positive.
         *
         * @param value the interval
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder interval(Duration value) {
            this.interval = positive(value, "interval");
            return this;
        }

        /**
         * Sets the idle timeout; must be positive.
         *
         * @param value how long a recorded lobby may go without activity
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = positive(value, "idleTimeout");
            return this;
        }

        /**
         * Sets the orphan grace period (the bound on orphan age); must be positive, and should
         * exceed the governor's permit time to live (see {@link ReaperConfig#orphanGrace()}).
         * That relation is not checked here: the governor's configuration is not known to it.
         *
         * @param value the grace period
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder orphanGrace(Duration value) {
            this.orphanGrace = positive(value, "orphanGrace");
            return this;
        }

        /**
         * Whether to stop open orphans after the grace period. Turn it off when other tools create
         * lobbies on the same server, or their lobbies will look like leaks and be stopped.
         *
         * @param value true to stop open orphans, false to only report them
         * @return this builder
         */
        public Builder stopOrphans(boolean value) {
            this.stopOrphans = value;
            return this;
        }

        /**
         * Sets the first retry wait and the longest one; both positive, the first not above the
         * second. They are set together so that no order of calls can pass through an invalid
         * pair.
         *
         * @param first the wait before the first retry
         * @param max the longest wait between retries
         * @return this builder
         * @throws NullPointerException if either is null
         * @throws IllegalArgumentException if either is zero or negative, or {@code first}
         *     exceeds {@code max}
         */
        public Builder retryBackoff(Duration first, Duration max) {
            Duration f = positive(first, "retryBackoff");
            Duration m = positive(max, "maxRetryBackoff");
            if (f.compareTo(m) > 0) {
                throw new IllegalArgumentException("retryBackoff " + f + " must not exceed maxRetryBackoff " + m);
            }
            this.retryBackoff = f;
            this.maxRetryBackoff = m;
            return this;
        }

        /**
         * Sets the longest create time (see {@link ReaperConfig#maxCreateTime()}); positive.
         *
         * @param value the longest time from a create request until the runtime lists the lobby
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder maxCreateTime(Duration value) {
            this.maxCreateTime = positive(value, "maxCreateTime");
            return this;
        }

        /**
         * Sets the longest a cycle waits for one host's work; default {@link #DEFAULT_HOST_WAIT}.
         *
         * @param value the wait; positive
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder hostWait(Duration value) {
            this.hostWait = positive(value, "hostWait");
            return this;
        }

        /**
         * Sets what cycles do about leaked streaming sessions; default
         * {@link #DEFAULT_SESSION_CLEANUP}.
         *
         * @param value the mode
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder sessionCleanup(SessionCleanup value) {
            this.sessionCleanup = Objects.requireNonNull(value, "sessionCleanup");
            return this;
        }

        /**
         * Sets how long a streaming session must be seen loose before it counts as leaked;
         * default {@link #DEFAULT_SESSION_GRACE}.
         *
         * @param value the grace; positive
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder sessionGrace(Duration value) {
            this.sessionGrace = positive(value, "sessionGrace");
            return this;
        }

        /**
         * Sets whether cycles only plan and report, changing nothing; default
         * {@link #DEFAULT_DRY_RUN}.
         *
         * @param value true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /**
         * Sets how far behind the truth an in-use lobby's recorded activity may fall; default
         * {@link #DEFAULT_ACTIVITY_RESOLUTION}, and never more than a tenth of the idle timeout
         * in effect (see {@link ReaperConfig#activityResolution()}).
         *
         * @param value the resolution; zero (write every cycle) or positive
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is negative
         */
        public Builder activityResolution(Duration value) {
            Objects.requireNonNull(value, "activityResolution");
            if (value.isNegative()) {
                throw new IllegalArgumentException("activityResolution must not be negative, was " + value);
            }
            this.activityResolution = value;
            return this;
        }

        /**
         * Builds the configuration; every value was already checked by its setter.
         *
         * @return the configuration
         */
        public ReaperConfig build() {
            return new ReaperConfig(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
