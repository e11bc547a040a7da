package dev.lobbygovernor.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Docker Engine is, which container is the streaming server's, and how long each step
 * of a restart may take. Immutable; every value is validated by the builder setter that takes
 * it, so {@link Builder#build()} cannot fail.
 */
public final class DockerRemediationConfig {

    /** Default engine socket: {@code /var/run/docker.sock}, where the Docker CLI looks first. */
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    /** Default container name: {@code wolf}, matched exactly. */
    public static final String DEFAULT_CONTAINER_NAME = "wolf";
    /**
     * Default stop timeout sent as {@code t}: 10 seconds, Docker's own default on Linux, after
     * which the engine kills the container.
     */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Default deadline of a call that is not the restart (find, inspect): 10 seconds. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Default time a restart may take beyond the stop timeout: 60 seconds. The engine answers a
     * restart only once the container has started again, so the call lasts the stop timeout
     * plus the kill and the start.
     */
    public static final Duration DEFAULT_RESTART_SLACK = Duration.ofSeconds(60);
    /** Default deadline for the server to answer again after the restart: 2 minutes. */
    public static final Duration DEFAULT_VERIFY_DEADLINE = Duration.ofMinutes(2);
    /** Default pause between verification attempts: 2 seconds. */
    public static final Duration DEFAULT_VERIFY_INTERVAL = Duration.ofSeconds(2);

    private static final DockerRemediationConfig DEFAULTS = builder().build();

    private final Path socket;
    private final String containerName;
    private final String containerLabel;
    private final Duration stopTimeout;
    private final Duration callTimeout;
    private final Duration restartSlack;
    private final Duration verifyDeadline;
    private final Duration verifyInterval;

    private DockerRemediationConfig(Builder b) {
        this.socket = b.socket;
        this.containerName = b.containerName;
        this.containerLabel = b.containerLabel;
        this.stopTimeout = b.stopTimeout;
        this.callTimeout = b.callTimeout;
        this.restartSlack = b.restartSlack;
        this.verifyDeadline = b.verifyDeadline;
        this.verifyInterval = b.verifyInterval;
    }

    /**
     * The defaults: every value as its {@code DEFAULT_} constant, the container found by name.
     *
     * @return the shared default configuration
     */
    public static DockerRemediationConfig defaults() {
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
     * The engine's UNIX socket.
     *
     * @return the path; {@link #DEFAULT_SOCKET} by default
     */
    public Path socket() {
        return socket;
    }

    /**
     * The container's name, matched exactly, when no label is set.
     *
     * @return the name; {@link #DEFAULT_CONTAINER_NAME} by default
     */
    public String containerName() {
        return containerName;
    }

    /**
     * The label ({@code key} or {@code key=value}) that marks the container; when set, it is used
     * instead of the name, and exactly one container must carry it.
     *
     * @return the label, or empty to find the container by name
     */
    public Optional<String> containerLabel() {
        return Optional.ofNullable(containerLabel);
    }

    /**
     * How long the engine waits for the container to stop before it kills it (the {@code t} of
     * the restart call).
     *
     * @return the stop timeout; positive, {@link #DEFAULT_STOP_TIMEOUT} by default
     */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /**
     * The deadline of each engine call other than the restart.
     *
     * @return the deadline; positive, {@link #DEFAULT_CALL_TIMEOUT} by default
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * How long the restart call may take beyond {@link #stopTimeout()}.
     *
     * @return the slack; positive, {@link #DEFAULT_RESTART_SLACK} by default
     */
    public Duration restartSlack() {
        return restartSlack;
    }

    /**
     * How long after the restart the server has to answer again with plausible readings.
     *
     * @return the deadline; positive, {@link #DEFAULT_VERIFY_DEADLINE} by default
     */
    public Duration verifyDeadline() {
        return verifyDeadline;
    }

    /**
     * The pause between verification attempts.
     *
     * @return the pause; positive, {@link #DEFAULT_VERIFY_INTERVAL} by default
     */
    public Duration verifyInterval() {
        return verifyInterval;
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder holding these settings
     */
    public Builder toBuilder() {
        Builder b = new Builder().socket(socket).containerName(containerName).stopTimeout(stopTimeout)
                .callTimeout(callTimeout).restartSlack(restartSlack).verifyDeadline(verifyDeadline)
                .verifyInterval(verifyInterval);
        b.containerLabel = containerLabel;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DockerRemediationConfig c && socket.equals(c.socket)
                && containerName.equals(c.containerName) && Objects.equals(containerLabel, c.containerLabel)
                && stopTimeout.equals(c.stopTimeout) && callTimeout.equals(c.callTimeout)
                && restartSlack.equals(c.restartSlack) && verifyDeadline.equals(c.verifyDeadline)
                && verifyInterval.equals(c.verifyInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(socket, containerName, containerLabel, stopTimeout, callTimeout, restartSlack,
                verifyDeadline, verifyInterval);
    }

    @Override
    public String toString() {
        return "DockerRemediationConfig[socket=" + socket + ", containerName=" + containerName
                + ", containerLabel=" + containerLabel + ", stopTimeout=" + stopTimeout + ", callTimeout="
                + callTimeout + ", restartSlack=" + restartSlack + ", verifyDeadline=" + verifyDeadline
                + ", verifyInterval=" + verifyInterval + "]";
    }

    /** Builds a {@link DockerRemediationConfig}; each setter rejects a bad value at once. */
    public static final class Builder {
        private Path socket = DEFAULT_SOCKET;
        private String containerName = DEFAULT_CONTAINER_NAME;
        private String containerLabel;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration restartSlack = DEFAULT_RESTART_SLACK;
        private Duration verifyDeadline = DEFAULT_VERIFY_DEADLINE;
        private Duration verifyInterval = DEFAULT_VERIFY_INTERVAL;

        private Builder() {
        }

        /**
         * Sets the engine's UNIX socket.
         *
         * @param value the path; not null
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder socket(Path value) {
            this.socket = Objects.requireNonNull(value, "socket");
            return this;
        }

        /**
         * Finds the container by this exact name (and no longer by a label).
         *
         * @param value the name, without a leading slash; not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null or blank
         */
        public Builder containerName(String value) {
            this.containerName = notBlank(value, "containerName");
            this.containerLabel = null;
            return this;
        }

        /**
         * Finds the container by this label instead of its name.
         *
         * @param value {@code key} or {@code key=value}; not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null or blank
         */
        public Builder containerLabel(String value) {
            this.containerLabel = notBlank(value, "containerLabel");
            return this;
        }

        /**
         * Sets the stop timeout sent with the restart; at least one second, in whole seconds.
         *
         * @param value the timeout
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if it is under one second or not whole seconds
         */
        public Builder stopTimeout(Duration value) {
            Objects.requireNonNull(value, "stopTimeout");
            if (value.getSeconds() < 1 || value.getNano() != 0) {
                throw new IllegalArgumentException("stopTimeout must be whole seconds, at least 1, was " + value);
            }
            this.stopTimeout = value;
            return this;
        }

        /**
         * Sets the deadline of each engine call other than the restart.
         *
         * @param value the deadline; positive
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder callTimeout(Duration value) {
            this.callTimeout = positive(value, "callTimeout");
            return this;
        }

        /**
         * Sets how long the restart call may take beyond the stop timeout.
         *
         * @param value the slack; positive
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder restartSlack(Duration value) {
            this.restartSlack = positive(value, "restartSlack");
            return this;
        }

        /**
         * Sets how long the server has to answer again after the restart.
         *
         * @param value the deadline; positive
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder verifyDeadline(Duration value) {
            this.verifyDeadline = positive(value, "verifyDeadline");
            return this;
        }

        /**
         * Sets the pause between verification attempts.
         *
         * @param value the pause; positive
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder verifyInterval(Duration value) {
            this.verifyInterval = positive(value, "verifyInterval");
            return this;
        }

        /**
         * Builds the configuration; every value was already checked by its setter.
         *
         * @return the configuration
         */
        public DockerRemediationConfig build() {
            return new DockerRemediationConfig(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        private static String notBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
