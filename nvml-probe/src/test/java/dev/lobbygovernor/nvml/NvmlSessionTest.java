package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import dev.lobbygovernor.nvml.internal.NvmlError;
import dev.lobbygovernor.nvml.internal.NvmlLibrarySource;
import dev.lobbygovernor.nvml.internal.NvmlSession;
import dev.lobbygovernor.testing.LogCapture;
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
    void aClosedProbeFailsItsSampleWithAProbeExceptionSayingSo() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        NvmlGpuProbe probe = fake.probe();
        probe.close();

        ProbeException e = catchThrowableOfType(probe::sample, ProbeException.class);
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(e.getMessage()).contains("probe closed");
        assertThat(e.probeName()).isEqualTo("nvml");
        assertThat(fake.calls("nvmlInit_v2")).as("a closed probe calls nothing").isZero();
    }

    @Test
    void aSampleThatRacesTheLastCloseFailsTypedAndLogsNothing() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1));
        // The probe's own closed check passed, then another thread released the last share.
        NvmlSession session = NvmlSession.acquire(NvmlLibrarySource.of(fake.library()));
        session.release();

        try (LogCapture logs = LogCapture.library()) {
            NvmlError e = catchThrowableOfType(() -> session.sample(java.time.Instant.EPOCH), NvmlError.class);
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
            assertThat(e.getMessage()).contains("probe closed");
            assertThat(logs.events()).isEmpty();
        }
        assertThat(fake.calls("nvmlInit_v2")).isZero();
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
