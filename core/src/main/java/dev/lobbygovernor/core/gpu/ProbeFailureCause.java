package dev.lobbygovernor.core.gpu;

/** Why a {@link GpuProbe} could not read the GPU. */
public enum ProbeFailureCause {
    /** The native library or executable is not on this machine. */
    LIBRARY_MISSING,
    /** NVML failed to initialise, e.g. "Unknown Error" inside a container that lost its devices. */
    INIT_FAILED,
    /** The process may not read the GPU. */
    NO_PERMISSION,
    /** The NVIDIA kernel driver is not loaded or does not answer. */
    DRIVER_NOT_LOADED,
    /** The user-space library and the kernel driver differ in version. */
    VERSION_MISMATCH,
    /** The GPU fell off the bus or needs a reset. */
    GPU_LOST,
    /** The probe did not answer within its time limit. */
    TIMEOUT,
    /** The probe answered something that could not be parsed. */
    MALFORMED_OUTPUT,
    /** Anything else; the raw message says what. */
    UNKNOWN
}
