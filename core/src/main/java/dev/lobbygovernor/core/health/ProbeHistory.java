package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.GpuSample;

/**
 * What the classifier remembers of a host's probe calls: the latest outcome, how many bad
 * outcomes (failures, implausible or stale samples) came in a row, and the latest good sample.
 * Build it with {@link HealthClassifier#record}, which decides what "good" means.
 *
 * @param latest the latest outcome, {@code null} before the first probe call
 * @param consecutiveFailures bad outcomes in a row up to and including {@code latest}
 * @param lastGoodSample the latest plausible, fresh sample, {@code null} if none was ever seen
 */
public record ProbeHistory(ProbeOutcome latest, int consecutiveFailures, GpuSample lastGoodSample) {

    private static final ProbeHistory EMPTY = new ProbeHistory(null, 0, null);

    /**
     * Validates the count.
     *
     * @param latest the latest outcome, or {@code null} before the first probe call
     * @param consecutiveFailures bad outcomes in a row; not negative, and 0 without {@code latest}
     * @param lastGoodSample the latest plausible, fresh sample, or {@code null}
     * @throws IllegalArgumentException if {@code consecutiveFailures} is negative, or positive
     *     while {@code latest} is null
     */
    public ProbeHistory {
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
        if (latest == null && consecutiveFailures > 0) {
            throw new IllegalArgumentException("failures without a latest outcome");
        }
    }

    /**
     * Nothing probed yet.
     *
     * @return the shared empty history: no outcome, no failures, no good sample
     */
    public static ProbeHistory empty() {
        return EMPTY;
    }

    /** This history after {@code outcome}, which the caller judged good or bad. */
    ProbeHistory then(ProbeOutcome outcome, boolean good) {
        if (good) {
            return new ProbeHistory(outcome, 0, ((ProbeOutcome.Sampled) outcome).sample());
        }
        int failures = consecutiveFailures == Integer.MAX_VALUE ? consecutiveFailures : consecutiveFailures + 1;
        return new ProbeHistory(outcome, failures, lastGoodSample);
    }
}
