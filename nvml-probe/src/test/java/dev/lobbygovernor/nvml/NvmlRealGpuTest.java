package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.nvml.internal.NvmlBinding;
import dev.lobbygovernor.nvml.internal.NvmlLibrarySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On a machine with a real NVIDIA GPU, the probe agrees with nvidia-smi. Tagged {@code gpu}
 * (excluded by default; run with {@code -Dsurefire.excludedGroups= -Dgroups=gpu}); skips itself
 * where the real library does not load or reports no GPU.
 */
@Tag("gpu")
class NvmlRealGpuTest {

    @Test
    void agreesWithNvidiaSmiOnNameUuidTotalMemoryAndProcessCount() throws Exception {
        GpuSample sample;
        try (NvmlGpuProbe probe = NvmlGpuProbe.create()) {
            try {
                sample = probe.sample();
            } catch (NvmlProbeException e) {
                assumeTrue(false, "no usable NVML on this machine: " + e.getMessage());
                return;
            }
            assumeFalse(NvmlBinding.bind(NvmlLibrarySource.DEFAULT).libraryFile().contains("fake-nvml"),
                    "the fake NVML is on the loader path");
            assumeFalse(sample.devices().isEmpty(), "NVML reports no GPU");

            List<String> gpus = nvidiaSmi("--query-gpu=index,name,uuid,memory.total", "--format=csv,noheader,nounits");
            Map<String, Long> computeApps = nvidiaSmi("--query-compute-apps=gpu_uuid,pid", "--format=csv,noheader")
                    .stream().filter(l -> !l.isBlank()).map(l -> l.split(", ")[0].strip())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

            Map<Integer, GpuDevice> byIndex = sample.devices().stream()
                    .collect(Collectors.toMap(GpuDevice::index, Function.identity()));
            assertThat(byIndex).hasSameSizeAs(gpus);
            for (String line : gpus) {
                String[] f = line.split(", ");
                GpuDevice device = byIndex.get(Integer.parseInt(f[0].strip()));
                assertThat(device).as("GPU %s", f[0]).isNotNull();
                assertThat(device.name()).isEqualTo(f[1].strip());
                assertThat(device.uuid()).isEqualTo(f[2].strip());
                assertThat(device.memoryTotalMiB()).isEqualTo(Long.parseLong(f[3].strip()));
                assertThat(device.processes().stream().filter(p -> p.kind() == GpuProcess.Kind.COMPUTE).count())
                        .as("compute processes on GPU %s", f[0])
                        .isEqualTo(computeApps.getOrDefault(device.uuid(), 0L));
            }
        }
    }

    private static List<String> nvidiaSmi(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("nvidia-smi"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "nvidia-smi is not installed: " + e.getMessage());
            throw e;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("nvidia-smi said: %s", out).isZero();
        return out.lines().toList();
    }
}
