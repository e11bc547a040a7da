package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code --query-compute-apps} and attaching processes to their GPUs. */
class SmiComputeAppsTest {

    private static final String HEADER = "gpu_uuid, pid, process_name, used_gpu_memory [MiB]";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void processNameContainingTheSeparatorIsKeptWhole() throws ProbeException {
        Map<String, List<GpuProcess>> apps = SmiCsvParser.parseComputeApps(
                HEADER + "\nGPU-a, 4680, C:\\Program Files\\Tools, Inc\\app.exe, 120 MiB\n", "t");
        assertThat(apps.get("GPU-a")).containsExactly(
                new GpuProcess(4680, 120L, GpuProcess.Kind.COMPUTE, "C:\\Program Files\\Tools, Inc\\app.exe"));
    }

    @Test
    void processesAttachToTheGpuWithTheirUuid() throws ProbeException {
        String gpus = SmiCsvParserTest.HEADER + "\n" + SmiCsvParserTest.ROW.replace("GPU-1b2c", "GPU-a") + "\n"
                + SmiCsvParserTest.ROW.replaceFirst("0, GPU-1b2c", "1, GPU-b") + "\n";
        GpuSample sample = SmiCsvParser.parse(gpus, "t", T);
        Map<String, List<GpuProcess>> apps = SmiCsvParser.parseComputeApps(
                HEADER + "\nGPU-b, 7, wolf, 300\nGPU-a, 8, ffmpeg, 200\n", "t");
        List<GpuDevice> devices = SmiCsvParser.withProcesses(sample, apps).devices();
        assertThat(devices.get(0).processes()).extracting(GpuProcess::pid).containsExactly(8L);
        assertThat(devices.get(1).processes()).extracting(GpuProcess::pid).containsExactly(7L);
    }

    @Test
    void processWithoutAPidIsSkipped() throws ProbeException {
        Map<String, List<GpuProcess>> apps = SmiCsvParser.parseComputeApps(
                HEADER + "\nGPU-a, [N/A], ghost, 1\nGPU-a, 9, real, 2\n", "t");
        assertThat(apps.get("GPU-a")).extracting(GpuProcess::pid).containsExactly(9L);
    }
}
