package dev.lobbygovernor.nvml.internal;

import com.sun.jna.Pointer;

/**
 * The NVML functions every supported driver exports, direct-mapped (JNA binds each native method
 * straight to its symbol: several times cheaper per call than an interface proxy). Pointers are
 * passed as {@code long} addresses into native scratch memory, which skips JNA's per-call
 * argument conversion; NVML exists only for 64-bit processes, so a {@code long} holds any
 * pointer. Methods named in {@link VersionedSymbols} bind to their newest exported version.
 * Registered once per JVM by {@link NvmlBinding}.
 */
final class NvmlCore {

    private NvmlCore() {
    }

    static native int nvmlInit();

    static native int nvmlShutdown();

    static native Pointer nvmlErrorString(int result);

    static native int nvmlSystemGetDriverVersion(long version, int length);

    static native int nvmlSystemGetNVMLVersion(long version, int length);

    static native int nvmlDeviceGetCount(long count);

    static native int nvmlDeviceGetHandleByIndex(int index, long device);

    static native int nvmlDeviceGetName(long device, long name, int length);

    static native int nvmlDeviceGetUUID(long device, long uuid, int length);

    static native int nvmlDeviceGetMemoryInfo(long device, long memory);

    static native int nvmlDeviceGetUtilizationRates(long device, long utilization);

    static native int nvmlDeviceGetTemperature(long device, int sensor, long temperature);

    static native int nvmlDeviceGetPowerUsage(long device, long milliwatts);

    static native int nvmlDeviceGetComputeRunningProcesses(long device, long count, long infos);

    static native int nvmlDeviceGetGraphicsRunningProcesses(long device, long count, long infos);
}
