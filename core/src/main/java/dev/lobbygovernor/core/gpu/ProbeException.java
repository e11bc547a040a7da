package dev.lobbygovernor.core.gpu;

import java.util.Objects;

/**
 * A {@link GpuProbe} could not produce a sample. Carries a typed {@link ProbeFailureCause}, the
 * probe's name, and the raw text the underlying tool gave (NVML's error string, nvidia-smi's
 * stderr), so operators see exactly what the machine said.
 */
public class ProbeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The failing probe's name; never null. */
    private final String probeName;
    /** Why the probe failed; never null. */
    private final ProbeFailureCause failureCause;
    /** The underlying tool's text, verbatim; empty when there was none, never null. */
    private final String rawMessage;

    /**
     * A probe failure.
     *
     * @param probeName the failing probe's {@link GpuProbe#name()}
     * @param failureCause why it failed
     * @param message a sentence for people: what happened and, where known, what to do
     * @param rawMessage the underlying text, verbatim (may be empty, never {@code null})
     * @param cause the underlying exception, or {@code null} if none
     * @throws NullPointerException if {@code probeName} or {@code failureCause} is null
     */
    public ProbeException(String probeName, ProbeFailureCause failureCause, String message,
            String rawMessage, Throwable cause) {
        super(message, cause);
        this.probeName = Objects.requireNonNull(probeName, "probeName");
        this.failureCause = Objects.requireNonNull(failureCause, "failureCause");
        this.rawMessage = Objects.requireNonNullElse(rawMessage, "");
    }

    /**
     * A probe failure without an underlying exception, as when a tool answered with an error
     * text rather than a Java exception.
     *
     * @param probeName the failing probe's {@link GpuProbe#name()}
     * @param failureCause why it failed
     * @param message a sentence for people: what happened and, where known, what to do
     * @param rawMessage the underlying text, verbatim; {@code null} reads as empty
     * @throws NullPointerException if {@code probeName} or {@code failureCause} is null
     */
    public ProbeException(String probeName, ProbeFailureCause failureCause, String message,
            String rawMessage) {
        this(probeName, failureCause, message, rawMessage, null);
    }

    /**
     * The probe that failed.
     *
     * @return its {@link GpuProbe#name()}; never null
     */
    public String probeName() {
        return probeName;
    }

    /**
     * Why it failed. Named apart from {@link #getCause()}, which is the underlying exception.
     *
     * @return the failure's category; never null
     */
    public ProbeFailureCause failureCause() {
        return failureCause;
    }

    /**
     * The underlying tool's own text, verbatim: NVML's error string, nvidia-smi's stderr.
     *
     * @return the text; empty if there was none, never null
     */
    public String rawMessage() {
        return rawMessage;
    }

    /**
     * This failure as a value, for samples and health reasons. The stack trace and the
     * underlying exception are not kept.
     *
     * @return the probe name, cause, message and raw text as a {@link ProbeFailure}
     */
    public ProbeFailure toFailure() {
        return new ProbeFailure(probeName, failureCause, getMessage(), rawMessage);
    }
}
