package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.lobbygovernor.core.gpu.EncoderCapacity;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.GpuProcess.Kind;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every value NVML gives comes out of the probe exactly, through a current driver's symbols. */
class NvmlRoundTripTest {

    static final long MIB = 1024 * 1024;
    /** 95 characters: the longest name NVML's 96-byte buffer holds. */
    static final String LONG_NAME = ("NVIDIA RTX 2000 Ada Generation Laptop GPU, a product name padded to NVML's limit "
            + "0123456789abcdefghij").substring(0, 95);

    @TempDir
    Path tmp;

    /** Two GPUs with every field set: 64-bit memory, a 95-character name, encoder stats, processes. */
    static Control twoBusyGpus() {
        return Control.devices(2)
                .device(0, "name", LONG_NAME)
                .device(0, "uuid", "GPU-5a8e4d8c-1b2f-3c4d-8e9f-0a1b2c3d4e5f")
                // total 81559 MiB + 777 B, free 75776 MiB + 5 B, used 4099 MiB (above 4 GiB), reserved 512 MiB
                .device(0, "memory", (81559 * MIB + 777) + "," + (75776 * MIB + 5) + "," + (4099 * MIB) + ","
                        + (512 * MIB))
                .device(0, "utilization", "87,41")
                .device(0, "temperature", 71)
                .device(0, "power_mw", 211437)
                .device(0, "encoder_stats", "6,59,14250")
                .device(0, "encoder_utilization", "33,1000000")
                .device(0, "encoder_capacity", "80,60,0")
                .device(0, "compute", "4242:" + (4096 * MIB) + ",4243:na")
                .device(0, "graphics", "5150:" + (1024 * MIB) + ",4242:" + (500 * MIB))
                .device(1, "name", "Tesla T4")
                .device(1, "uuid", "GPU-00000000-0000-0000-0000-000000000001")
                .device(1, "memory", (15360 * MIB) + "," + (15000 * MIB) + "," + (104 * MIB) + "," + (256 * MIB))
                .device(1, "utilization", "0,0")
                .device(1, "temperature", 30)
                .device(1, "power_mw", 9000)
                .device(1, "encoder_stats", "0,0,0")
                .device(1, "encoder_utilization", "0,1000000");
    }

    @Test
    void readsEveryFieldOfEveryGpuExactly() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, twoBusyGpus());
        try (NvmlGpuProbe probe = fake.probe()) {
            GpuSample sample = probe.sample();

            assertThat(sample.source()).isEqualTo("nvml");
            assertThat(sample.devices()).containsExactly(
                    new GpuDevice(0, "GPU-5a8e4d8c-1b2f-3c4d-8e9f-0a1b2c3d4e5f", LONG_NAME, 81559L, 4099L, 75776L,
                            87, 41, 33, 71, 211.437, 6, 59, 14250, List.of(
                                    new GpuProcess(4242, 4096L, Kind.COMPUTE, ""),
                                    new GpuProcess(4243, null, Kind.COMPUTE, ""),
                                    new GpuProcess(5150, 1024L, Kind.GRAPHICS, ""),
                                    new GpuProcess(4242, 500L, Kind.GRAPHICS, "")), List.of(),
                            new EncoderCapacity(80, 60, 0)),
                    new GpuDevice(1, "GPU-00000000-0000-0000-0000-000000000001", "Tesla T4", 15360L, 104L, 15000L,
                            0, 0, 0, 30, 9.0, 0, 0, 0, List.of(), List.of(), new EncoderCapacity(100, 100, 100)));
        }
    }

    @Test
    void usesTheNewestSymbolsACurrentDriverExports() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, twoBusyGpus());
        try (NvmlGpuProbe probe = fake.probe()) {
            probe.sample();
        }
        assertThat(fake.calls("nvmlInit_v2")).isEqualTo(1);
        assertThat(fake.calls("nvmlInit")).isZero();
        assertThat(fake.calls("nvmlDeviceGetCount_v2")).isEqualTo(1);
        assertThat(fake.calls("nvmlDeviceGetHandleByIndex_v2")).isEqualTo(2);
        assertThat(fake.calls("nvmlDeviceGetMemoryInfo_v2")).isEqualTo(2);
        assertThat(fake.calls("nvmlDeviceGetMemoryInfo")).isZero();
        assertThat(fake.calls("nvmlDeviceGetComputeRunningProcesses_v3")).isEqualTo(2);
        assertThat(fake.calls("nvmlDeviceGetGraphicsRunningProcesses_v3")).isEqualTo(2);
        assertThat(fake.calls("nvmlDeviceGetComputeRunningProcesses_v2")).isZero();
    }

    @Test
    void fallsBackToTheV1MemoryStructWhenTheDriverRejectsTheV2Version() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1)
                .device(0, "memory", (8192 * MIB) + "," + (6000 * MIB) + "," + (2000 * MIB) + "," + (192 * MIB))
                .with("return.nvmlDeviceGetMemoryInfo_v2", 25));
        try (NvmlGpuProbe probe = fake.probe()) {
            GpuDevice first = probe.sample().devices().get(0);
            probe.sample();

            // v1 counts reserved memory as used: 2000 + 192 MiB.
            assertThat(first.memoryTotalMiB()).isEqualTo(8192);
            assertThat(first.memoryUsedMiB()).isEqualTo(2192);
            assertThat(first.memoryFreeMiB()).isEqualTo(6000);
        }
        // Rejected once, not asked again.
        assertThat(fake.calls("nvmlDeviceGetMemoryInfo_v2")).isEqualTo(1);
        assertThat(fake.calls("nvmlDeviceGetMemoryInfo")).isEqualTo(2);
    }

    @Test
    void readsAProcessListLongerThanTheFirstBufferAfterInsufficientSize() throws Exception {
        String pids = IntStream.range(0, 150).mapToObj(i -> (10_000 + i) + ":" + (i * MIB))
                .collect(Collectors.joining(","));
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1).device(0, "compute", pids));
        try (NvmlGpuProbe probe = fake.probe()) {
            List<GpuProcess> processes = probe.sample().devices().get(0).processes();

            assertThat(processes).hasSize(150);
            assertThat(processes).allSatisfy(p -> assertThat(p.usedMemoryMiB()).isEqualTo(p.pid() - 10_000));
        }
        assertThat(fake.calls("nvmlDeviceGetComputeRunningProcesses_v3")).isEqualTo(2);
    }

    @Test
    void retriesUntilAProcessListThatGrowsBetweenCallsFits() throws Exception {
        String pids = IntStream.range(0, 90).mapToObj(i -> (10_000 + i) + ":" + MIB).collect(Collectors.joining(","));
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp,
                Control.devices(1).device(0, "compute", pids).device(0, "process_growth", 40));
        try (NvmlGpuProbe probe = fake.probe()) {
            List<GpuProcess> processes = probe.sample().devices().get(0).processes();

            // 90 did not fit the first buffer (85 records); 130 did not fit the second (120);
            // the third (170) held the list as it then stood.
            assertThat(processes).hasSize(170);
            assertThat(processes).extracting(GpuProcess::pid).doesNotHaveDuplicates();
        }
        assertThat(fake.calls("nvmlDeviceGetComputeRunningProcesses_v3")).isEqualTo(3);
    }

    @Test
    void anyMemorySizeAndNameRoundTripExactly() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        qt().withExamples(60).forAll(
                longs().between(0, Long.MAX_VALUE),
                longs().between(0, Long.MAX_VALUE),
                strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 95))
                .checkAssert((total, used, name) -> {
                    fake.write(Control.devices(1).device(0, "name", name)
                            .device(0, "memory", total + ",0," + used + ",0"));
                    try (NvmlGpuProbe probe = fake.probe()) {
                        GpuDevice device = probe.sample().devices().get(0);
                        assertThat(device.name()).isEqualTo(name);
                        assertThat(device.memoryTotalMiB()).isEqualTo(total / MIB);
                        assertThat(device.memoryUsedMiB()).isEqualTo(used / MIB);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void encoderCapacityIsReadPerCodecAndACodecTheGpuLacksIsNull() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(2)
                .device(0, "encoder_capacity", "75,50,25")
                .device(1, "return.nvmlDeviceGetEncoderCapacity", 3));
        try (NvmlGpuProbe probe = fake.probe()) {
            GpuSample sample = probe.sample();

            assertThat(sample.devices().get(0).encoderCapacity()).isEqualTo(new EncoderCapacity(75, 50, 25));
            assertThat(sample.devices().get(1).encoderCapacity()).isNull();
        }
    }
}
