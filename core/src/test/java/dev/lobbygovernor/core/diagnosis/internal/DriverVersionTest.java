package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel module's version line, and the driver-version finding's wording. */
class DriverVersionTest {

    private static final LibrarySearch FOUND = new LibrarySearch(Optional.of("/usr/lib64"), "a standard directory",
            Optional.of("550.54.15"), List.of());

    @TempDir
    Path root;

    @Test
    void theVersionIsTheDottedNumberStandingAloneAfterTheMarker() {
        assertThat(DriverVersion.kernelVersion("NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue"))
                .contains("550.54.15");
        assertThat(DriverVersion.kernelVersion("GCC version: 12.3.0\nNVRM version: NVIDIA 535.104.05 built 1.2.3.4.5"))
                .contains("535.104.05");
        assertThat(DriverVersion.kernelVersion("NVRM version: NVIDIA aarch64 Module 1.2.3.4")).contains("1.2.3.4");
        assertThat(DriverVersion.kernelVersion("12.0 NVRM version: none here")).isEmpty();
        assertThat(DriverVersion.kernelVersion("NVRM version: v550.54 x550.1 550.54.15.1.2")).isEmpty();
        assertThat(DriverVersion.kernelVersion("GCC version: 12.3.0\n")).isEmpty();
    }

    @Test
    void onlyTheFirstMarkedLineCounts() {
        assertThat(DriverVersion.kernelVersion("NVRM version: unknown\nNVRM version: 550.54.15\n")).isEmpty();
    }

    @Test
    void matchingVersionsNameBoth() {
        Finding f = DriverVersion.check(new FakeNvidiaSystem(root).driver("550.54.15").view(), FOUND);

        assertThat(f.code()).isEqualTo(FindingCode.VERSIONS_MATCH);
        assertThat(f.summary()).isEqualTo("The kernel module and the library are both 550.54.15.");
        assertThat(f.evidence()).containsExactly("kernel module: 550.54.15 (/proc/driver/nvidia/version)",
                "library: 550.54.15 (/usr/lib64/libnvidia-ml.so.1)");
        assertThat(f.action()).isEmpty();
    }

    @Test
    void aMismatchNamesTheModuleThenTheLibrary() {
        Finding f = DriverVersion.check(new FakeNvidiaSystem(root).driver("535.104.05").view(), FOUND);

        assertThat(f.summary()).isEqualTo("Driver/library version mismatch: the loaded kernel module is 535.104.05,"
                + " the library 550.54.15; NVML refuses to start until they match.");
    }

    @Test
    void aFoundLibraryOfUnknownVersionIsSaidApartFromAMissingOne() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).driver("550.54.15");
        LibrarySearch unknown = new LibrarySearch(Optional.of("/usr/lib64"), "a standard directory",
                Optional.empty(), List.of());
        LibrarySearch missing = new LibrarySearch(Optional.empty(), "", Optional.empty(), List.of());

        Finding fUnknown = DriverVersion.check(system.view(), unknown);
        Finding fMissing = DriverVersion.check(system.view(), missing);

        assertThat(fUnknown.code()).isEqualTo(FindingCode.VERSION_UNKNOWN);
        assertThat(fUnknown.summary()).isEqualTo("The kernel module is 550.54.15; the library's version is not known,"
                + " so the two cannot be compared.");
        assertThat(fUnknown.evidence()).containsExactly("kernel module: 550.54.15 (/proc/driver/nvidia/version)",
                "library: version unknown");
        assertThat(fMissing.evidence()).last().isEqualTo("library: not found");
    }

    @Test
    void aFileWithoutTheLineQuotesItsFirstLine() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root)
                .file("/proc/driver/nvidia/version", "something else\nsecond line\n");

        Finding f = DriverVersion.check(system.view(), FOUND);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.summary()).isEqualTo("The driver version could not be read: /proc/driver/nvidia/version has no"
                + " 'NVRM version:' line with a version (it begins 'something else').");
        assertThat(f.evidence()).containsExactly("/proc/driver/nvidia/version has no 'NVRM version:' line with a"
                + " version (it begins 'something else')");
        assertThat(f.action()).startsWith("Look at /proc/driver/nvidia/version by hand");
    }

    @Test
    void anEmptyFileBeginsWithNothing() {
        Finding f = DriverVersion.check(new FakeNvidiaSystem(root).file("/proc/driver/nvidia/version", "").view(), FOUND);

        assertThat(f.summary()).endsWith("(it begins '').");
    }

    @Test
    void aDirectoryInPlaceOfTheFileSaysSo() {
        Finding f = DriverVersion.check(new FakeNvidiaSystem(root).dir("/proc/driver/nvidia/version").view(), FOUND);

        assertThat(f.evidence()).containsExactly("/proc/driver/nvidia/version is a directory");
    }

    @Test
    void noFileIsADriverNotLoaded() {
        Finding f = DriverVersion.check(new FakeNvidiaSystem(root).view(), FOUND);

        assertThat(f.code()).isEqualTo(FindingCode.DRIVER_NOT_LOADED);
        assertThat(f.summary()).isEqualTo("No /proc/driver/nvidia/version: the NVIDIA kernel module is not loaded.");
        assertThat(f.evidence()).containsExactly("/proc/driver/nvidia/version is absent");
    }
}
