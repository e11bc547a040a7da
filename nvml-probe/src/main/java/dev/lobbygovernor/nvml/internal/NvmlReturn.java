package dev.lobbygovernor.nvml.internal;

import dev.lobbygovernor.core.gpu.ProbeFailureCause;

/**
 * NVML return codes ({@code nvmlReturn_t}): names, built-in descriptions (for when the library
 * itself is missing and {@code nvmlErrorString} cannot be asked), and what each code means for a
 * probe. Codes this table does not know (newer drivers add some) are tolerated everywhere.
 */
public final class NvmlReturn {

    /** The call succeeded. */
    public static final int SUCCESS = 0;
    /** NVML was not initialised (or was shut down). */
    public static final int UNINITIALIZED = 1;
    /** A field does not exist on this device (utilisation under MIG, say). */
    public static final int NOT_SUPPORTED = 3;
    /** An argument was rejected (a codec an old driver does not know, say). */
    public static final int INVALID_ARGUMENT = 2;
    /** The caller may not read this. */
    public static final int NO_PERMISSION = 4;
    /** A buffer was too small; the needed size was written back. */
    public static final int INSUFFICIENT_SIZE = 7;
    /** A wait ended with nothing to report (an event wait with no event in time). */
    public static final int TIMEOUT = 10;
    /** The kernel driver is not loaded. */
    public static final int DRIVER_NOT_LOADED = 9;
    /** NVML's own code for "no libnvidia-ml here"; used when loading the library fails. */
    public static final int LIBRARY_NOT_FOUND = 12;
    /** A symbol is missing from the library. */
    public static final int FUNCTION_NOT_FOUND = 13;
    /** The GPU fell off the bus. */
    public static final int GPU_IS_LOST = 15;
    /** A versioned struct's version word was not accepted. */
    public static final int ARGUMENT_VERSION_MISMATCH = 25;
    /** Anything NVML could not name; what containers that lost /dev/nvidia* report. */
    public static final int UNKNOWN = 999;

    private static final String[][] TABLE = {
        {"NVML_SUCCESS", "Success"},
        {"NVML_ERROR_UNINITIALIZED", "NVML was not initialized"},
        {"NVML_ERROR_INVALID_ARGUMENT", "Invalid argument"},
        {"NVML_ERROR_NOT_SUPPORTED", "Not supported on this device"},
        {"NVML_ERROR_NO_PERMISSION", "Insufficient permissions"},
        {"NVML_ERROR_ALREADY_INITIALIZED", "Already initialized"},
        {"NVML_ERROR_NOT_FOUND", "Not found"},
        {"NVML_ERROR_INSUFFICIENT_SIZE", "Buffer too small"},
        {"NVML_ERROR_INSUFFICIENT_POWER", "Insufficient external power"},
        {"NVML_ERROR_DRIVER_NOT_LOADED", "NVIDIA driver is not loaded"},
        {"NVML_ERROR_TIMEOUT", "Timed out"},
        {"NVML_ERROR_IRQ_ISSUE", "Interrupt request issue"},
        {"NVML_ERROR_LIBRARY_NOT_FOUND", "NVML shared library not found"},
        {"NVML_ERROR_FUNCTION_NOT_FOUND", "Function not found in the NVML library"},
        {"NVML_ERROR_CORRUPTED_INFOROM", "infoROM is corrupted"},
        {"NVML_ERROR_GPU_IS_LOST", "GPU has fallen off the bus"},
        {"NVML_ERROR_RESET_REQUIRED", "GPU requires a reset"},
        {"NVML_ERROR_OPERATING_SYSTEM", "Blocked by the operating system"},
        {"NVML_ERROR_LIB_RM_VERSION_MISMATCH", "Driver/library version mismatch"},
        {"NVML_ERROR_IN_USE", "In use by another client"},
        {"NVML_ERROR_MEMORY", "Insufficient memory"},
        {"NVML_ERROR_NO_DATA", "No data"},
        {"NVML_ERROR_VGPU_ECC_NOT_SUPPORTED", "vGPU operation not available while ECC is enabled"},
        {"NVML_ERROR_INSUFFICIENT_RESOURCES", "Insufficient resources"},
        {"NVML_ERROR_FREQ_NOT_SUPPORTED", "Frequency not supported"},
        {"NVML_ERROR_ARGUMENT_VERSION_MISMATCH", "Struct version not supported"},
        {"NVML_ERROR_DEPRECATED", "Deprecated"},
        {"NVML_ERROR_NOT_READY", "Not ready"},
        {"NVML_ERROR_GPU_NOT_FOUND", "GPU not found"},
        {"NVML_ERROR_INVALID_STATE", "Invalid state"},
        {"NVML_ERROR_RESET_TYPE_NOT_SUPPORTED", "Reset type not supported"},
    };

    private NvmlReturn() {
    }

    /**
     * The constant's name of a return code.
     *
     * @param code the return code
     * @return the name, such as {@code NVML_ERROR_UNKNOWN}; unknown codes get a made-up one
     */
    public static String name(int code) {
        if (code >= 0 && code < TABLE.length) {
            return TABLE[code][0];
        }
        return code == UNKNOWN ? "NVML_ERROR_UNKNOWN" : "NVML_RETURN_" + Integer.toUnsignedString(code);
    }

    /**
     * A short built-in description, for when {@code nvmlErrorString} is not available.
     *
     * @param code the return code
     * @return the description, such as {@code Unknown Error}
     */
    public static String describe(int code) {
        if (code >= 0 && code < TABLE.length) {
            return TABLE[code][1];
        }
        return code == UNKNOWN ? "Unknown Error" : "Unrecognised NVML return code " + Integer.toUnsignedString(code);
    }

    /**
     * Whether a code on one field only means "this field is not available here": the field
     * becomes {@code null} and the device is still read.
     *
     * @param code the return code of one field's call
     * @return whether the code means "not available here"
     */
    public static boolean fieldUnavailable(int code) {
        return switch (code) {
            // NOT_SUPPORTED, NO_PERMISSION, NOT_FOUND, FUNCTION_NOT_FOUND, NO_DATA, DEPRECATED, NOT_READY
            case 3, 4, 6, 13, 21, 26, 27 -> true;
            default -> false;
        };
    }

    /**
     * Whether a code means the NVML session itself may be broken, so the next sample should shut
     * NVML down and initialise it again (the only way a wedged NVML shows it recovered). Unknown
     * codes count: re-initialising is cheap next to trusting a state nobody can name.
     *
     * @param code the return code
     * @return whether the next sample should re-initialise NVML
     */
    public static boolean sessionSuspect(int code) {
        return switch (code) {
            // UNINITIALIZED, DRIVER_NOT_LOADED, GPU_IS_LOST, RESET_REQUIRED, OPERATING_SYSTEM,
            // LIB_RM_VERSION_MISMATCH, UNKNOWN
            case 1, 9, 15, 16, 17, 18, 999 -> true;
            default -> code < 0 || code >= TABLE.length;
        };
    }

    /**
     * The typed cause for a failing code. During initialisation anything without a more specific
     * cause is {@link ProbeFailureCause#INIT_FAILED}; afterwards it is
     * {@link ProbeFailureCause#UNKNOWN} (the raw message keeps NVML's text).
     *
     * @param code the failing return code
     * @param duringInit whether the code came from {@code nvmlInit}
     * @return the cause
     */
    public static ProbeFailureCause cause(int code, boolean duringInit) {
        return switch (code) {
            case 12 -> ProbeFailureCause.LIBRARY_MISSING;
            case 9 -> ProbeFailureCause.DRIVER_NOT_LOADED;
            case 4, 17 -> ProbeFailureCause.NO_PERMISSION;
            case 18 -> ProbeFailureCause.VERSION_MISMATCH;
            case 15, 16 -> ProbeFailureCause.GPU_LOST;
            case 10 -> ProbeFailureCause.TIMEOUT;
            case 1 -> ProbeFailureCause.INIT_FAILED;
            default -> duringInit ? ProbeFailureCause.INIT_FAILED : ProbeFailureCause.UNKNOWN;
        };
    }
}
