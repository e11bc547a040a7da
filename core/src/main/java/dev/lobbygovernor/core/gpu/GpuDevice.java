package dev.lobbygovernor.core.gpu;

import java.util.List;
import java.util.Objects;

/**
 * One GPU (or MIG device) as a probe read it. Boxed fields are {@code null} when the device
 * does not report them (utilisation under MIG, say); {@code null} never means zero.
 *
 * @param index the device index
 * @param uuid the device UUID (such as {@code GPU-…}); empty if unknown
 * @param name the product name; empty means the probe read nothing, which is implausible
 * @param memoryTotalMiB total memory in MiB
 * @param memoryUsedMiB used memory in MiB
 * @param memoryFreeMiB free memory in MiB
 * @param gpuUtilizationPercent GPU utilisation, 0–100
 * @param memoryUtilizationPercent memory-controller utilisation, 0–100
 * @param encoderUtilizationPercent NVENC utilisation, 0–100
 * @param temperatureC GPU temperature in °C
 * @param powerWatts board power draw in W
 * @param encoderSessions active NVENC sessions
 * @param encoderAverageFps average NVENC frames per second over the sessions
 * @param encoderAverageLatencyUs average NVENC latency in µs
 * @param processes processes using the GPU; empty when not read
 * @param faults faults the probe saw on the GPU and still holds (see {@link GpuFault}); empty
 *     when none, or when the probe cannot see faults
 * @param encoderCapacity the NVENC capacity the GPU reports per codec, or {@code null} if not
 *     reported
 */
public record GpuDevice(
        int index,
        String uuid,
        String name,
        Long memoryTotalMiB,
        Long memoryUsedMiB,
        Long memoryFreeMiB,
        Integer gpuUtilizationPercent,
        Integer memoryUtilizationPercent,
        Integer encoderUtilizationPercent,
        Integer temperatureC,
        Double powerWatts,
        Integer encoderSessions,
        Integer encoderAverageFps,
        Integer encoderAverageLatencyUs,
        List<GpuProcess> processes,
        List<GpuFault> faults,
        EncoderCapacity encoderCapacity) {

    /**
     * Absent texts become empty; the process list is copied. Nothing is validated: an
     * impossible reading is kept as read, for {@link SamplePlausibility} to judge.
     *
     * @param index the device index
     * @param uuid the device UUID; {@code null} reads as empty
     * @param name the product name; {@code null} reads as empty
     * @param memoryTotalMiB total memory in MiB, or {@code null} if not reported
     * @param memoryUsedMiB used memory in MiB, or {@code null} if not reported
     * @param memoryFreeMiB free memory in MiB, or {@code null} if not reported
     * @param gpuUtilizationPercent GPU utilisation, 0–100, or {@code null} if not reported
     * @param memoryUtilizationPercent memory-controller utilisation, 0–100, or {@code null}
     * @param encoderUtilizationPercent NVENC utilisation, 0–100, or {@code null}
     * @param temperatureC GPU temperature in °C, or {@code null} if not reported
     * @param powerWatts board power draw in W, or {@code null} if not reported
     * @param encoderSessions active NVENC sessions, or {@code null} if not reported
     * @param encoderAverageFps average NVENC frames per second, or {@code null}
     * @param encoderAverageLatencyUs average NVENC latency in µs, or {@code null}
     * @param processes processes using the GPU; {@code null} reads as empty
     * @param faults faults the probe holds for the GPU; {@code null} reads as empty
     * @param encoderCapacity NVENC capacity per codec, or {@code null} if not reported
     */
    public GpuDevice {
        uuid = Objects.requireNonNullElse(uuid, "");
        name = Objects.requireNonNullElse(name, "");
        processes = processes == null ? List.of() : List.copyOf(processes);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /**
     * A device with no faults and no encoder capacity: what a probe that reads neither reports.
     *
     * @param index the device index
     * @param uuid the device UUID; {@code null} reads as empty
     * @param name the product name; {@code null} reads as empty
     * @param memoryTotalMiB total memory in MiB, or {@code null} if not reported
     * @param memoryUsedMiB used memory in MiB, or {@code null} if not reported
     * @param memoryFreeMiB free memory in MiB, or {@code null} if not reported
     * @param gpuUtilizationPercent GPU utilisation, 0–100, or {@code null} if not reported
     * @param memoryUtilizationPercent memory-controller utilisation, 0–100, or {@code null}
     * @param encoderUtilizationPercent NVENC utilisation, 0–100, or {@code null}
     * @param temperatureC GPU temperature in °C, or {@code null} if not reported
     * @param powerWatts board power draw in W, or {@code null} if not reported
     * @param encoderSessions active NVENC sessions, or {@code null} if not reported
     * @param encoderAverageFps average NVENC frames per second, or {@code null}
     * @param encoderAverageLatencyUs average NVENC latency in µs, or {@code null}
     * @param processes processes using the GPU; {@code null} reads as empty
     */
    public GpuDevice(int index, String uuid, String name, Long memoryTotalMiB, Long memoryUsedMiB,
            Long memoryFreeMiB, Integer gpuUtilizationPercent, Integer memoryUtilizationPercent,
            Integer encoderUtilizationPercent, Integer temperatureC, Double powerWatts, Integer encoderSessions,
            Integer encoderAverageFps, Integer encoderAverageLatencyUs, List<GpuProcess> processes) {
        this(index, uuid, name, memoryTotalMiB, memoryUsedMiB, memoryFreeMiB, gpuUtilizationPercent,
                memoryUtilizationPercent, encoderUtilizationPercent, temperatureC, powerWatts, encoderSessions,
                encoderAverageFps, encoderAverageLatencyUs, processes, List.of(), null);
    }

    /**
     * This device with {@code faults} instead of its own.
     *
     * @param faults the faults; {@code null} reads as empty
     * @return a copy with those faults; this one is unchanged
     */
    public GpuDevice withFaults(List<GpuFault> faults) {
        return new GpuDevice(index, uuid, name, memoryTotalMiB, memoryUsedMiB, memoryFreeMiB, gpuUtilizationPercent,
                memoryUtilizationPercent, encoderUtilizationPercent, temperatureC, powerWatts, encoderSessions,
                encoderAverageFps, encoderAverageLatencyUs, processes, faults, encoderCapacity);
    }
}
