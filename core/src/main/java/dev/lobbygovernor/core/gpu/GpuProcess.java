package dev.lobbygovernor.core.gpu;

import java.util.Objects;

/**
 * A process using a GPU.
 *
 * @param pid the process id (as the driver sees it; inside a container it may differ)
 * @param usedMemoryMiB GPU memory it uses, {@code null} when the driver does not say
 * @param kind compute or graphics
 * @param name the process name, empty when unknown (NVML does not give one)
 */
public record GpuProcess(long pid, Long usedMemoryMiB, Kind kind, String name) {

    /** What kind of context the process holds. */
    public enum Kind {
        /** A CUDA/compute context. */
        COMPUTE,
        /** A graphics context (GL, Vulkan, NVENC through graphics). */
        GRAPHICS,
        /** The probe could not tell. */
        UNKNOWN
    }

    /**
     * Absent values become empty or {@link Kind#UNKNOWN}.
     *
     * @param pid the process id, as the driver sees it
     * @param usedMemoryMiB GPU memory it uses, or {@code null} when the driver does not say
     * @param kind compute or graphics; {@code null} reads as {@link Kind#UNKNOWN}
     * @param name the process name; {@code null} reads as empty
     */
    public GpuProcess {
        kind = Objects.requireNonNullElse(kind, Kind.UNKNOWN);
        name = Objects.requireNonNullElse(name, "");
    }
}
