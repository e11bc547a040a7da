package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.EncoderCapacity;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.GpuProcess.Kind;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import dev.lobbygovernor.nvml.internal.NvmlBinding;
import dev.lobbygovernor.nvml.internal.NvmlLibrarySource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An old driver without any {@code _v2}/{@code _v3} symbol is read just as exactly. */
class NvmlLegacyDriverTest {

    static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void readsEveryFieldThroughThePlainSymbols() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.LEGACY, tmp, Control.devices(1)
                .device(0, "name", "Tesla P100-PCIE-16GB")
                .device(0, "uuid", "GPU-0c8f4d3e-aaaa-bbbb-cccc-000000000042")
                // total 16280 MiB + 3 B, free 10000 MiB, used 5000 MiB, reserved 280 MiB
                .device(0, "memory", (16280 * MIB + 3) + "," + (10000 * MIB) + "," + (5000 * MIB) + ","
                        + (280 * MIB))
                .device(0, "utilization", "12,3")
                .device(0, "temperature", 48)
                .device(0, "power_mw", 33001)
                .device(0, "encoder_stats", "2,30,900")
                .device(0, "encoder_utilization", "7,1000000")
                .device(0, "compute", "77:" + (6 * 1024 * MIB) + ",78:na")
                .device(0, "graphics", "79:" + (12 * MIB)));
        try (NvmlGpuProbe probe = fake.probe()) {
            GpuDevice device = probe.sample().devices().get(0);

            // v1 memory counts the reserved memory as used: 5000 + 280 MiB.
            assertThat(device).isEqualTo(new GpuDevice(0, "GPU-0c8f4d3e-aaaa-bbbb-cccc-000000000042",
                    "Tesla P100-PCIE-16GB", 16280L, 5280L, 10000L, 12, 3, 7, 48, 33.001, 2, 30, 900, List.of(
                            new GpuProcess(77, 6144L, Kind.COMPUTE, ""),
                            new GpuProcess(78, null, Kind.COMPUTE, ""),
                            new GpuProcess(79, 12L, Kind.GRAPHICS, "")), List.of(),
                    new EncoderCapacity(100, 100, 100)));
        }
        assertThat(fake.calls("nvmlInit")).isEqualTo(1);
        assertThat(fake.calls("nvmlDeviceGetCount")).isEqualTo(1);
        assertThat(fake.calls("nvmlDeviceGetHandleByIndex")).isEqualTo(1);
        assertThat(fake.calls("nvmlDeviceGetMemoryInfo")).isEqualTo(1);
        assertThat(fake.calls("nvmlDeviceGetComputeRunningProcesses")).isEqualTo(1);
        assertThat(fake.calls("nvmlDeviceGetGraphicsRunningProcesses")).isEqualTo(1);
        NvmlBinding binding = NvmlBinding.bind(NvmlLibrarySource.of(fake.library()));
        assertThat(binding.hasMemoryV2()).isFalse();
        assertThat(binding.processStride(false)).isEqualTo(16);
    }
}
