package dev.lobbygovernor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loaded kernel module's version against the library's. */
class DriverVersionCheckTest {

    @TempDir
    Path root;

    @Test
    void sameVersionsMatch() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root), Check.DRIVER_VERSION);

        assertThat(f.status()).isEqualTo(FindingStatus.OK);
        assertThat(f.code()).isEqualTo(FindingCode.VERSIONS_MATCH);
        assertThat(f.evidence()).contains("kernel module: 550.54.15 (/proc/driver/nvidia/version)");
    }

    @Test
    void aDriverUpdateWithoutRebootIsAMismatchWithARebootAction() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).driver("535.104.05");

        Finding f = Findings.of(system, Check.DRIVER_VERSION);

        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.code()).isEqualTo(FindingCode.VERSION_MISMATCH);
        assertThat(f.summary()).startsWith("Driver/library version mismatch").contains("535.104.05", "550.54.15");
        assertThat(f.action()).startsWith("Reboot the host after the driver update");
    }

    @Test
    void readsTheOpenKernelModulesLine() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).file("/proc/driver/nvidia/version",
                "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  550.54.15  Release Build"
                        + "  (dvs-builder@U16-I3-B03-4-3)  Tue Mar  5 22:23:56 UTC 2024\n");

        assertThat(Findings.of(system, Check.DRIVER_VERSION).code()).isEqualTo(FindingCode.VERSIONS_MATCH);
    }

    @Test
    void noVersionFileMeansTheModuleIsNotLoaded() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root).remove("/proc/driver/nvidia/version"),
                Check.DRIVER_VERSION);

        assertThat(f.code()).isEqualTo(FindingCode.DRIVER_NOT_LOADED);
        assertThat(f.action()).contains("modprobe nvidia");
    }

    @Test
    void unknownLibraryVersionCannotBeCompared() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .remove("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1");

        Finding f = Findings.of(system, Check.DRIVER_VERSION);

        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(f.code()).isEqualTo(FindingCode.VERSION_UNKNOWN);
    }

    @Test
    void garbageVersionFileIsUnreadable() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .file("/proc/driver/nvidia/version", "\u0000\u0007NVRM version: NVIDIA x86_64 garbage\n");

        Finding f = Findings.of(system, Check.DRIVER_VERSION);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.summary()).contains("no 'NVRM version:' line with a version");
    }

    @Test
    void anOversizedVersionFileIsUnreadableNotReadWhole() {
        byte[] big = new byte[8 * 1024 * 1024];
        Arrays.fill(big, (byte) '9');

        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root).bytes("/proc/driver/nvidia/version", big),
                Check.DRIVER_VERSION);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.summary()).contains("is larger than");
    }

    @Test
    void aDirectoryInPlaceOfTheVersionFileIsUnreadable() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .remove("/proc/driver/nvidia/version").dir("/proc/driver/nvidia/version");

        assertThat(Findings.of(system, Check.DRIVER_VERSION).code()).isEqualTo(FindingCode.UNREADABLE);
    }
}
