package dev.lobbygovernor.nvml.internal;

/**
 * A GPU NVML opened in the current init…shutdown span.
 *
 * @param index its NVML index
 * @param handle its {@code nvmlDevice_t}, valid until the span ends
 * @param uuid its UUID; empty if NVML did not give one
 */
public record DeviceHandle(int index, long handle, String uuid) {
}
