package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import java.time.Instant;
import java.util.Objects;

/** What one probe call gave: a sample or a failure. */
public sealed interface ProbeOutcome {

    /**
     * When the reading was taken or the failure seen; staleness is judged from it.
     *
     * @return the sample's time, or when the failure was seen
     */
    Instant at();

    /**
     * The probe that answered (for a fallback chain, the one whose sample or failure this is).
     *
     * @return the probe's name; may be empty if a failure did not name it
     */
    String source();

    /**
     * A sample, plausible or not: the classifier decides.
     *
     * @param sample the reading; not null
     * @return a {@link Sampled} outcome
     * @throws NullPointerException if {@code sample} is null
     */
    static ProbeOutcome of(GpuSample sample) {
        return new Sampled(sample);
    }

    /**
     * A failure seen at {@code at}.
     *
     * @param failure what the probe threw; its cause, probe name and messages are kept
     * @param at when the failure was seen; not null
     * @return a {@link Failed} outcome
     */
    static ProbeOutcome failed(ProbeException failure, Instant at) {
        return new Failed(failure.toFailure(), at);
    }

    /**
     * The probe returned a sample.
     *
     * @param sample the reading
     */
    record Sampled(GpuSample sample) implements ProbeOutcome {
        /**
         * Requires the sample.
         *
         * @param sample the reading; not null
         * @throws NullPointerException if {@code sample} is null
         */
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
        /**
         * Requires both fields.
         *
         * @param failure what failed and why; not null
         * @param at when the failure was seen; not null
         * @throws NullPointerException if either is null
         */
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
