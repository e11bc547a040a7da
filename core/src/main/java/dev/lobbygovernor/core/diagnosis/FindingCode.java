package dev.lobbygovernor.core.diagnosis;

/**
 * The specific conclusion of a check, stable for programs to match on (the summary is for
 * people and may change). Each code comes with one status, given first below and by
 * {@link #status()}.
 */
public enum FindingCode {
    /** OK: every expected device node is present and opened. */
    DEVICES_OPEN(FindingStatus.OK),
    /** PROBLEM: no NVIDIA device node at all in {@code /dev}. */
    DEVICES_ABSENT(FindingStatus.PROBLEM),
    /** PROBLEM: some expected device nodes are missing ({@code nvidiactl}, {@code nvidia-uvm} or every {@code nvidiaN}). */
    DEVICES_INCOMPLETE(FindingStatus.PROBLEM),
    /** PROBLEM: opening a node failed with "Operation not permitted": the device cgroup denies it. */
    DEVICE_OPEN_NOT_PERMITTED(FindingStatus.PROBLEM),
    /** PROBLEM: opening a node failed with "Permission denied": the process's user may not open it. */
    DEVICE_OPEN_DENIED(FindingStatus.PROBLEM),
    /** PROBLEM: opening a node failed otherwise, or it is not a device node (a directory, a broken link, a fifo). */
    DEVICE_OPEN_FAILED(FindingStatus.PROBLEM),
    /** OK: the device cgroup (v1) allows reading and writing every NVIDIA device. */
    CGROUP_ALLOWS_DEVICES(FindingStatus.OK),
    /** PROBLEM: the device cgroup no longer allows reading and writing the NVIDIA devices. */
    CGROUP_ACCESS_REDUCED(FindingStatus.PROBLEM),
    /** NOT_APPLICABLE: cgroup v2, whose device rules are an eBPF program that cannot be read from inside. */
    CGROUP_V2(FindingStatus.NOT_APPLICABLE),
    /** NOT_APPLICABLE: no cgroup information ({@code /proc/self/cgroup} absent, or no device rules mounted). */
    NO_CGROUP(FindingStatus.NOT_APPLICABLE),
    /** OK: {@code libnvidia-ml.so.1} was found. */
    LIBRARY_FOUND(FindingStatus.OK),
    /** PROBLEM: {@code libnvidia-ml.so.1} was found nowhere the dynamic loader looks. */
    LIBRARY_MISSING(FindingStatus.PROBLEM),
    /** OK: the kernel module and the library have the same version. */
    VERSIONS_MATCH(FindingStatus.OK),
    /** PROBLEM: the kernel module and the library differ in version. */
    VERSION_MISMATCH(FindingStatus.PROBLEM),
    /** PROBLEM: no {@code /proc/driver/nvidia/version}: the NVIDIA kernel module is not loaded. */
    DRIVER_NOT_LOADED(FindingStatus.PROBLEM),
    /** NOT_APPLICABLE: the library's version is not known, so there is nothing to compare. */
    VERSION_UNKNOWN(FindingStatus.NOT_APPLICABLE),
    /** OK: the toolkit's variables request a GPU with the {@code utility} and {@code video} capabilities. */
    GPU_REQUESTED(FindingStatus.OK),
    /** PROBLEM: the container was started without a GPU ({@code NVIDIA_VISIBLE_DEVICES} unset, empty, {@code void} or {@code none}). */
    NO_GPU_REQUESTED(FindingStatus.PROBLEM),
    /** PROBLEM: a driver capability is missing ({@code utility}: no NVML; {@code video}: no NVENC). */
    CAPABILITY_MISSING(FindingStatus.PROBLEM),
    /** NOT_APPLICABLE: not in a container, so the toolkit's variables do not apply. */
    NOT_IN_CONTAINER(FindingStatus.NOT_APPLICABLE),
    /** NOT_APPLICABLE: in a container whose GPU came another way (CDI, {@code --device}), not through the toolkit's variables. */
    TOOLKIT_NOT_USED(FindingStatus.NOT_APPLICABLE),
    /** PROBLEM: a file the check needs holds something it cannot read (not in the kernel's format, too large, not a file). */
    UNREADABLE(FindingStatus.PROBLEM),
    /** PROBLEM: the check did not finish before the deadline (a blocked device open or driver file read). */
    TIMED_OUT(FindingStatus.PROBLEM),
    /** PROBLEM: the check failed unexpectedly; the evidence holds the error. */
    CHECK_FAILED(FindingStatus.PROBLEM);

    private final FindingStatus status;

    FindingCode(FindingStatus status) {
        this.status = status;
    }

    /**
     * The status every finding with this code has.
     *
     * @return the status
     */
    public FindingStatus status() {
        return status;
    }
}
