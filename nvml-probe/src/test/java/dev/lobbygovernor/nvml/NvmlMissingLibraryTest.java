package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No NVML on the machine is one clear LIBRARY_MISSING, not a stack of linker errors. */
class NvmlMissingLibraryTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingLibraryIsLibraryMissingWithAnActionableMessage() {
        Path absent = tmp.resolve("libnvidia-ml.so.1");
        try (NvmlGpuProbe probe = NvmlGpuProbe.builder().libraryPath(absent).build()) {
            NvmlProbeException e = catchThrowableOfType(NvmlProbeException.class, probe::sample);

            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
            assertThat(e.returnCode()).isEqualTo(12);
            assertThat(e.errorName()).isEqualTo("NVML_ERROR_LIBRARY_NOT_FOUND");
            assertThat(e.getMessage()).contains("NVML library not found", absent.toString(),
                    "Install the NVIDIA driver", "NVIDIA Container Toolkit");
            assertThat(e.getCause()).isNull();
        }
    }

    @Test
    void noUnsatisfiedLinkErrorReachesTheLogAndRepeatedSamplesLogOnce() {
        try (LogCapture logs = LogCapture.of(org.slf4j.Logger.ROOT_LOGGER_NAME);
                NvmlGpuProbe probe = NvmlGpuProbe.builder().libraryPath(tmp.resolve("libnvidia-ml.so.1")).build()) {
            for (int i = 0; i < 5; i++) {
                catchThrowableOfType(NvmlProbeException.class, probe::sample);
            }

            assertThat(logs.events()).extracting(ILoggingEvent::getThrowableProxy).containsOnlyNulls();
            assertThat(logs.renderedLines()).noneMatch(l -> l.contains("UnsatisfiedLinkError"));
            assertThat(logs.renderedLines()).singleElement().asString().contains("NVML library not found");
        }
    }

    @Test
    void aFileThatIsNoLibraryIsLibraryMissing() throws Exception {
        Path garbage = Files.writeString(tmp.resolve("libnvidia-ml.so.1"), "not an ELF file");
        try (NvmlGpuProbe probe = NvmlGpuProbe.builder().libraryPath(garbage).build()) {
            NvmlProbeException e = catchThrowableOfType(NvmlProbeException.class, probe::sample);

            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
        }
    }

    @Test
    void aLibraryWithoutNvmlFunctionsIsLibraryMissingNamingWhatLacks() throws Exception {
        Path notNvml = FakeNvml.directory().resolve("libnot-nvml.so");
        try (NvmlGpuProbe probe = NvmlGpuProbe.builder().libraryPath(notNvml).build()) {
            NvmlProbeException e = catchThrowableOfType(NvmlProbeException.class, probe::sample);

            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
            assertThat(e.getMessage()).contains("is not a usable NVML", "nvmlInit");
        }
    }
}
