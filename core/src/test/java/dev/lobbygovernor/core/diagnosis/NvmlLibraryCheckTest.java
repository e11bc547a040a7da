package dev.lobbygovernor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the NVML library is found, in the dynamic loader's order, and its version. */
class NvmlLibraryCheckTest {

    @TempDir
    Path root;

    @Test
    void findsTheLibraryInAStandardDirectoryWithItsVersion() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root), Check.NVML_LIBRARY);

        assertThat(f.status()).isEqualTo(FindingStatus.OK);
        assertThat(f.code()).isEqualTo(FindingCode.LIBRARY_FOUND);
        assertThat(f.summary()).isEqualTo("libnvidia-ml.so.1 is in /usr/lib/x86_64-linux-gnu (through a standard"
                + " directory), version 550.54.15.");
    }

    @Test
    void libraryPathComesFirst() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).library("/opt/nvidia/lib", "535.104.05")
                .env("LD_LIBRARY_PATH", "relative/ignored:/opt/nvidia/lib");

        Finding f = Findings.of(system, Check.NVML_LIBRARY);

        assertThat(f.summary()).contains("/opt/nvidia/lib (through LD_LIBRARY_PATH), version 535.104.05");
    }

    @Test
    void findsTheLibraryThroughTheLoaderCache() {
        ByteArrayOutputStream cache = new ByteArrayOutputStream();
        cache.writeBytes("glibc-ld.so.cache1.1\u0000\u0003\u0000\u0000\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1));
        cache.writeBytes("libnvidia-ml.so.1\u0000/srv/driver/lib/libnvidia-ml.so.1\u0000libc.so.6\u0000/lib/libc.so.6\u0000"
                .getBytes(StandardCharsets.ISO_8859_1));
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).library("/srv/driver/lib", "550.54.15")
                .bytes("/etc/ld.so.cache", cache.toByteArray());

        Finding f = Findings.of(system, Check.NVML_LIBRARY);

        assertThat(f.code()).isEqualTo(FindingCode.LIBRARY_FOUND);
        assertThat(f.summary()).contains("/srv/driver/lib (through /etc/ld.so.cache), version 550.54.15");
    }

    @Test
    void missingLibrarySaysWhereItLooked() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root)
                .remove("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1"), Check.NVML_LIBRARY);

        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.code()).isEqualTo(FindingCode.LIBRARY_MISSING);
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).startsWith("searched: ").contains("/usr/lib64"));
        // the versioned file is still there: the link ldconfig makes is what is missing
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("libnvidia-ml.so.550.54.15 is there")
                .contains("run ldconfig"));
        assertThat(f.action()).contains("NVIDIA Container Toolkit");
    }

    @Test
    void libraryWithoutAVersionedFileHasAnUnknownVersion() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).file("/usr/lib64/libnvidia-ml.so.1", "\u007fELF");

        Finding f = Findings.of(system, Check.NVML_LIBRARY);

        assertThat(f.code()).isEqualTo(FindingCode.LIBRARY_FOUND);
        assertThat(f.summary()).endsWith("version unknown.");
    }
}
