package dev.lobbygovernor.core.diagnosis;

/** What a {@link Finding} is about; {@link GpuDoctor} runs the checks in this order. */
public enum Check {
    /** {@code /dev/nvidiactl}, {@code /dev/nvidia-uvm} and {@code /dev/nvidia0..N}: present and openable. */
    DEVICE_NODES,
    /** The process's device cgroup: whether it still lets the process read and write the NVIDIA devices. */
    DEVICE_CGROUP,
    /** {@code libnvidia-ml.so.1}: found or not, where, and its version. */
    NVML_LIBRARY,
    /** The loaded kernel module's version ({@code /proc/driver/nvidia/version}) against the library's. */
    DRIVER_VERSION,
    /** The NVIDIA Container Toolkit's variables: whether a GPU and the needed capabilities were requested. */
    CONTAINER_TOOLKIT
}
