package dev.lobbygovernor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor as a whole: one finding per check, in order, and never an exception on what it reads. */
class GpuDoctorTest {

    /** Every file the checks read. */
    private static final List<String> READ = List.of("/proc/self/cgroup", "/sys/fs/cgroup/devices/devices.list",
            "/proc/devices", "/proc/driver/nvidia/version", "/etc/ld.so.cache");

    @TempDir
    Path root;

    @Test
    void aHealthyContainerPassesEveryCheckInOrder() {
        List<Finding> findings = GpuDoctor.examine(FakeNvidiaSystem.healthyContainer(root).view(), Findings.DEADLINE);

        assertThat(findings).extracting(Finding::check).containsExactly(Check.values());
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.status()).as(f.summary()).isEqualTo(FindingStatus.OK);
            assertThat(f.action()).isEmpty();
        });
    }

    @Test
    void aMachineWithoutAnyNvidiaStackSaysSoCheckByCheck() {
        List<Finding> findings = GpuDoctor.examine(new FakeNvidiaSystem(root).view(), Findings.DEADLINE);

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.DEVICES_ABSENT,
                FindingCode.NO_CGROUP, FindingCode.LIBRARY_MISSING, FindingCode.DRIVER_NOT_LOADED,
                FindingCode.NOT_IN_CONTAINER);
    }

    @Test
    void garbageInAnyFileIsAFindingNeverAnException() {
        qt().withExamples(40).forAll(integers().between(0, READ.size() - 1), strings().allPossible().ofLengthBetween(0, 300))
                .checkAssert((which, garbage) -> {
                    Path tree = fresh();
                    FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(tree).file(READ.get(which), garbage);

                    List<Finding> findings = GpuDoctor.examine(system.view(), Findings.DEADLINE);

                    assertThat(findings).extracting(Finding::check).containsExactly(Check.values());
                    assertThat(findings).noneMatch(f -> f.code() == FindingCode.CHECK_FAILED
                            || f.code() == FindingCode.TIMED_OUT);
                    assertThat(findings).filteredOn(Finding::isProblem)
                            .allSatisfy(f -> assertThat(f.action()).isNotBlank());
                });
    }

    @Test
    void theDefaultDeadlineExaminesTheSameWay() {
        List<Finding> findings = GpuDoctor.examine(FakeNvidiaSystem.healthyContainer(root).view());

        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.DEVICES_OPEN,
                FindingCode.CGROUP_ALLOWS_DEVICES, FindingCode.LIBRARY_FOUND, FindingCode.VERSIONS_MATCH,
                FindingCode.GPU_REQUESTED);
    }

    @Test
    void theLiveViewIsThisMachine() {
        SystemView live = SystemView.live();

        assertThat(live.root()).isEqualTo(Path.of("/"));
        assertThat(live.env()).isEqualTo(System.getenv());
    }

    @Test
    void aProblemWithoutAnActionIsRefused() {
        assertThatThrownBy(() -> new Finding(Check.DEVICE_NODES, FindingStatus.PROBLEM, FindingCode.DEVICES_ABSENT,
                "No nodes.", List.of(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an action");
    }

    @Test
    void aFindingHasItsCodesStatus() {
        assertThatThrownBy(() -> new Finding(Check.DRIVER_VERSION, FindingStatus.OK, FindingCode.VERSION_MISMATCH,
                "Versions differ.", List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VERSION_MISMATCH is a finding of status PROBLEM");
    }

    @Test
    void aViewResolvesOnlyAbsolutePaths() {
        SystemView view = new FakeNvidiaSystem(root).view();

        assertThat(view.resolve("/proc/devices")).isEqualTo(root.toAbsolutePath().resolve("proc/devices"));
        assertThat(view.contains(view.resolve("/sys/../../etc"))).isFalse();
        assertThatThrownBy(() -> view.resolve("proc/devices")).isInstanceOf(IllegalArgumentException.class);
    }

    private Path fresh() {
        try {
            Path tree = root.resolve("tree");
            if (Files.exists(tree)) {
                try (Stream<Path> all = Files.walk(tree)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
