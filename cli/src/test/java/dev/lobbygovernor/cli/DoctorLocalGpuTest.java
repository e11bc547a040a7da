package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.nvml.NvmlGpuProbe;
import dev.lobbygovernor.smi.NvidiaSmiGpuProbe;
import dev.lobbygovernor.smi.SmiProbeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Plain {@code doctor}: this machine's GPU through NVML, then nvidia-smi. */
class DoctorLocalGpuTest {

    /** The real probe types, pointed at files that do not exist: a machine without a GPU stack. */
    private static final Supplier<List<GpuProbe>> NO_GPU_LIBRARY = () -> List.of(
            NvmlGpuProbe.builder().libraryPath(Path.of("/nonexistent/libnvidia-ml.so.1")).build(),
            new NvidiaSmiGpuProbe(SmiProbeConfig.builder().executable("/nonexistent/nvidia-smi").build(),
                    Clock.systemUTC()));

    record Run(int code, String out) {
    }

    private static Run doctor(Supplier<List<GpuProbe>> probes, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = "doctor";
        System.arraycopy(options, 0, args, 1, options.length);
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(),
                Clock.systemUTC(), probes).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void saysClearlyThatNoGpuLibraryIsPresent() {
        Run run = doctor(NO_GPU_LIBRARY);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out())
                .contains("No GPU library is present on this machine")
                .contains("probe nvml failed (LIBRARY_MISSING)")
                .contains("probe nvidia-smi failed (LIBRARY_MISSING)")
                .contains("health: MONITORING_LOST (monitoring NOT working)");
    }

    @Test
    void reportsMissingLibraryAsMonitoringLostInJson() throws Exception {
        Run run = doctor(NO_GPU_LIBRARY, "--json");

        assertThat(run.code()).isEqualTo(2);
        JsonNode root = GpuJson.MAPPER.readTree(run.out());
        assertThat(root.get("gpus")).isEmpty();
        assertThat(root.at("/health/status").asText()).isEqualTo("MONITORING_LOST");
        assertThat(root.at("/health/monitoringWorking").asBoolean()).isFalse();
        assertThat(root.at("/health/reasons/0").asText()).contains("LIBRARY_MISSING");
    }

    /** On a machine with an NVIDIA GPU (the {@code gpu} tag is excluded by default). */
    @Test
    @Tag("gpu")
    void readsTheRealGpuOfThisMachine() throws Exception {
        Run run = doctor(LocalGpuProbes::create, "--json");

        JsonNode root = GpuJson.MAPPER.readTree(run.out());
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(root.get("source").asText()).isIn("nvml", "nvidia-smi");
        assertThat(root.get("gpus")).isNotEmpty();
        assertThat(root.at("/gpus/0/name").asText()).startsWith("NVIDIA");
        assertThat(root.at("/gpus/0/memoryTotalMiB").asLong()).isPositive();
        assertThat(root.at("/health/monitoringWorking").asBoolean()).isTrue();
    }
}
