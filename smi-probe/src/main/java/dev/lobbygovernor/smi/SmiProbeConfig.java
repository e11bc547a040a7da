package dev.lobbygovernor.smi;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link NvidiaSmiGpuProbe} runs nvidia-smi. Immutable; every value is checked when built.
 * Start from {@link #defaults()} or {@link #builder()}.
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

    /** The defaults: {@code nvidia-smi} from {@code PATH}, a 5 s timeout, no process query. */
    public static SmiProbeConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().executable(executable).timeout(timeout).maxStdoutBytes(maxStdoutBytes)
                .maxStderrBytes(maxStderrBytes).queryProcesses(queryProcesses);
    }

    /** The executable: a bare name looked up on {@code PATH}, or a path. */
    public String executable() {
        return executable;
    }

    /** How long one nvidia-smi run may take before it and its children are killed. */
    public Duration timeout() {
        return timeout;
    }

    /** The most stdout bytes kept from one run; more kills the run. */
    public int maxStdoutBytes() {
        return maxStdoutBytes;
    }

    /** The most stderr bytes kept from one run; more kills the run. */
    public int maxStderrBytes() {
        return maxStderrBytes;
    }

    /** Whether each sample also runs {@code --query-compute-apps}. */
    public boolean queryProcesses() {
        return queryProcesses;
    }

    @Override
    public String toString() {
        return "SmiProbeConfig[executable=" + executable + ", timeout=" + timeout + ", maxStdoutBytes="
                + maxStdoutBytes + ", maxStderrBytes=" + maxStderrBytes + ", queryProcesses=" + queryProcesses + "]";
    }

    /** Builds a {@link SmiProbeConfig}; each setter rejects a bad value at once. */
    public static final class Builder {
        private String executable = DEFAULT_EXECUTABLE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxStdoutBytes = DEFAULT_MAX_STDOUT_BYTES;
        private int maxStderrBytes = DEFAULT_MAX_STDERR_BYTES;
        private boolean queryProcesses = DEFAULT_QUERY_PROCESSES;

        private Builder() {
        }

        /**
         * The executable to run: a bare name (looked up on {@code PATH}) or a path.
         *
         * @throws IllegalArgumentException if blank
         */
        public Builder executable(String executable) {
            Objects.requireNonNull(executable, "executable");
            if (executable.isBlank()) {
                throw new IllegalArgumentException("executable must not be blank");
            }
            this.executable = executable;
            return this;
        }

        /**
         * How long one run may take.
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The stdout cap.
         *
         * @throws IllegalArgumentException if below {@link #MIN_OUTPUT_BYTES}
         */
        public Builder maxStdoutBytes(int bytes) {
            this.maxStdoutBytes = checkCap("maxStdoutBytes", bytes);
            return this;
        }

        /**
         * The stderr cap.
         *
         * @throws IllegalArgumentException if below {@link #MIN_OUTPUT_BYTES}
         */
        public Builder maxStderrBytes(int bytes) {
            this.maxStderrBytes = checkCap("maxStderrBytes", bytes);
            return this;
        }

        /** Whether to also query compute processes (a second nvidia-smi run per sample). */
        public Builder queryProcesses(boolean queryProcesses) {
            this.queryProcesses = queryProcesses;
            return this;
        }

        /** The configuration. */
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
