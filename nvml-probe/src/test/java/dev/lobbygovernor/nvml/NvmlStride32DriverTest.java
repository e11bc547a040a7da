package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.GpuProcess.Kind;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import dev.lobbygovernor.nvml.internal.NvmlBinding;
import dev.lobbygovernor.nvml.internal.NvmlLibrarySource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drivers 535.43–535.86 wrote 32-byte records from {@code _v3} process calls; read with the
 * documented 24-byte stride every record after the first would be garbage.
 */
class NvmlStride32DriverTest {

    static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void readsProcessesWrittenWithTheThirtyTwoByteStride() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.STRIDE32, tmp, Control.devices(1)
                .device(0, "compute", "1001:" + (100 * MIB) + ",1002:" + (5000 * MIB) + ",1003:na")
                .device(0, "graphics", "2001:" + (7 * MIB) + ",2002:" + (8 * MIB)));
        try (NvmlGpuProbe probe = fake.probe()) {
            List<GpuProcess> processes = probe.sample().devices().get(0).processes();

            assertThat(processes).containsExactly(
                    new GpuProcess(1001, 100L, Kind.COMPUTE, ""),
                    new GpuProcess(1002, 5000L, Kind.COMPUTE, ""),
                    new GpuProcess(1003, null, Kind.COMPUTE, ""),
                    new GpuProcess(2001, 7L, Kind.GRAPHICS, ""),
                    new GpuProcess(2002, 8L, Kind.GRAPHICS, ""));
        }
        assertThat(fake.calls("nvmlDeviceGetComputeRunningProcesses_v3")).isEqualTo(1);
        NvmlBinding binding = NvmlBinding.bind(NvmlLibrarySource.of(fake.library()));
        assertThat(binding.processStride(false)).isEqualTo(32);
        assertThat(binding.processStride(true)).isEqualTo(32);
    }
}
