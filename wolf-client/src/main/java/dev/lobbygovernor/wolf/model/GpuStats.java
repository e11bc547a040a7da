package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The helixml fork's {@code gpu_stats}: one nvidia-smi reading taken by Wolf (cached by Wolf for
 * 2 s, failures too). Boxed numbers are {@code null} when absent, never a stand-in for zero.
 *
 * @param available whether nvidia-smi answered; when false, {@code error} says why
 * @param gpuName the product name
 * @param encoderSessionCount active NVENC sessions
 * @param encoderAverageFps average NVENC frames per second
 * @param encoderAverageLatencyUs average NVENC latency in µs
 * @param encoderUtilizationPercent NVENC utilisation, 0–100
 * @param gpuUtilizationPercent GPU utilisation, 0–100
 * @param memoryUtilizationPercent memory-controller utilisation, 0–100
 * @param memoryUsedMb used memory in MiB
 * @param memoryTotalMb total memory in MiB
 * @param temperatureCelsius GPU temperature
 * @param queryDurationMs how long Wolf's nvidia-smi call took
 * @param error Wolf's text when not available, such as {@code "nvidia-smi exited with code 255"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GpuStats(
        boolean available,
        String gpuName,
        Integer encoderSessionCount,
        Integer encoderAverageFps,
        Integer encoderAverageLatencyUs,
        Integer encoderUtilizationPercent,
        Integer gpuUtilizationPercent,
        Integer memoryUtilizationPercent,
        Long memoryUsedMb,
        Long memoryTotalMb,
        Integer temperatureCelsius,
        Long queryDurationMs,
        String error) {

    /**
     * Stats Wolf could not read, with its error text.
     *
     * @param error Wolf's text, such as {@code nvidia-smi exited with code 255}
     * @return {@code available:false} with that error and no readings
     */
    public static GpuStats unavailable(String error) {
        return new GpuStats(false, null, null, null, null, null, null, null, null, null, null,
                null, error);
    }
}
