package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library search's order, what it records as evidence, and how it tells the version. */
class NvmlLibraryTest {

    @TempDir
    Path root;

    @Test
    void withNothingAnywhereTheEvidenceSaysWhereItLooked() {
        LibrarySearch search = NvmlLibrary.search(new FakeNvidiaSystem(root).view());

        assertThat(search.location()).isEmpty();
        assertThat(search.via()).isEmpty();
        assertThat(search.version()).isEmpty();
        assertThat(search.evidence()).containsExactly("LD_LIBRARY_PATH is unset", "/etc/ld.so.cache is absent",
                "searched: " + String.join(", ", NvmlLibrary.STANDARD_DIRS));
        Finding f = NvmlLibrary.judge(search);
        assertThat(f.code()).isEqualTo(FindingCode.LIBRARY_MISSING);
        assertThat(f.summary()).isEqualTo("libnvidia-ml.so.1 is not on the library path, in /etc/ld.so.cache or in"
                + " the standard directories.");
    }

    @Test
    void libraryPathEntriesComeFirstOnceEachAndRelativeOnesAreSkipped() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).env("LD_LIBRARY_PATH", "/opt/a::lib:/usr/lib64:/opt/a");

        LibrarySearch search = NvmlLibrary.search(system.view());

        assertThat(search.evidence()).contains("LD_LIBRARY_PATH='/opt/a::lib:/usr/lib64:/opt/a'");
        assertThat(search.evidence()).last().asString()
                .startsWith("searched: /opt/a, /usr/lib64, /usr/lib/x86_64-linux-gnu, /usr/lib/aarch64-linux-gnu, /usr/lib,");
    }

    @Test
    void aDirectoryOnTheLibraryPathFoundThereIsReportedSo() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).library("/usr/lib64", "535.104.05")
                .env("LD_LIBRARY_PATH", "/usr/lib64");

        Finding f = NvmlLibrary.judge(NvmlLibrary.search(system.view()));

        assertThat(f.summary()).isEqualTo("libnvidia-ml.so.1 is in /usr/lib64 (through LD_LIBRARY_PATH), version"
                + " 535.104.05.");
        assertThat(f.evidence()).containsExactly("LD_LIBRARY_PATH='/usr/lib64'", "/etc/ld.so.cache is absent",
                "libnvidia-ml.so.1 links to libnvidia-ml.so.535.104.05",
                "found /usr/lib64/libnvidia-ml.so.1 (through LD_LIBRARY_PATH)");
    }

    @Test
    void aLibraryPathLeavingTheTreeIsNotLookedIn() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root.resolve("tree")).env("LD_LIBRARY_PATH", "/../outside");
        new FakeNvidiaSystem(root).library("/outside", "550.54.15");

        LibrarySearch search = NvmlLibrary.search(system.view());

        assertThat(search.location()).isEmpty();
    }

    @Test
    void theCacheNamesOnlyAbsolutePathsToTheLibrary() {
        ByteArrayOutputStream cache = new ByteArrayOutputStream();
        String tooLong = "/" + "d".repeat(4100) + "/libnvidia-ml.so.1";
        cache.writeBytes(("ld.so-1.7.0\u0000libnvidia-ml.so.1\u0000relative/libnvidia-ml.so.1\u0000" + tooLong
                + "\u0000/srv/one/libnvidia-ml.so.1\u0000/srv/two/libnvidia-ml.so.1\u0000/lib/libc.so.6\u0000")
                .getBytes(StandardCharsets.ISO_8859_1));
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).bytes("/etc/ld.so.cache", cache.toByteArray())
                .library("/srv/two", "550.54.15");

        LibrarySearch search = NvmlLibrary.search(system.view());

        assertThat(search.evidence()).contains(
                "/etc/ld.so.cache names '/srv/one/libnvidia-ml.so.1, /srv/two/libnvidia-ml.so.1'");
        assertThat(search.location()).contains("/srv/two");
        assertThat(search.via()).isEqualTo("/etc/ld.so.cache");
    }

    @Test
    void aCachedPathIsTakenUpToTheLongestPathLinuxAllows() {
        // PATH_MAX is 4096 bytes with the terminating NUL: 4095 characters at most
        String longest = "/" + "d".repeat(4095 - 19) + "/libnvidia-ml.so.1";
        String tooLong = "/" + "e".repeat(4096 - 19) + "/libnvidia-ml.so.1";
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).file("/etc/ld.so.cache", longest + "\u0000" + tooLong);

        List<String> evidence = NvmlLibrary.search(system.view()).evidence();

        assertThat(longest).hasSize(4095);
        assertThat(tooLong).hasSize(4096);
        assertThat(evidence).last().asString().startsWith("searched: /ddd").doesNotContain("/eee");
    }

    @Test
    void aCacheWithoutTheLibraryIsSaidSo() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).file("/etc/ld.so.cache", "ld.so-1.7.0\u0000/lib/libc.so.6");

        assertThat(NvmlLibrary.search(system.view()).evidence()).contains("/etc/ld.so.cache names no libnvidia-ml");
    }

    @Test
    void anUnreadableCacheIsEvidenceNotAFailure() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).dir("/etc/ld.so.cache").library("/usr/lib", "550.54.15");

        LibrarySearch search = NvmlLibrary.search(system.view());

        assertThat(search.evidence()).contains("/etc/ld.so.cache is a directory");
        assertThat(search.location()).contains("/usr/lib");
        assertThat(search.via()).isEqualTo("a standard directory");
    }

    @Test
    void aLinkToAMissingFileAndAVersionedFileWithoutTheLinkAreBothNamed() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).link("/usr/lib64/libnvidia-ml.so.1", "gone")
                .file("/lib64/libnvidia-ml.so.550.54.15", "\u007fELF")
                .file("/lib64/libnvidia-ml.so.something", "\u007fELF");

        LibrarySearch search = NvmlLibrary.search(system.view());

        assertThat(search.location()).isEmpty();
        assertThat(search.evidence()).contains("/usr/lib64/libnvidia-ml.so.1 is a link to a missing file",
                "/lib64/libnvidia-ml.so.550.54.15 is there, but libnvidia-ml.so.1 is not (run ldconfig)");
        assertThat(search.evidence()).noneMatch(e -> e.contains("something"));
    }

    @Test
    void aLinkToAnUnversionedNameTakesTheVersionBesideIt() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).file("/usr/lib/libnvidia-ml.so.real", "\u007fELF")
                .link("/usr/lib/libnvidia-ml.so.1", "libnvidia-ml.so.real")
                .file("/usr/lib/libnvidia-ml.so.550.54.15", "\u007fELF");

        LibrarySearch search = NvmlLibrary.search(system.view());

        assertThat(search.version()).contains("550.54.15");
        assertThat(search.evidence()).contains("beside it: libnvidia-ml.so.550.54.15")
                .noneMatch(e -> e.contains("links to"));
    }

    @Test
    void severalVersionsBesideAPlainFileLeaveTheVersionUnknown() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).file("/usr/lib/libnvidia-ml.so.1", "\u007fELF")
                .file("/usr/lib/libnvidia-ml.so.535.104.05", "\u007fELF")
                .file("/usr/lib/libnvidia-ml.so.550.54.15", "\u007fELF");

        LibrarySearch search = NvmlLibrary.search(system.view());

        assertThat(search.version()).isEmpty();
        assertThat(search.evidence()).contains(
                "several versions beside it (535.104.05, 550.54.15): the version is unknown");
        assertThat(NvmlLibrary.judge(search).summary())
                .isEqualTo("libnvidia-ml.so.1 is in /usr/lib (through a standard directory), version unknown.");
    }

    @Test
    void aPlainFileAloneHasNoVersion() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).file("/usr/lib/libnvidia-ml.so.1", "\u007fELF");

        assertThat(NvmlLibrary.search(system.view()).evidence()).containsExactly("LD_LIBRARY_PATH is unset",
                "/etc/ld.so.cache is absent", "no libnvidia-ml.so.<version> beside it: the version is unknown",
                "found /usr/lib/libnvidia-ml.so.1 (through a standard directory)");
    }

    @Test
    void theFindingCarriesTheSearchsEvidence() {
        LibrarySearch search = new LibrarySearch(Optional.of("/x"), "LD_LIBRARY_PATH", Optional.of("1.2"),
                List.of("one", "two"));

        Finding f = NvmlLibrary.judge(search);

        assertThat(f.summary()).isEqualTo("libnvidia-ml.so.1 is in /x (through LD_LIBRARY_PATH), version 1.2.");
        assertThat(f.evidence()).containsExactly("one", "two");
        assertThat(f.action()).isEmpty();
    }
}
