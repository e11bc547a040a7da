package dev.lobbygovernor.core.cleanup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one call of {@link LobbyReaper#runOnce()} did.
 *
 * @param startedAt the cycle's time
 * @param status whether the cycle ran
 * @param outcomes every outcome, in the order they were reached
 * @param unreachableHosts hosts whose runtime could not be listed (nothing was removed there)
 */
public record CycleReport(Instant startedAt, Status status, List<CleanupOutcome> outcomes,
        List<String> unreachableHosts) {

    /** Whether the cycle ran. */
    public enum Status {
        /** The cycle ran; {@link #outcomes()} says what it did. */
        COMPLETED,
        /** Another cycle was running, so this one did nothing. */
        SKIPPED_ALREADY_RUNNING,
        /** The store could not list lobby records, so nothing was done on any host. */
        STORE_UNAVAILABLE
    }

    /**
     * Validates and copies the fields.
     *
     * @param startedAt the cycle's time; not null
     * @param status whether the cycle ran; not null
     * @param outcomes every outcome; not null, copied
     * @param unreachableHosts hosts whose runtime could not be listed; not null, copied
     * @throws NullPointerException if any field is null
     */
    public CycleReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        outcomes = List.copyOf(outcomes);
        unreachableHosts = List.copyOf(unreachableHosts);
    }

    /**
     * A report with no outcomes and no unreachable hosts, as for a skipped cycle or one that
     * could not read the store.
     *
     * @param at the cycle's time; not null
     * @param status whether the cycle ran; not null
     * @return the report
     */
    public static CycleReport empty(Instant at, Status status) {
        return new CycleReport(at, status, List.of(), List.of());
    }

    /**
     * How many outcomes are of this kind.
     *
     * @param kind the kind to count
     * @return the number of outcomes of that kind; 0 if none
     */
    public long count(CleanupOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    /**
     * The outcomes of one kind, in the order they were reached.
     *
     * @param kind the kind to keep
     * @return those outcomes, unmodifiable; empty if none
     */
    public List<CleanupOutcome> outcomes(CleanupOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).toList();
    }
}
