package dev.lobbygovernor.nvml.internal;

import dev.lobbygovernor.core.gpu.NvidiaFailureText;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Why NVML could not be read, before it becomes the public probe exception: the typed cause,
 * the NVML return code and the function that returned it, and NVML's own text. Carries no stack
 * trace: it is an expected outcome, and its message says everything an operator needs.
 */
public final class NvmlError extends Exception {

    private static final long serialVersionUID = 1L;

    /** The typed cause. */
    private final ProbeFailureCause failureCause;
    /** The NVML return code. */
    private final int returnCode;
    /** The NVML function, or loader step, that failed. */
    private final String function;
    /** NVML's own text for the code, or the loader's. */
    private final String rawMessage;

    NvmlError(ProbeFailureCause failureCause, int returnCode, String function, String message,
            String rawMessage) {
        super(message, null, false, false);
        this.failureCause = Objects.requireNonNull(failureCause);
        this.returnCode = returnCode;
        this.function = Objects.requireNonNull(function);
        this.rawMessage = Objects.requireNonNullElse(rawMessage, "");
    }

    /**
     * The typed cause.
     *
     * @return the cause
     */
    public ProbeFailureCause failureCause() {
        return failureCause;
    }

    /**
     * The NVML return code.
     *
     * @return the code; {@link NvmlReturn#LIBRARY_NOT_FOUND} when the library did not load
     */
    public int returnCode() {
        return returnCode;
    }

    /**
     * The NVML function (or loader step) that failed.
     *
     * @return the symbol, such as {@code nvmlInit_v2}, or {@code load}
     */
    public String function() {
        return function;
    }

    /**
     * NVML's own text for the code, or the loader's.
     *
     * @return the text, possibly empty
     */
    public String rawMessage() {
        return rawMessage;
    }

    /** No library file could be loaded; {@code reasons} are the loader's one-line answers. */
    static NvmlError libraryMissing(NvmlLibrarySource source, List<String> reasons) {
        return new NvmlError(ProbeFailureCause.LIBRARY_MISSING, NvmlReturn.LIBRARY_NOT_FOUND, "load",
                "NVML library not found (tried " + source + "). Install the NVIDIA driver, or run the"
                        + " container with the NVIDIA Container Toolkit so libnvidia-ml.so.1 is mounted.",
                String.join("; ", reasons));
    }

    /** The file loaded but is not an NVML this probe can use. */
    static NvmlError unusable(String library, String reason) {
        return new NvmlError(ProbeFailureCause.LIBRARY_MISSING, NvmlReturn.FUNCTION_NOT_FOUND, "load",
                "The library " + library + " is not a usable NVML: " + reason
                        + ". Install a current NVIDIA driver.", reason);
    }

    /** This JVM already bound NVML from another file. */
    static NvmlError alreadyBound(NvmlLibrarySource bound, NvmlLibrarySource requested) {
        return new NvmlError(ProbeFailureCause.UNKNOWN, NvmlReturn.UNKNOWN, "load",
                "NVML is already loaded from " + bound + " in this JVM, so " + requested
                        + " cannot be used too: NVML is process-wide, use one library per process.",
                "");
    }

    /** An earlier call still holds NVML, so it cannot be re-initialised now. */
    static NvmlError busy(Duration waited) {
        return new NvmlError(ProbeFailureCause.TIMEOUT, NvmlReturn.UNKNOWN, "nvmlInit",
                "NVML cannot be re-initialised: an earlier NVML call has not returned within "
                        + waited.toMillis() + " ms (a hung driver?).",
                "");
    }

    /**
     * The Xid event watch failed: {@code function} returned {@code code}. Sampling goes on; only
     * faults reported as events may go unnoticed until the watch works again.
     */
    static NvmlError eventWatch(String function, int code, String text) {
        return new NvmlError(NvmlReturn.cause(code, false), code, function, "NVML's hardware fault (Xid) event"
                + " watch failed: " + function + " returned " + NvmlReturn.name(code) + " ("
                + Integer.toUnsignedString(code) + ", \"" + text + "\"). Xids may go unnoticed until it works again;"
                + " GPU readings are not affected.", text);
    }

    /** NVML answered something impossible. */
    static NvmlError malformed(String function, String what) {
        return new NvmlError(ProbeFailureCause.MALFORMED_OUTPUT, NvmlReturn.SUCCESS, function,
                "NVML answered an impossible value: " + function + " gave " + what + ".", what);
    }

    /** {@code function} returned {@code code}; {@code text} is {@code nvmlErrorString(code)}. */
    static NvmlError call(String function, int code, String text, boolean duringInit, String where) {
        ProbeFailureCause cause = NvmlReturn.cause(code, duringInit);
        String what = (duringInit ? "NVML could not be initialised" : "NVML stopped answering" + where)
                + ": " + function + " returned " + NvmlReturn.name(code) + " (" + Integer.toUnsignedString(code)
                + ", \"" + text + "\").";
        return new NvmlError(cause, code, function, what + hint(cause, code), text);
    }

    /**
     * The shared advice for the causes a return code names precisely; NVML's UNKNOWN (999) is what
     * a container that lost /dev/nvidia* answers, at init and on every call after, so it gets the
     * container hint whatever the phase.
     */
    private static String hint(ProbeFailureCause cause, int code) {
        if (code == NvmlReturn.UNKNOWN) {
            return " " + NvidiaFailureText.CONTAINER_DEVICE_HINT;
        }
        return switch (cause) {
            case DRIVER_NOT_LOADED, VERSION_MISMATCH, GPU_LOST, NO_PERMISSION -> " " + NvidiaFailureText.hint(cause);
            default -> "";
        };
    }
}
