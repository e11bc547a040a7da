package dev.lobbygovernor.core.diagnosis;

/**
 * The specific conclusion of a check, stable for programs to match on (the summary is for
 * people and may change). The status each code comes with is fixed and given below.
 */
public enum FindingCode {
    /** OK: every expected device node is present and opened. */
    DEVICES_OPEN,
    /** PROBLEM: no NVIDIA device node at all in {@code /dev}. */
    DEVICES_ABSENT,
    /** PROBLEM: some expected device nodes are missing ({@code nvidiactl}, {@code nvidia-uvm} or every {@code nvidiaN}). */
    DEVICES_INCOMPLETE,
    /** PROBLEM: opening a node failed with "Operation not permitted": the device cgroup denies it. */
    DEVICE_OPEN_NOT_PERMITTED,
    /** PROBLEM: opening a node failed with "Permission denied": the process's user may not open it. */
    DEVICE_OPEN_DENIED,
    /** PROBLEM: opening a node failed otherwise, or it is not a device node (a directory, a broken link, a fifo). */
    DEVICE_OPEN_FAILED,
    /** OK: the device cgroup (v1) allows reading and writing every NVIDIA device. */
    CGROUP_ALLOWS_DEVICES,
    /** PROBLEM: the device cgroup no longer allows reading and writing the NVIDIA devices. */
    CGROUP_ACCESS_REDUCED,
    /** NOT_APPLICABLE: cgroup v2, whose device rules are an eBPF program that cannot be read from inside. */
    CGROUP_V2,
    /** NOT_APPLICABLE: no cgroup information ({@code /proc/self/cgroup} absent, or no device rules mounted). */
    NO_CGROUP,
    /** OK: {@code libnvidia-ml.so.1} was found. */
    LIBRARY_FOUND,
    /** PROBLEM: {@code libnvidia-ml.so.1} was found nowhere the dynamic loader looks. */
    LIBRARY_MISSING,
    /** OK: the kernel module and the library have the same version. */
    VERSIONS_MATCH,
    /** PROBLEM: the kernel module and the library differ in version. */
    VERSION_MISMATCH,
    /** PROBLEM: no {@code /proc/driver/nvidia/version}: the NVIDIA kernel module is not loaded. */
    DRIVER_NOT_LOADED,
    /** NOT_APPLICABLE: the library's version is not known, so there is nothing to compare. */
    VERSION_UNKNOWN,
    /** OK: the toolkit's variables request a GPU with the {@code utility} and {@code video} capabilities. */
    GPU_REQUESTED,
    /** PROBLEM: the container was started without a GPU ({@code NVIDIA_VISIBLE_DEVICES} unset, empty, {@code void} or {@code none}). */
    NO_GPU_REQUESTED,
    /** PROBLEM: a driver capability is missing ({@code utility}: no NVML; {@code video}: no NVENC). */
    CAPABILITY_MISSING,
    /** NOT_APPLICABLE: not in a container, so the toolkit's variables do not apply. */
    NOT_IN_CONTAINER,
    /** NOT_APPLICABLE: in a container whose GPU came another way (CDI, {@code --device}), not through the toolkit's variables. */
    TOOLKIT_NOT_USED,
    /** PROBLEM: a file the check needs holds something it cannot read (not in the kernel's format, too large, not a file). */
    UNREADABLE,
    /** PROBLEM: the check did not finish before the deadline (a blocked device open or driver file read). */
    TIMED_OUT,
    /** PROBLEM: the check failed unexpectedly; the evidence holds the error. */
    CHECK_FAILED
}
