package dev.lobbygovernor.core.gpu;

import java.util.Objects;

/**
 * A {@link GpuProbe} could not produce a sample. Carries a typed {@link ProbeFailureCause}, the
 * probe's name, and the raw text the underlying tool gave (NVML's error string, nvidia-smi's
 * stderr), so operators see exactly what the machine said.
 */
public class ProbeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String probeName;
    private final ProbeFailureCause failureCause;
    private final String rawMessage;

    /**
     * A probe failure.
     *
     * @param probeName the failing probe's {@link GpuProbe#name()}
     * @param failureCause why it failed
     * @param message a sentence for people: what happened and, where known, what to do
     * @param rawMessage the underlying text, verbatim (may be empty, never {@code null})
     * @param cause the underlying exception, if any
     */
    public ProbeException(String probeName, ProbeFailureCause failureCause, String message,
            String rawMessage, Throwable cause) {
        super(message, cause);
        this.probeName = Objects.requireNonNull(probeName, "probeName");
        this.failureCause = Objects.requireNonNull(failureCause, "failureCause");
        this.rawMessage = Objects.requireNonNullElse(rawMessage, "");
    }

    /** A probe failure without an underlying exception. */
    public ProbeException(String probeName, ProbeFailureCause failureCause, String message,
            String rawMessage) {
        this(probeName, failureCause, message, rawMessage, null);
    }

    /** The probe that failed. */
    public String probeName() {
        return probeName;
    }

    /** Why it failed. */
    public ProbeFailureCause failureCause() {
        return failureCause;
    }

    /** The underlying tool's own text, verbatim. */
    public String rawMessage() {
        return rawMessage;
    }

    /** This failure as a value, for samples and health reasons. */
    public ProbeFailure toFailure() {
        return new ProbeFailure(probeName, failureCause, getMessage(), rawMessage);
    }
}
