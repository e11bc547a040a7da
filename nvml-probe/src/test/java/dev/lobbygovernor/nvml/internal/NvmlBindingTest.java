package dev.lobbygovernor.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.nvml.FakeNvml;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding's choices on a current driver, and the functions the probe does not map to a field. */
class NvmlBindingTest {

    @TempDir
    Path tmp;

    FakeNvml fake;
    NvmlSession session;
    NvmlBinding binding;

    @BeforeEach
    void initialise() throws Exception {
        fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1)
                .with("driver_version", "535.104.05").with("nvml_version", "12.535.104.05")
                .device(0, "encoder_capacity", "80,60,40")
                .device(0, "encoder_sessions", "7:4242:0:1:1920:1080:60:1100;9:4243:0:2:1280:720:30:900"));
        NvmlLibrarySource source = NvmlLibrarySource.of(fake.library());
        session = NvmlSession.acquire(source);
        session.sample(java.time.Instant.EPOCH);
        binding = NvmlBinding.bind(source);
    }

    @AfterEach
    void release() {
        session.release();
    }

    @Test
    void bindsTheNewestSymbolOfEachVersionedFunction() {
        assertThat(binding.symbol("nvmlInit")).isEqualTo("nvmlInit_v2");
        assertThat(binding.symbol("nvmlDeviceGetCount")).isEqualTo("nvmlDeviceGetCount_v2");
        assertThat(binding.symbol("nvmlDeviceGetHandleByIndex")).isEqualTo("nvmlDeviceGetHandleByIndex_v2");
        assertThat(binding.symbol("nvmlDeviceGetComputeRunningProcesses"))
                .isEqualTo("nvmlDeviceGetComputeRunningProcesses_v3");
        assertThat(binding.hasMemoryV2()).isTrue();
        assertThat(binding.hasEncoder()).isTrue();
    }

    @Test
    void readsV3ProcessRecordsWith24BytesWhereTheDetailListExists() {
        assertThat(binding.processStride(false)).isEqualTo(24);
        assertThat(binding.processStride(true)).isEqualTo(24);
    }

    @Test
    void readsDriverAndNvmlVersions() {
        assertThat(binding.driverVersion()).isEqualTo("535.104.05");
        assertThat(binding.nvmlVersion()).isEqualTo("12.535.104.05");
    }

    @Test
    void readsNvmlsOwnErrorString() {
        assertThat(binding.errorString(999)).isEqualTo("Unknown Error");
        assertThat(binding.errorString(15)).isEqualTo("GPU is lost");
    }

    @Test
    void readsEncoderCapacityPerCodec() {
        try (Scratch s = new Scratch()) {
            long device = handle(s);
            int[] capacity = new int[3];
            for (int codec = 0; codec < 3; codec++) {
                assertThat(NvmlEncoder.nvmlDeviceGetEncoderCapacity(device, codec, s.at(Scratch.OUT_A))).isZero();
                capacity[codec] = s.getInt(Scratch.OUT_A);
            }
            assertThat(capacity).containsExactly(80, 60, 40);
        }
    }

    @Test
    void summarisesEncoderSessionsLikeEncoderStats() throws Exception {
        try (Scratch s = new Scratch()) {
            ListReader.EncoderSummary summary = ListReader.encoderSessions(s, handle(s));

            assertThat(summary).isEqualTo(new ListReader.EncoderSummary(2, 45, 1000));
        }
    }

    private static long handle(Scratch s) {
        assertThat(NvmlCore.nvmlDeviceGetHandleByIndex(0, s.at(Scratch.HANDLE))).isZero();
        return s.getLong(Scratch.HANDLE);
    }
}
