package dev.lobbygovernor.nvml.internal;

import java.nio.ByteBuffer;
import dev.lobbygovernor.core.gpu.GpuProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * NVML's array calls ({@code count} in/out plus a record buffer): the process lists and the
 * encoder sessions. The first call offers a buffer that fits the usual short list, so one call
 * usually suffices; INSUFFICIENT_SIZE writes the needed count back, and since the list can grow
 * between calls the retry asks for headroom, a bounded number of times.
 */
final class ListReader {

    /** NVML's {@code NVML_VALUE_NOT_AVAILABLE}: all ones. */
    static final long VALUE_NOT_AVAILABLE = -1L;
    /** {@code nvmlEncoderSessionInfo_t}: eight unsigned ints. */
    static final int SESSION_STRIDE = 32;
    static final int MAX_ATTEMPTS = 4;
    /** More records than any GPU holds: a count above it is garbage, not a list. */
    static final int MAX_RECORDS = 1 << 16;

    private static final long MIB = 1024L * 1024L;

    /** One NVML array function. */
    @FunctionalInterface
    interface ArrayCall {
        int call(long device, long count, long records);
    }

    /** Encoder sessions summarised the way {@code nvmlDeviceGetEncoderStats} reports them. */
    record EncoderSummary(int sessions, int averageFps, int averageLatencyUs) {
    }

    private ListReader() {
    }

    /**
     * The processes of one kind; empty when the device does not report them.
     *
     * @throws CallFailed when the call fails for another reason
     */
    static List<GpuProcess> processes(Scratch scratch, long device, String function, ArrayCall call,
            int stride, GpuProcess.Kind kind) throws CallFailed {
        Records records = read(scratch, device, function, call, stride);
        if (records == null) {
            return List.of();
        }
        List<GpuProcess> processes = new ArrayList<>(records.count);
        for (int i = 0; i < records.count; i++) {
            int offset = i * stride;
            long pid = Integer.toUnsignedLong(records.memory.getInt(offset));
            // usedGpuMemory sits at offset 8 in every record version (v1, v2 and detail).
            long used = records.memory.getLong(offset + 8);
            Long usedMiB = used == VALUE_NOT_AVAILABLE ? null : Long.divideUnsigned(used, MIB);
            processes.add(new GpuProcess(pid, usedMiB, kind, ""));
        }
        return processes;
    }

    /**
     * The encoder sessions summed up as count, mean FPS and mean latency; {@code null} when the
     * device does not report them.
     */
    static EncoderSummary encoderSessions(Scratch scratch, long device) throws CallFailed {
        Records records = read(scratch, device, "nvmlDeviceGetEncoderSessions",
                NvmlEncoder::nvmlDeviceGetEncoderSessions, SESSION_STRIDE);
        if (records == null) {
            return null;
        }
        long fps = 0;
        long latency = 0;
        for (int i = 0; i < records.count; i++) {
            int offset = i * SESSION_STRIDE;
            fps += Integer.toUnsignedLong(records.memory.getInt(offset + 24));
            latency += Integer.toUnsignedLong(records.memory.getInt(offset + 28));
        }
        int n = records.count;
        return new EncoderSummary(n, n == 0 ? 0 : (int) (fps / n), n == 0 ? 0 : (int) (latency / n));
    }

    private record Records(ByteBuffer memory, int count) {
    }

    private static Records read(Scratch scratch, long device, String function, ArrayCall call, int stride)
            throws CallFailed {
        int capacity = Scratch.LIST_BYTES / stride;
        Scratch.Records buffer = scratch.listBuffer((long) capacity * stride);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            scratch.setInt(Scratch.OUT_A, capacity);
            int rc = call.call(device, scratch.at(Scratch.OUT_A), buffer.address());
            if (rc == NvmlReturn.SUCCESS) {
                return new Records(buffer.view(), Math.min(capacity, scratch.getInt(Scratch.OUT_A)));
            }
            if (rc != NvmlReturn.INSUFFICIENT_SIZE) {
                if (NvmlReturn.fieldUnavailable(rc)) {
                    return null;
                }
                throw new CallFailed(function, rc);
            }
            int needed = scratch.getInt(Scratch.OUT_A);
            if (needed < 0 || needed > MAX_RECORDS) {
                throw new CallFailed(function, rc);
            }
            capacity = needed + needed / 4 + 8;
            buffer = scratch.listBuffer((long) capacity * stride);
        }
        // Still growing after several tries: report the list as unreadable rather than loop.
        return null;
    }
}
