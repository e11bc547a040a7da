package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.nvml.FakeNvml.Control;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One NVML session per process: initialised once, shared, shut down by the last probe. */
class NvmlSessionTest {

    @TempDir
    Path tmp;

    @Test
    void probesShareOneNvmlInit() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        try (NvmlGpuProbe first = fake.probe(); NvmlGpuProbe second = fake.probe()) {
            first.sample();
            second.sample();
            first.sample();

            assertThat(fake.calls("nvmlInit_v2")).isEqualTo(1);
            assertThat(fake.refcount()).isEqualTo(1);
        }
    }

    @Test
    void buildingAProbeLoadsAndInitialisesNothing() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        try (NvmlGpuProbe probe = fake.probe()) {
            assertThat(fake.calls("nvmlInit_v2")).isZero();
            assertThat(probe.name()).isEqualTo("nvml");
        }
        assertThat(fake.calls("nvmlShutdown")).isZero();
    }

    @Test
    void theLastProbeToCloseShutsNvmlDown() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        NvmlGpuProbe first = fake.probe();
        NvmlGpuProbe second = fake.probe();
        first.sample();
        second.sample();

        first.close();
        assertThat(fake.calls("nvmlShutdown")).isZero();
        assertThat(second.sample().devices()).hasSize(1);

        second.close();
        assertThat(fake.calls("nvmlShutdown")).isEqualTo(1);
        assertThat(fake.refcount()).isZero();
    }

    @Test
    void closingTwiceReleasesOnce() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        try (NvmlGpuProbe keeper = fake.probe()) {
            NvmlGpuProbe other = fake.probe();
            keeper.sample();
            other.close();
            other.close();

            assertThat(keeper.sample().devices()).hasSize(1);
            assertThat(fake.calls("nvmlShutdown")).isZero();
        }
    }

    @Test
    void aClosedProbeRefusesToSample() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        NvmlGpuProbe probe = fake.probe();
        probe.close();

        assertThatThrownBy(probe::sample).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aNewProbeAfterTheLastClosedStartsAFreshSession() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        try (NvmlGpuProbe probe = fake.probe()) {
            probe.sample();
        }
        fake.write(Control.devices(2));
        try (NvmlGpuProbe probe = fake.probe()) {
            assertThat(probe.sample().devices()).hasSize(2);
        }
        assertThat(fake.calls("nvmlInit_v2")).isEqualTo(2);
        assertThat(fake.calls("nvmlShutdown")).isEqualTo(2);
    }

    @Test
    void aProbeForAnotherLibraryInTheSameJvmIsRefusedWithAReason() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        try (NvmlGpuProbe bound = fake.probe();
                NvmlGpuProbe other = NvmlGpuProbe.builder()
                        .libraryPath(FakeNvml.directory().resolve("libfake-nvml-legacy.so")).build()) {
            bound.sample();

            assertThatThrownBy(other::sample).isInstanceOf(NvmlProbeException.class)
                    .hasMessageContaining("already loaded").hasMessageContaining("one library per process");
        }
    }
}
