package dev.lobbygovernor.nvml.internal;

import dev.lobbygovernor.core.gpu.GpuDevice;

/**
 * One GPU as a sample read it, with what the probe needs beyond the public reading to decide
 * whether a GPU held out of service by an Xid has recovered.
 *
 * @param device the reading, with the faults its state shows
 * @param recoveryAction the recovery action the driver reports (NVML field 230; 0 = none), or
 *     {@code null} when the driver or the GPU does not report it, or the GPU could not be read
 */
public record DeviceReading(GpuDevice device, Integer recoveryAction) {
}
