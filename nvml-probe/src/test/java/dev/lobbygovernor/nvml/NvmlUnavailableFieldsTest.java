package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a GPU does not offer is absent from the sample, never a failure and never a zero. */
class NvmlUnavailableFieldsTest {

    static final int NOT_SUPPORTED = 3;
    static final int NO_PERMISSION = 4;
    static final int GPU_IS_LOST = 15;

    @TempDir
    Path tmp;

    @Test
    void utilisationNotSupportedUnderMigBecomesNullWhileTheRestIsRead() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1)
                .device(0, "return.nvmlDeviceGetUtilizationRates", NOT_SUPPORTED)
                .device(0, "return.nvmlDeviceGetEncoderUtilization", NOT_SUPPORTED)
                .device(0, "temperature", 55));
        try (NvmlGpuProbe probe = fake.probe()) {
            GpuDevice device = probe.sample().devices().get(0);

            assertThat(device.gpuUtilizationPercent()).isNull();
            assertThat(device.memoryUtilizationPercent()).isNull();
            assertThat(device.encoderUtilizationPercent()).isNull();
            assertThat(device.temperatureC()).isEqualTo(55);
            assertThat(device.name()).isEqualTo("Fake GPU 0");
        }
    }

    @Test
    void everyOptionalFieldNotSupportedLeavesOnlyIdentityAndMemory() throws Exception {
        Control control = Control.devices(1);
        for (String function : new String[] {"nvmlDeviceGetUtilizationRates", "nvmlDeviceGetTemperature",
            "nvmlDeviceGetPowerUsage", "nvmlDeviceGetEncoderStats", "nvmlDeviceGetEncoderSessions",
            "nvmlDeviceGetEncoderUtilization", "nvmlDeviceGetEncoderCapacity", "nvmlDeviceGetComputeRunningProcesses_v3",
            "nvmlDeviceGetGraphicsRunningProcesses_v3"}) {
            control.with("return." + function, NOT_SUPPORTED);
        }
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, control);
        try (NvmlGpuProbe probe = fake.probe()) {
            GpuDevice device = probe.sample().devices().get(0);

            assertThat(device).isEqualTo(new GpuDevice(0, "GPU-fa4e0000-0000-0000-0000-000000000000", "Fake GPU 0",
                    16384L, 1024L, 15104L, null, null, null, null, null, null, null, null, java.util.List.of()));
        }
    }

    @Test
    void encoderFiguresComeFromTheSessionListWhereStatsAreNotSupported() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1)
                .device(0, "return.nvmlDeviceGetEncoderStats", NOT_SUPPORTED)
                .device(0, "encoder_sessions", "1:4242:0:0:1920:1080:60:1000;2:4243:0:1:3840:2160:30:3000"));
        try (NvmlGpuProbe probe = fake.probe()) {
            GpuDevice device = probe.sample().devices().get(0);

            assertThat(device.encoderSessions()).isEqualTo(2);
            assertThat(device.encoderAverageFps()).isEqualTo(45);
            assertThat(device.encoderAverageLatencyUs()).isEqualTo(2000);
        }
    }

    @Test
    void skipsAGpuThisProcessMayNotOpenAsNvidiaSmiDoes() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(3)
                .device(1, "return.nvmlDeviceGetHandleByIndex_v2", NO_PERMISSION));
        try (NvmlGpuProbe probe = fake.probe()) {
            assertThat(probe.sample().devices()).extracting(GpuDevice::index).containsExactly(0, 2);
        }
    }

    @Test
    void reportsAGpuThatFailsBesideHealthyOnesWithOnlyItsIndex() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(2)
                .device(1, "return.nvmlDeviceGetMemoryInfo_v2", GPU_IS_LOST));
        try (NvmlGpuProbe probe = fake.probe()) {
            GpuSample sample = probe.sample();

            assertThat(sample.devices().get(0).name()).isEqualTo("Fake GPU 0");
            assertThat(sample.devices().get(1)).isEqualTo(new GpuDevice(1, "", "", null, null, null, null, null,
                    null, null, null, null, null, null, java.util.List.of()));
        }
    }

    @Test
    void aLostGpuBesideHealthyOnesMakesTheNextSampleReinitialise() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(2)
                .device(1, "return.nvmlDeviceGetMemoryInfo_v2", GPU_IS_LOST));
        try (NvmlGpuProbe probe = fake.probe()) {
            probe.sample();
            fake.write(Control.devices(2));
            GpuSample recovered = probe.sample();

            assertThat(recovered.devices().get(1).name()).isEqualTo("Fake GPU 1");
            assertThat(fake.calls("nvmlInit_v2")).isEqualTo(2);
            assertThat(fake.calls("nvmlShutdown")).isEqualTo(1);
        }
    }
}
