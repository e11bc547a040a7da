package dev.lobbygovernor.nvml.internal;

/**
 * {@code nvmlDeviceGetMemoryInfo_v2}, bound only where the library exports it (drivers before
 * 510 do not). Its struct separates reserved from used memory and carries a version word.
 */
final class NvmlMemoryV2 {

    private NvmlMemoryV2() {
    }

    static native int nvmlDeviceGetMemoryInfo_v2(long device, long memory);
}
