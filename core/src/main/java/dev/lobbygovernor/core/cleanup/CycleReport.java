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

    /** Validates and copies the fields. */
    public CycleReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        outcomes = List.copyOf(outcomes);
        unreachableHosts = List.copyOf(unreachableHosts);
    }

    /** A report with no outcomes. */
    public static CycleReport empty(Instant at, Status status) {
        return new CycleReport(at, status, List.of(), List.of());
    }

    /** How many outcomes are of this kind. */
    public long count(CleanupOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    /** The outcomes of one kind, in order. */
    public List<CleanupOutcome> outcomes(CleanupOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).toList();
    }
}
