package dev.lobbygovernor.nvml;

import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;

/**
 * NVML could not be read. Beside the typed cause it keeps NVML's own return code, the constant's
 * name and the function that returned it; {@link #rawMessage()} is {@code nvmlErrorString} for
 * that code. When the library could not be loaded at all the code is
 * {@code NVML_ERROR_LIBRARY_NOT_FOUND} (12), as NVML's own bindings report it.
 */
public final class NvmlProbeException extends ProbeException {

    private static final long serialVersionUID = 1L;

    /** NVML's return code. */
    private final int returnCode;
    /** The return code's constant name. */
    private final String errorName;
    /** The NVML function, or loader step, that failed. */
    private final String function;

    NvmlProbeException(String probeName, ProbeFailureCause cause, String message, String rawMessage,
            int returnCode, String errorName, String function) {
        super(probeName, cause, message, rawMessage);
        this.returnCode = returnCode;
        this.errorName = errorName;
        this.function = function;
    }

    /**
     * NVML's return code.
     *
     * @return the code, such as 999
     */
    public int returnCode() {
        return returnCode;
    }

    /**
     * The return code's name.
     *
     * @return the constant's name, such as {@code NVML_ERROR_UNKNOWN}
     */
    public String errorName() {
        return errorName;
    }

    /**
     * The NVML function that failed.
     *
     * @return the symbol, such as {@code nvmlInit_v2}, or {@code load} when the library did not load
     */
    public String function() {
        return function;
    }
}
