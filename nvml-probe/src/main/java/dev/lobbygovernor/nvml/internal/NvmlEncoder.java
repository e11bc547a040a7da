package dev.lobbygovernor.nvml.internal;

/** The NVENC queries, bound only where the library exports all of them. */
final class NvmlEncoder {

    private NvmlEncoder() {
    }

    static native int nvmlDeviceGetEncoderStats(long device, long sessionCount, long averageFps,
            long averageLatencyUs);

    static native int nvmlDeviceGetEncoderCapacity(long device, int encoderType, long capacityPercent);

    static native int nvmlDeviceGetEncoderUtilization(long device, long percent, long samplingPeriodUs);

    static native int nvmlDeviceGetEncoderSessions(long device, long sessionCount, long sessionInfos);
}
