package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import java.time.Instant;
import java.util.Objects;

/** What one probe call gave: a sample or a failure. */
public sealed interface ProbeOutcome {

    /** When the reading was taken or the failure seen. */
    Instant at();

    /** The probe that answered (for a fallback chain, the one whose sample or failure this is). */
    String source();

    /** A sample, plausible or not: the classifier decides. */
    static ProbeOutcome of(GpuSample sample) {
        return new Sampled(sample);
    }

    /** A failure seen at {@code at}. */
    static ProbeOutcome failed(ProbeException failure, Instant at) {
        return new Failed(failure.toFailure(), at);
    }

    /**
     * The probe returned a sample.
     *
     * @param sample the reading
     */
    record Sampled(GpuSample sample) implements ProbeOutcome {
        /** Requires the sample. */
        public Sampled {
            Objects.requireNonNull(sample, "sample");
        }

        @Override
        public Instant at() {
            return sample.takenAt();
        }

        @Override
        public String source() {
            return sample.source();
        }
    }

    /**
     * The probe failed.
     *
     * @param failure what failed and why
     * @param at when the failure was seen
     */
    record Failed(ProbeFailure failure, Instant at) implements ProbeOutcome {
        /** Requires both fields. */
        public Failed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String source() {
            return failure.probeName();
        }
    }
}
