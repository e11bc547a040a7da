package dev.lobbygovernor.core.gpu;

import java.util.Objects;

/**
 * A probe failure as a value: kept in a {@link GpuSample} for the probes a fallback chain
 * skipped, and in health reasons.
 *
 * @param probeName the probe that failed
 * @param cause why
 * @param message the sentence for people
 * @param rawMessage the underlying tool's text, verbatim
 */
public record ProbeFailure(String probeName, ProbeFailureCause cause, String message, String rawMessage) {

    /**
     * Requires the name and cause; absent texts become empty.
     *
     * @param probeName the probe that failed; not null
     * @param cause why; not null
     * @param message the sentence for people; {@code null} reads as empty
     * @param rawMessage the underlying tool's text; {@code null} reads as empty
     * @throws NullPointerException if {@code probeName} or {@code cause} is null
     */
    public ProbeFailure {
        Objects.requireNonNull(probeName, "probeName");
        Objects.requireNonNull(cause, "cause");
        message = Objects.requireNonNullElse(message, "");
        rawMessage = Objects.requireNonNullElse(rawMessage, "");
    }
}
