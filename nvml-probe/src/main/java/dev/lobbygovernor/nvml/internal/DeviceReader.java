package dev.lobbygovernor.nvml.internal;

import static dev.lobbygovernor.nvml.internal.CallFailed.ok;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one GPU through a bound NVML into a {@link GpuDevice}. A field the device does not offer
 * (NOT_SUPPORTED and its kin, see {@link NvmlReturn#fieldUnavailable}) becomes {@code null}; any
 * other failure makes the whole device unreadable ({@link CallFailed}).
 */
final class DeviceReader {

    /** {@code nvmlMemory_v2_t}'s version word: struct size 40 | version 2 << 24. */
    static final int MEMORY_V2_VERSION = 0x02000028;
    /** {@code NVML_TEMPERATURE_GPU}. */
    static final int TEMPERATURE_GPU = 0;

    private static final long MIB = 1024L * 1024L;

    private final NvmlBinding binding;
    // Set once a driver rejects the v2 struct, so later samples go straight to v1.
    private volatile boolean memoryV2Rejected;

    DeviceReader(NvmlBinding binding) {
        this.binding = binding;
    }

    /** How many devices NVML reports (including ones this process may not open). */
    int count(Scratch s) throws CallFailed {
        int rc = NvmlCore.nvmlDeviceGetCount(s.at(Scratch.OUT_A));
        if (rc != NvmlReturn.SUCCESS) {
            throw new CallFailed(binding.symbol("nvmlDeviceGetCount"), rc);
        }
        return s.getInt(Scratch.OUT_A);
    }

    /**
     * Reads device {@code index}; {@code null} when this process may not open it (NVML's count
     * includes such devices, and nvidia-smi skips them too).
     */
    GpuDevice read(int index, Scratch s) throws CallFailed {
        int rc = NvmlCore.nvmlDeviceGetHandleByIndex(index, s.at(Scratch.HANDLE));
        if (rc == NvmlReturn.NO_PERMISSION) {
            return null;
        }
        if (rc != NvmlReturn.SUCCESS) {
            throw new CallFailed(binding.symbol("nvmlDeviceGetHandleByIndex"), rc);
        }
        long device = s.getLong(Scratch.HANDLE);

        String name = text(s, "nvmlDeviceGetName",
                NvmlCore.nvmlDeviceGetName(device, s.at(Scratch.TEXT), Scratch.TEXT_LENGTH));
        String uuid = text(s, "nvmlDeviceGetUUID",
                NvmlCore.nvmlDeviceGetUUID(device, s.at(Scratch.TEXT), Scratch.TEXT_LENGTH));

        Long[] memory = memory(s, device);

        Integer gpuUtil = null;
        Integer memUtil = null;
        if (ok("nvmlDeviceGetUtilizationRates",
                NvmlCore.nvmlDeviceGetUtilizationRates(device, s.at(Scratch.UTILIZATION)))) {
            gpuUtil = s.getInt(Scratch.UTILIZATION);
            memUtil = s.getInt(Scratch.UTILIZATION + 4);
        }
        Integer temperature = ok("nvmlDeviceGetTemperature",
                NvmlCore.nvmlDeviceGetTemperature(device, TEMPERATURE_GPU, s.at(Scratch.OUT_A)))
                ? s.getInt(Scratch.OUT_A) : null;
        Double powerWatts = ok("nvmlDeviceGetPowerUsage",
                NvmlCore.nvmlDeviceGetPowerUsage(device, s.at(Scratch.OUT_A)))
                ? Integer.toUnsignedLong(s.getInt(Scratch.OUT_A)) / 1000.0 : null;

        Integer[] encoder = encoder(s, device);

        List<GpuProcess> processes = new ArrayList<>(
                ListReader.processes(s, device, binding.symbol("nvmlDeviceGetComputeRunningProcesses"),
                        NvmlCore::nvmlDeviceGetComputeRunningProcesses, binding.processStride(false),
                        GpuProcess.Kind.COMPUTE));
        processes.addAll(
                ListReader.processes(s, device, binding.symbol("nvmlDeviceGetGraphicsRunningProcesses"),
                        NvmlCore::nvmlDeviceGetGraphicsRunningProcesses, binding.processStride(true),
                        GpuProcess.Kind.GRAPHICS));

        return new GpuDevice(index, uuid, name, memory[0], memory[1], memory[2], gpuUtil, memUtil,
                encoder[3], temperature, powerWatts, encoder[0], encoder[1], encoder[2], processes);
    }

    private static String text(Scratch s, String function, int rc) throws CallFailed {
        return ok(function, rc) ? s.text(Scratch.TEXT, Scratch.TEXT_LENGTH) : "";
    }

    /** total, used, free in MiB; the v2 struct where the driver has it, else v1. */
    private Long[] memory(Scratch s, long device) throws CallFailed {
        if (binding.hasMemoryV2() && !memoryV2Rejected) {
            s.setInt(Scratch.MEMORY, MEMORY_V2_VERSION);
            int rc = NvmlMemoryV2.nvmlDeviceGetMemoryInfo_v2(device, s.at(Scratch.MEMORY));
            if (rc == NvmlReturn.ARGUMENT_VERSION_MISMATCH) {
                memoryV2Rejected = true;
            } else if (ok("nvmlDeviceGetMemoryInfo_v2", rc)) {
                // version @0, total @8, reserved @16, free @24, used @32
                return new Long[] {mib(s.getLong(Scratch.MEMORY + 8)), mib(s.getLong(Scratch.MEMORY + 32)),
                    mib(s.getLong(Scratch.MEMORY + 24))};
            } else {
                return new Long[3];
            }
        }
        if (ok("nvmlDeviceGetMemoryInfo", NvmlCore.nvmlDeviceGetMemoryInfo(device, s.at(Scratch.MEMORY)))) {
            // total @0, free @8, used @16
            return new Long[] {mib(s.getLong(Scratch.MEMORY)), mib(s.getLong(Scratch.MEMORY + 16)),
                mib(s.getLong(Scratch.MEMORY + 8))};
        }
        return new Long[3];
    }

    private static long mib(long bytes) {
        return Long.divideUnsigned(bytes, MIB);
    }

    /**
     * sessions, average FPS, average latency (µs), utilisation percent. Stats come from
     * {@code nvmlDeviceGetEncoderStats}; where a device does not offer those, from its session
     * list, which carries the same figures per session.
     */
    private Integer[] encoder(Scratch s, long device) throws CallFailed {
        Integer[] values = new Integer[4];
        if (!binding.hasEncoder()) {
            return values;
        }
        if (ok("nvmlDeviceGetEncoderStats", NvmlEncoder.nvmlDeviceGetEncoderStats(device,
                s.at(Scratch.OUT_A), s.at(Scratch.OUT_B), s.at(Scratch.OUT_C)))) {
            values[0] = s.getInt(Scratch.OUT_A);
            values[1] = s.getInt(Scratch.OUT_B);
            values[2] = s.getInt(Scratch.OUT_C);
        } else {
            ListReader.EncoderSummary summary = ListReader.encoderSessions(s, device);
            if (summary != null) {
                values[0] = summary.sessions();
                values[1] = summary.averageFps();
                values[2] = summary.averageLatencyUs();
            }
        }
        if (ok("nvmlDeviceGetEncoderUtilization", NvmlEncoder.nvmlDeviceGetEncoderUtilization(device,
                s.at(Scratch.OUT_A), s.at(Scratch.OUT_B)))) {
            values[3] = s.getInt(Scratch.OUT_A);
        }
        return values;
    }
}
