package dev.lobbygovernor.nvml.internal;

import static dev.lobbygovernor.nvml.internal.CallFailed.ok;

import dev.lobbygovernor.core.gpu.EncoderCapacity;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import java.time.Instant;
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
    private static final Memory NO_MEMORY = new Memory(null, null, null);

    private final NvmlBinding binding;
    private final FaultReader faults;
    // The symbols actually bound, named in failures; looked up once rather than per device.
    private final String countSymbol;
    private final String handleSymbol;
    private final String computeSymbol;
    private final String graphicsSymbol;
    // Set once a driver rejects the v2 struct, so later samples go straight to v1.
    private volatile boolean memoryV2Rejected;

    /**
     * What does not change while NVML stays initialised: the handle (valid for one init…shutdown
     * span), the name and the UUID. Read once per span, which saves three of eleven calls per
     * GPU; a re-initialisation starts a fresh {@link Identities}.
     */
    record Identity(long handle, String name, String uuid) {
    }

    /** The identities of one init…shutdown span, grown when the device count changes. */
    static final class Identities {
        private volatile Identity[] known = new Identity[0];

        Identity get(int index) {
            Identity[] current = known;
            return index < current.length ? current[index] : null;
        }

        void put(int index, Identity identity, int count) {
            synchronized (this) {
                Identity[] current = known;
                Identity[] next = java.util.Arrays.copyOf(current, Math.max(count, current.length));
                next[index] = identity;
                known = next;
            }
        }

        /** The GPUs read so far in this span, by index. */
        List<DeviceHandle> all() {
            Identity[] current = known;
            List<DeviceHandle> handles = new ArrayList<>(current.length);
            for (int i = 0; i < current.length; i++) {
                if (current[i] != null) {
                    handles.add(new DeviceHandle(i, current[i].handle(), current[i].uuid()));
                }
            }
            return handles;
        }

        /** Forgets everything when the device count differs from what was seen. */
        void checkCount(int count) {
            if (known.length > count) {
                synchronized (this) {
                    known = new Identity[0];
                }
            }
        }
    }

    private record Memory(Long totalMiB, Long usedMiB, Long freeMiB) {
    }

    private record Encoder(Integer sessions, Integer averageFps, Integer averageLatencyUs, Integer utilization,
            EncoderCapacity capacity) {
    }

    DeviceReader(NvmlBinding binding) {
        this.binding = binding;
        this.faults = new FaultReader(binding);
        this.countSymbol = binding.symbol("nvmlDeviceGetCount");
        this.handleSymbol = binding.symbol("nvmlDeviceGetHandleByIndex");
        this.computeSymbol = binding.symbol("nvmlDeviceGetComputeRunningProcesses");
        this.graphicsSymbol = binding.symbol("nvmlDeviceGetGraphicsRunningProcesses");
    }

    /** How many devices NVML reports (including ones this process may not open). */
    int count(Scratch s) throws CallFailed {
        int rc = NvmlCore.nvmlDeviceGetCount(s.at(Scratch.OUT_A));
        if (rc != NvmlReturn.SUCCESS) {
            throw new CallFailed(countSymbol, rc);
        }
        return s.getInt(Scratch.OUT_A);
    }

    /**
     * Reads device {@code index}; {@code null} when this process may not open it (NVML's count
     * includes such devices, and nvidia-smi skips them too).
     */
    DeviceReading read(int index, Scratch s, Identities identities, int count, Instant now) throws CallFailed {
        Identity identity = identities.get(index);
        if (identity == null) {
            identity = identify(index, s);
            if (identity == null) {
                return null;
            }
            identities.put(index, identity, count);
        }
        long device = identity.handle();
        Memory memory = memory(s, device);
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
        Encoder encoder = encoder(s, device);
        List<GpuProcess> compute = ListReader.processes(s, device, computeSymbol,
                NvmlCore::nvmlDeviceGetComputeRunningProcesses, binding.processStride(false), GpuProcess.Kind.COMPUTE);
        List<GpuProcess> graphics = ListReader.processes(s, device, graphicsSymbol,
                NvmlCore::nvmlDeviceGetGraphicsRunningProcesses, binding.processStride(true), GpuProcess.Kind.GRAPHICS);
        List<GpuProcess> processes = new ArrayList<>(compute.size() + graphics.size());
        processes.addAll(compute);
        processes.addAll(graphics);

        FaultReader.State state = faults.read(device, s, now);
        return new DeviceReading(new GpuDevice(index, identity.uuid(), identity.name(), memory.totalMiB(),
                memory.usedMiB(), memory.freeMiB(), gpuUtil, memUtil, encoder.utilization(), temperature, powerWatts,
                encoder.sessions(), encoder.averageFps(), encoder.averageLatencyUs(), processes, state.faults(),
                encoder.capacity()),
                state.recoveryAction());
    }

    /** The handle, name and UUID of device {@code index}; {@code null} when it may not be opened. */
    private Identity identify(int index, Scratch s) throws CallFailed {
        int rc = NvmlCore.nvmlDeviceGetHandleByIndex(index, s.at(Scratch.HANDLE));
        if (rc == NvmlReturn.NO_PERMISSION) {
            return null;
        }
        if (rc != NvmlReturn.SUCCESS) {
            throw new CallFailed(handleSymbol, rc);
        }
        long device = s.getLong(Scratch.HANDLE);
        String name = text(s, "nvmlDeviceGetName",
                NvmlCore.nvmlDeviceGetName(device, s.at(Scratch.TEXT), Scratch.TEXT_LENGTH));
        String uuid = text(s, "nvmlDeviceGetUUID",
                NvmlCore.nvmlDeviceGetUUID(device, s.at(Scratch.TEXT), Scratch.TEXT_LENGTH));
        return new Identity(device, name, uuid);
    }

    private static String text(Scratch s, String function, int rc) throws CallFailed {
        return ok(function, rc) ? s.text(Scratch.TEXT, Scratch.TEXT_LENGTH) : "";
    }

    /** The v2 struct where the driver has it (it keeps reserved memory out of "used"), else v1. */
    private Memory memory(Scratch s, long device) throws CallFailed {
        if (binding.hasMemoryV2() && !memoryV2Rejected) {
            s.setInt(Scratch.MEMORY, MEMORY_V2_VERSION);
            int rc = NvmlMemoryV2.nvmlDeviceGetMemoryInfo_v2(device, s.at(Scratch.MEMORY));
            if (rc == NvmlReturn.ARGUMENT_VERSION_MISMATCH) {
                memoryV2Rejected = true;
            } else if (ok("nvmlDeviceGetMemoryInfo_v2", rc)) {
                // version @0, total @8, reserved @16, free @24, used @32
                return new Memory(mib(s.getLong(Scratch.MEMORY + 8)), mib(s.getLong(Scratch.MEMORY + 32)),
                        mib(s.getLong(Scratch.MEMORY + 24)));
            } else {
                return NO_MEMORY;
            }
        }
        if (ok("nvmlDeviceGetMemoryInfo", NvmlCore.nvmlDeviceGetMemoryInfo(device, s.at(Scratch.MEMORY)))) {
            // total @0, free @8, used @16
            return new Memory(mib(s.getLong(Scratch.MEMORY)), mib(s.getLong(Scratch.MEMORY + 16)),
                    mib(s.getLong(Scratch.MEMORY + 8)));
        }
        return NO_MEMORY;
    }

    private static long mib(long bytes) {
        return Long.divideUnsigned(bytes, MIB);
    }

    /**
     * Stats come from {@code nvmlDeviceGetEncoderStats}; where a device does not offer those,
     * from its session list, which carries the same figures per session.
     */
    private Encoder encoder(Scratch s, long device) throws CallFailed {
        if (!binding.hasEncoder()) {
            return new Encoder(null, null, null, null, null);
        }
        Integer sessions = null;
        Integer fps = null;
        Integer latency = null;
        if (ok("nvmlDeviceGetEncoderStats", NvmlEncoder.nvmlDeviceGetEncoderStats(device,
                s.at(Scratch.OUT_A), s.at(Scratch.OUT_B), s.at(Scratch.OUT_C)))) {
            sessions = s.getInt(Scratch.OUT_A);
            fps = s.getInt(Scratch.OUT_B);
            latency = s.getInt(Scratch.OUT_C);
        } else {
            ListReader.EncoderSummary summary = ListReader.encoderSessions(s, device);
            if (summary != null) {
                sessions = summary.sessions();
                fps = summary.averageFps();
                latency = summary.averageLatencyUs();
            }
        }
        Integer utilization = ok("nvmlDeviceGetEncoderUtilization", NvmlEncoder.nvmlDeviceGetEncoderUtilization(
                device, s.at(Scratch.OUT_A), s.at(Scratch.OUT_B))) ? s.getInt(Scratch.OUT_A) : null;
        return new Encoder(sessions, fps, latency, utilization, capacity(s, device));
    }

    /** H.264, HEVC and AV1 ({@code nvmlEncoderType_t} 0, 1, 2); {@code null} when none is reported. */
    private static EncoderCapacity capacity(Scratch s, long device) throws CallFailed {
        Integer[] percent = new Integer[3];
        boolean any = false;
        for (int type = 0; type < percent.length; type++) {
            int rc = NvmlEncoder.nvmlDeviceGetEncoderCapacity(device, type, s.at(Scratch.OUT_A));
            // An old driver rejects AV1 as an argument it does not know: that codec is absent.
            if (rc == NvmlReturn.INVALID_ARGUMENT) {
                continue;
            }
            if (ok("nvmlDeviceGetEncoderCapacity", rc)) {
                percent[type] = s.getInt(Scratch.OUT_A);
                any = true;
            }
        }
        return any ? new EncoderCapacity(percent[0], percent[1], percent[2]) : null;
    }
}
