package dev.lobbygovernor.smi;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.smi.internal.SmiTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the CSV that {@code nvidia-smi --query-gpu=… --format=csv} prints (with its header
 * line) into a {@link GpuSample}, or says why it cannot with a typed {@link ProbeException}.
 * Pure and thread-safe; usable on saved files.
 *
 * <p>Columns are found by header name, so their order does not matter and extra columns are
 * ignored. Units may sit in the header ({@code memory.total [MiB]}) and in the values
 * ({@code 8192 MiB}); LF and CRLF line endings are both read. {@code [N/A]},
 * {@code [Not Supported]}, {@code [Insufficient Permissions]} and
 * {@code [Requested functionality has been deprecated]} become {@code null}.
 * {@code [Unknown Error]} (or an unknown bracketed token) in an optional field becomes
 * {@code null} and an {@link SmiFieldError}; in a required field ({@link #REQUIRED_GPU_FIELDS})
 * it fails the whole sample. A text with no CSV but a known nvidia-smi failure message (such as
 * {@code Failed to initialize NVML: Unknown Error}) fails with that message's cause.
 * Parsing time is linear in the input.
 */
public final class SmiCsvParser {

    /** The fields the probe asks {@code --query-gpu} for. */
    public static final List<String> GPU_FIELDS = List.of(
            "index", "uuid", "name", "memory.total", "memory.used", "memory.free",
            "utilization.gpu", "utilization.memory", "utilization.encoder", "temperature.gpu", "power.draw",
            "encoder.stats.sessionCount", "encoder.stats.averageFps", "encoder.stats.averageLatency");

    /**
     * The fields without which a reading is useless: a CSV lacking one of these columns, or
     * holding an error token in one, is a failure.
     */
    public static final List<String> REQUIRED_GPU_FIELDS = List.of("name", "memory.total", "memory.used");

    /** The fields the probe asks {@code --query-compute-apps} for. */
    public static final List<String> PROCESS_FIELDS = List.of("gpu_uuid", "pid", "process_name", "used_gpu_memory");

    private static final List<String> REQUIRED_PROCESS_FIELDS = List.of("pid");

    /** Process names (Windows paths) may contain ", ", the column separator. */
    private static final String FREE_TEXT_PROCESS_COLUMN = "process_name";

    private SmiCsvParser() {
    }

    /**
     * Parses a {@code --query-gpu} CSV into a sample.
     *
     * @param text the CSV, header first
     * @param source the name to report as the sample's source and in errors (a probe name or a file)
     * @param takenAt when the output was produced
     * @return the devices, in index order (none if nvidia-smi saw no GPU)
     * @throws ProbeException {@code MALFORMED_OUTPUT} for empty, garbled or truncated text, quoting the
     *     offending line; the cause of a recognised nvidia-smi failure message; or the failure of a
     *     required field
     */
    public static GpuSample parse(String text, String source, Instant takenAt) throws ProbeException {
        return read(text, source, takenAt).sample();
    }

    /**
     * Like {@link #parse}, and also returns the optional fields nvidia-smi failed to read.
     *
     * @param text the CSV, header first
     * @param source the name to report as the sample's source and in errors
     * @param takenAt when the output was produced
     * @return the sample and the optional fields that held an error token
     * @throws ProbeException as {@link #parse} does
     */
    public static SmiReading read(String text, String source, Instant takenAt) throws ProbeException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(takenAt, "takenAt");
        List<SmiFieldError> errors = new ArrayList<>();
        List<GpuDevice> devices = new ArrayList<>();
        if (!SmiFailureClassifier.saysNoDevices(text)) {
            SmiTable table = SmiTable.parse(text, source, REQUIRED_GPU_FIELDS, null);
            for (SmiTable.Row row : table.rows()) {
                devices.add(device(table, row, devices.size(), errors));
            }
        }
        devices.sort(Comparator.comparingInt(GpuDevice::index));
        return new SmiReading(new GpuSample(source, takenAt, Duration.ZERO, devices), errors);
    }

    /**
     * Parses a {@code --query-compute-apps} CSV (header first) into processes keyed by the UUID
     * of the GPU they run on ({@code ""} when the CSV has no {@code gpu_uuid} column).
     *
     * @param text the CSV
     * @param source the name to report in errors
     * @return the processes by GPU UUID, in the order printed
     * @throws ProbeException as {@link #parse} does
     */
    public static Map<String, List<GpuProcess>> parseComputeApps(String text, String source) throws ProbeException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Map<String, List<GpuProcess>> byGpu = new LinkedHashMap<>();
        if (SmiFailureClassifier.saysNoDevices(text)) {
            return Map.of();
        }
        SmiTable table = SmiTable.parse(text, source, REQUIRED_PROCESS_FIELDS, FREE_TEXT_PROCESS_COLUMN);
        List<SmiFieldError> ignored = new ArrayList<>();
        for (SmiTable.Row row : table.rows()) {
            String uuid = table.text(row, "gpu_uuid", false, -1, ignored);
            Long pid = table.whole(row, "pid", Long.MAX_VALUE, true, -1, ignored);
            if (pid == null) {
                continue; // "[N/A]" instead of a pid: nothing to attribute
            }
            Long memory = table.whole(row, "used_gpu_memory", Long.MAX_VALUE, false, -1, ignored);
            String name = table.text(row, FREE_TEXT_PROCESS_COLUMN, false, -1, ignored);
            byGpu.computeIfAbsent(uuid, u -> new ArrayList<>())
                    .add(new GpuProcess(pid, memory, GpuProcess.Kind.COMPUTE, name));
        }
        byGpu.replaceAll((uuid, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(byGpu);
    }

    /**
     * The sample with each device's processes set from {@code byGpuUuid}. Processes are matched
     * by GPU UUID; on a single-GPU sample every process belongs to that GPU whatever its UUID
     * says (captures often mask UUIDs).
     *
     * @param sample the sample whose devices get processes
     * @param byGpuUuid processes by the UUID of their GPU, as {@link #parseComputeApps} returns them
     * @return a copy of the sample with each device's processes replaced
     */
    public static GpuSample withProcesses(GpuSample sample, Map<String, List<GpuProcess>> byGpuUuid) {
        List<GpuDevice> devices = new ArrayList<>();
        for (GpuDevice d : sample.devices()) {
            List<GpuProcess> processes = sample.devices().size() == 1
                    ? byGpuUuid.values().stream().flatMap(List::stream).toList()
                    : byGpuUuid.getOrDefault(d.uuid(), List.of());
            devices.add(new GpuDevice(d.index(), d.uuid(), d.name(), d.memoryTotalMiB(), d.memoryUsedMiB(),
                    d.memoryFreeMiB(), d.gpuUtilizationPercent(), d.memoryUtilizationPercent(),
                    d.encoderUtilizationPercent(), d.temperatureC(), d.powerWatts(), d.encoderSessions(),
                    d.encoderAverageFps(), d.encoderAverageLatencyUs(), processes));
        }
        return new GpuSample(sample.source(), sample.takenAt(), sample.took(), devices, sample.skippedFailures());
    }

    private static GpuDevice device(SmiTable t, SmiTable.Row row, int ordinal, List<SmiFieldError> errors)
            throws ProbeException {
        Integer readIndex = t.integer(row, "index", false, ordinal, errors);
        int gpu = readIndex == null ? ordinal : readIndex;
        return new GpuDevice(
                gpu,
                t.text(row, "uuid", false, gpu, errors),
                t.text(row, "name", true, gpu, errors),
                t.whole(row, "memory.total", Long.MAX_VALUE, true, gpu, errors),
                t.whole(row, "memory.used", Long.MAX_VALUE, true, gpu, errors),
                t.whole(row, "memory.free", Long.MAX_VALUE, false, gpu, errors),
                t.integer(row, "utilization.gpu", false, gpu, errors),
                t.integer(row, "utilization.memory", false, gpu, errors),
                t.integer(row, "utilization.encoder", false, gpu, errors),
                t.integer(row, "temperature.gpu", false, gpu, errors),
                t.decimal(row, "power.draw", false, gpu, errors),
                t.integer(row, "encoder.stats.sessionCount", false, gpu, errors),
                t.integer(row, "encoder.stats.averageFps", false, gpu, errors),
                t.integer(row, "encoder.stats.averageLatency", false, gpu, errors),
                List.of());
    }
}
