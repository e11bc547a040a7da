package dev.lobbygovernor.smi;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link NvidiaSmiGpuProbe} runs nvidia-smi. Immutable; each value is checked when it is set
 * on the {@link Builder}, so a built configuration is always valid. Start from
 * {@link #defaults()}, {@link #builder()}, or an existing configuration's {@link #toBuilder()}.
 */
public final class SmiProbeConfig {

    /** The executable, found through {@code PATH}. */
    public static final String DEFAULT_EXECUTABLE = "nvidia-smi";

    /**
     * How long one nvidia-smi run may take. A healthy run takes tens to hundreds of
     * milliseconds (it initialises NVML afresh each time); a wedged driver makes it hang.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The most stdout kept from one run. Eight GPUs take about 2 KiB, a compute process about
     * 150 bytes; anything past this is a flood, and the run is killed.
     */
    public static final int DEFAULT_MAX_STDOUT_BYTES = 256 * 1024;

    /** The most stderr kept from one run; failure messages are one line. */
    public static final int DEFAULT_MAX_STDERR_BYTES = 16 * 1024;

    /** Whether to also run {@code --query-compute-apps} for per-process memory. */
    public static final boolean DEFAULT_QUERY_PROCESSES = false;

    /** The smallest output cap accepted: below this a real answer would not fit. */
    public static final int MIN_OUTPUT_BYTES = 1024;

    private static final SmiProbeConfig DEFAULTS = builder().build();

    private final String executable;
    private final Duration timeout;
    private final int maxStdoutBytes;
    private final int maxStderrBytes;
    private final boolean queryProcesses;

    private SmiProbeConfig(Builder b) {
        this.executable = b.executable;
        this.timeout = b.timeout;
        this.maxStdoutBytes = b.maxStdoutBytes;
        this.maxStderrBytes = b.maxStderrBytes;
        this.queryProcesses = b.queryProcesses;
    }

    /**
     * The defaults: {@link #DEFAULT_EXECUTABLE} from {@code PATH}, {@link #DEFAULT_TIMEOUT},
     * {@link #DEFAULT_MAX_STDOUT_BYTES}, {@link #DEFAULT_MAX_STDERR_BYTES}, no process query.
     *
     * @return the default configuration
     */
    public static SmiProbeConfig defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder holding {@link #defaults()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration, to change some values and keep the rest.
     *
     * @return a new builder holding this configuration's values
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The executable to run.
     *
     * @return a bare name looked up on {@code PATH}, or a path
     */
    public String executable() {
        return executable;
    }

    /**
     * How long one nvidia-smi run may take before it and its children are killed.
     *
     * @return the timeout, positive
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The most stdout bytes kept from one run; more kills the run.
     *
     * @return the cap, at least {@link #MIN_OUTPUT_BYTES}
     */
    public int maxStdoutBytes() {
        return maxStdoutBytes;
    }

    /**
     * The most stderr bytes kept from one run; more kills the run.
     *
     * @return the cap, at least {@link #MIN_OUTPUT_BYTES}
     */
    public int maxStderrBytes() {
        return maxStderrBytes;
    }

    /**
     * Whether each sample also runs {@code --query-compute-apps}.
     *
     * @return {@code true} if each sample lists compute processes too
     */
    public boolean queryProcesses() {
        return queryProcesses;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SmiProbeConfig)) {
            return false;
        }
        SmiProbeConfig o = (SmiProbeConfig) other;
        return executable.equals(o.executable) && timeout.equals(o.timeout) && maxStdoutBytes == o.maxStdoutBytes
                && maxStderrBytes == o.maxStderrBytes && queryProcesses == o.queryProcesses;
    }

    @Override
    public int hashCode() {
        return Objects.hash(executable, timeout, maxStdoutBytes, maxStderrBytes, queryProcesses);
    }

    @Override
    public String toString() {
        return "SmiProbeConfig[executable=" + executable + ", timeout=" + timeout + ", maxStdoutBytes="
                + maxStdoutBytes + ", maxStderrBytes=" + maxStderrBytes + ", queryProcesses=" + queryProcesses + "]";
    }

    /** Builds a {@link SmiProbeConfig}; each setter rejects a bad value at once, naming it. */
    public static final class Builder {
        private String executable = DEFAULT_EXECUTABLE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxStdoutBytes = DEFAULT_MAX_STDOUT_BYTES;
        private int maxStderrBytes = DEFAULT_MAX_STDERR_BYTES;
        private boolean queryProcesses = DEFAULT_QUERY_PROCESSES;

        private Builder() {
        }

        private Builder(SmiProbeConfig from) {
            this.executable = from.executable;
            this.timeout = from.timeout;
            this.maxStdoutBytes = from.maxStdoutBytes;
            this.maxStderrBytes = from.maxStderrBytes;
            this.queryProcesses = from.queryProcesses;
        }

        /**
         * The executable to run. Default: {@link #DEFAULT_EXECUTABLE}.
         *
         * @param executable a bare name (looked up on {@code PATH}) or a path
         * @return this builder
         * @throws NullPointerException if {@code executable} is {@code null}
         * @throws IllegalArgumentException if {@code executable} is blank
         */
        public Builder executable(String executable) {
            Objects.requireNonNull(executable, "executable must not be null");
            if (executable.isBlank()) {
                throw new IllegalArgumentException("executable must not be blank, was '" + executable + "'");
            }
            this.executable = executable;
            return this;
        }

        /**
         * How long one run may take. Default: {@link #DEFAULT_TIMEOUT}.
         *
         * @param timeout the timeout
         * @return this builder
         * @throws NullPointerException if {@code timeout} is {@code null}
         * @throws IllegalArgumentException unless {@code timeout} is positive
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout must not be null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The stdout cap. Default: {@link #DEFAULT_MAX_STDOUT_BYTES}.
         *
         * @param bytes the most stdout bytes kept from one run
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is below {@link #MIN_OUTPUT_BYTES}
         */
        public Builder maxStdoutBytes(int bytes) {
            this.maxStdoutBytes = checkCap("maxStdoutBytes", bytes);
            return this;
        }

        /**
         * The stderr cap. Default: {@link #DEFAULT_MAX_STDERR_BYTES}.
         *
         * @param bytes the most stderr bytes kept from one run
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is below {@link #MIN_OUTPUT_BYTES}
         */
        public Builder maxStderrBytes(int bytes) {
            this.maxStderrBytes = checkCap("maxStderrBytes", bytes);
            return this;
        }

        /**
         * Whether to also query compute processes (a second nvidia-smi run per sample). Default:
         * {@link #DEFAULT_QUERY_PROCESSES}.
         *
         * @param queryProcesses {@code true} to list compute processes in each sample
         * @return this builder
         */
        public Builder queryProcesses(boolean queryProcesses) {
            this.queryProcesses = queryProcesses;
            return this;
        }

        /**
         * The configuration. The builder may be used again afterwards.
         *
         * @return a configuration holding this builder's values
         */
        public SmiProbeConfig build() {
            return new SmiProbeConfig(this);
        }

        private static int checkCap(String name, int bytes) {
            if (bytes < MIN_OUTPUT_BYTES) {
                throw new IllegalArgumentException(name + " must be at least " + MIN_OUTPUT_BYTES + ", was " + bytes);
            }
            return bytes;
        }
    }
}
