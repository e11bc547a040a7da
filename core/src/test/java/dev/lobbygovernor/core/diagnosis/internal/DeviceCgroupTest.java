package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Node;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Outcome;
import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device-cgroup check line by line: how {@code /proc/self/cgroup} is read, where the rules
 * are looked for, which device numbers are judged, and what each finding says.
 */
class DeviceCgroupTest {

    private static final String NVIDIA_RULES = "c 195:255 rw\nc 195:0 rw\nc 508:0 rw\n";

    @TempDir
    Path root;

    /** Plain files for nodes, as in a test tree: no device numbers known. */
    private static final DeviceScan FILES = new DeviceScan(true, List.of(
            new Node("nvidia-uvm", -1, -1, Outcome.OPENED, "regular file, opened"),
            new Node("nvidia0", -1, -1, Outcome.OPENED, "regular file, opened"),
            new Node("nvidiactl", -1, -1, Outcome.OPENED, "regular file, opened")), List.of());

    private FakeNvidiaSystem tree() {
        return new FakeNvidiaSystem(root)
                .file("/proc/devices", "Character devices:\n  1 mem\n195 nvidia-frontend\n508 nvidia-uvm\n");
    }

    @Test
    void devicesAmongSeveralControllersIsVersion1AndTheNumbersOfNamesAreJudged() {
        FakeNvidiaSystem system = tree().file("/proc/self/cgroup", "\n4:cpu,devices,memory:/docker/abc\n0::/\n")
                .file("/sys/fs/cgroup/devices/devices.list", NVIDIA_RULES);

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.check()).isEqualTo(Check.DEVICE_CGROUP);
        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.summary()).isEqualTo("The device cgroup allows reading and writing the NVIDIA devices.");
        assertThat(f.action()).isEmpty();
        assertThat(f.evidence()).containsExactly(
                "cgroup (v1 devices): '/docker/abc', rules from /sys/fs/cgroup/devices/devices.list",
                "rules for major 195 or every device: c 195:255 rw, c 195:0 rw",
                "c 508:0 (/dev/nvidia-uvm): 'rw'", "c 195:0 (/dev/nvidia0): 'rw'",
                "c 195:255 (/dev/nvidiactl): 'rw'");
    }

    @Test
    void aDeviceNodesOwnNumbersAreJudgedOverItsName() {
        DeviceScan real = new DeviceScan(true, List.of(
                new Node("nvidia0", 195, 3, Outcome.OPENED, "character device 195:3, opened"),
                new Node("nvidiactl", 195, 255, Outcome.OPENED, "character device 195:255, opened")), List.of());
        FakeNvidiaSystem system = tree().cgroupV1("/docker/abc", "c 195:255 rw\nc 195:3 rw\n");

        Finding f = DeviceCgroup.check(system.view(), real);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.evidence()).contains("c 195:3 (/dev/nvidia0): 'rw'", "c 195:255 (/dev/nvidiactl): 'rw'");
    }

    @Test
    void aKnownMajorNumberIsJudgedEvenWhenItIsZero() {
        DeviceScan odd = new DeviceScan(true, List.of(new Node("nvidia0", 0, 7, Outcome.OPENED, "opened")), List.of());
        FakeNvidiaSystem system = tree().cgroupV1("/docker/abc", "c 195:0 rw\n");

        Finding f = DeviceCgroup.check(system.view(), odd);

        assertThat(f.evidence()).last().isEqualTo("c 0:7 (/dev/nvidia0): '', needs 'rw'");
    }

    @Test
    void readWithoutWriteOrWriteWithoutReadIsNotEnough() {
        FakeNvidiaSystem system = tree().cgroupV1("/docker/abc", "c 195:255 r\nc 195:0 w\nc 508:0 rwm\n");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ACCESS_REDUCED);
        assertThat(f.summary()).isEqualTo("The device cgroup no longer lets this process read and write the NVIDIA"
                + " devices (c 195:0 (/dev/nvidia0): 'w'; c 195:255 (/dev/nvidiactl): 'r'): the access the NVIDIA"
                + " runtime granted was reset, as a systemd daemon-reload does under Docker's systemd cgroup driver.");
        assertThat(f.evidence()).contains("c 508:0 (/dev/nvidia-uvm): 'rwm'",
                "c 195:0 (/dev/nvidia0): 'w', needs 'rw'", "c 195:255 (/dev/nvidiactl): 'r', needs 'rw'");
        assertThat(f.action()).isEqualTo(Actions.RECREATE_CONTAINER);
    }

    @Test
    void noRuleForMajor195IsSaidSo() {
        FakeNvidiaSystem system = tree().cgroupV1("/docker/abc", "c 1:3 rwm\nb 7:0 rwm\n");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ACCESS_REDUCED);
        assertThat(f.evidence()).contains("rules for major 195 or every device: none",
                "c 195:0 (/dev/nvidia0): '', needs 'rw'");
    }

    @Test
    void anEmptyDevicesListAllowsNothing() {
        FakeNvidiaSystem system = tree().cgroupV1("/docker/abc", "");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ACCESS_REDUCED);
    }

    @Test
    void uvmIsNotJudgedWhenProcDevicesDoesNotListIt() {
        FakeNvidiaSystem system = tree().cgroupV1("/docker/abc", "c 195:* rw\n")
                .file("/proc/devices", "Character devices:\n195 nvidia-frontend\n508 nvidia-uvm extra\nx nvidia-uvm\n"
                        + "1234567890 nvidia-uvm\n509 nvidia-uvm-tools\n");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.evidence()).contains("/dev/nvidia-uvm: its major number is unknown (/proc/devices lists no"
                + " nvidia-uvm); not judged");
        assertThat(f.evidence()).noneMatch(e -> e.startsWith("c ") && e.contains("nvidia-uvm"));
    }

    @Test
    void uvmIsNotJudgedWithoutProcDevices() {
        FakeNvidiaSystem system = tree().remove("/proc/devices").cgroupV1("/docker/abc", "c 195:* rw\n");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).startsWith("/dev/nvidia-uvm: its major number is unknown"));
    }

    @Test
    void uvmsMajorIsTakenFromAnIndentedLine() {
        FakeNvidiaSystem system = tree().cgroupV1("/docker/abc", "c 195:* rw\n")
                .file("/proc/devices", "Character devices:\n 42 nvidia-uvm\n");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ACCESS_REDUCED);
        assertThat(f.evidence()).contains("c 42:0 (/dev/nvidia-uvm): '', needs 'rw'");
    }

    @Test
    void withNoNodeAtAllTheControlDeviceIsJudged() {
        FakeNvidiaSystem system = tree().cgroupV1("/docker/abc", "c 195:* rw\n");

        Finding f = DeviceCgroup.check(system.view(), new DeviceScan(true, List.of(), List.of()));

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.evidence()).last().isEqualTo("c 195:255 (nvidiactl (no node present)): 'rw'");
    }

    @Test
    void aRelativeCgroupPathIsLookedForUnderTheMountPoint() {
        FakeNvidiaSystem system = tree().file("/proc/self/cgroup", "3:devices:docker/abc\n")
                .file("/sys/fs/cgroup/devices/docker/abc/devices.list", NVIDIA_RULES)
                .file("/sys/fs/cgroup/devices/devices.list", "c *:* m\n");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.evidence().get(0)).isEqualTo("cgroup (v1 devices): 'docker/abc', rules from"
                + " /sys/fs/cgroup/devices/docker/abc/devices.list");
    }

    @Test
    void aCgroupPathLeavingTheTreeFallsBackToTheMountPoint() {
        // the tree is a directory below the temporary one, and beside it lies a list that grants nothing
        FakeNvidiaSystem system = new FakeNvidiaSystem(root.resolve("tree"))
                .file("/proc/devices", "508 nvidia-uvm\n")
                .file("/proc/self/cgroup", "3:devices:/../../../../../outside\n")
                .file("/sys/fs/cgroup/devices/devices.list", NVIDIA_RULES);
        new FakeNvidiaSystem(root).file("/outside/devices.list", "c 1:3 rwm\n");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.evidence().get(0)).endsWith("rules from /sys/fs/cgroup/devices/devices.list");
    }

    @Test
    void aCgroupPathThatIsNoPathFallsBackToTheMountPoint() {
        FakeNvidiaSystem system = tree().file("/proc/self/cgroup", "3:devices:/docker/a\u0000b\n")
                .file("/sys/fs/cgroup/devices/devices.list", NVIDIA_RULES);

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.evidence().get(0)).isEqualTo("cgroup (v1 devices): '/docker/a?b', rules from"
                + " /sys/fs/cgroup/devices/devices.list");
    }

    @Test
    void aDevicesControllerWithoutADevicesListIsNotApplicable() {
        FakeNvidiaSystem system = tree().file("/proc/self/cgroup", "3:devices:/docker/abc\n");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(f.code()).isEqualTo(FindingCode.NO_CGROUP);
        assertThat(f.summary()).startsWith("The devices controller is listed, but its devices.list is not mounted");
        assertThat(f.evidence()).containsExactly("cgroup (v1 devices): '/docker/abc'",
                "no devices.list under /sys/fs/cgroup/devices");
        assertThat(f.action()).isEmpty();
    }

    @Test
    void aDevicesListThatIsADirectoryIsUnreadable() {
        FakeNvidiaSystem system = tree().file("/proc/self/cgroup", "3:devices:/docker/abc\n")
                .dir("/sys/fs/cgroup/devices/docker/abc/devices.list");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.summary()).isEqualTo("The device cgroup could not be read:"
                + " /sys/fs/cgroup/devices/docker/abc/devices.list is a directory.");
        assertThat(f.evidence()).containsExactly("/sys/fs/cgroup/devices/docker/abc/devices.list is a directory");
        assertThat(f.action()).startsWith("Look at /proc/self/cgroup and the devices.list");
    }

    @Test
    void aProcSelfCgroupThatIsADirectoryIsUnreadable() {
        FakeNvidiaSystem system = tree().dir("/proc/self/cgroup");

        Finding f = DeviceCgroup.check(system.view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.evidence()).containsExactly("/proc/self/cgroup is a directory");
    }

    @Test
    void anEmptyProcSelfCgroupIsUnreadableAndSaysItIsEmpty() {
        Finding f = DeviceCgroup.check(tree().file("/proc/self/cgroup", "\n \n").view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.evidence()).containsExactly(
                "/proc/self/cgroup names neither a devices controller nor a cgroup v2 path (it is empty)");
    }

    @Test
    void theFirstUnreadableLineIsQuoted() {
        Finding f = DeviceCgroup.check(tree().file("/proc/self/cgroup", "first\nsecond\n2:cpu:/x\n").view(), FILES);

        assertThat(f.evidence()).containsExactly("/proc/self/cgroup names neither a devices controller nor a cgroup"
                + " v2 path; first unreadable line: 'first'");
    }

    @Test
    void anUnnamedHierarchyOtherThanZeroIsNotVersion2() {
        Finding f = DeviceCgroup.check(tree().file("/proc/self/cgroup", "1::/x\n0:cpu:/y\n").view(), FILES);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.evidence()).containsExactly(
                "/proc/self/cgroup names neither a devices controller nor a cgroup v2 path");
    }

    @Test
    void version2WithoutRefusalsSaysWhetherThereWasANodeToTry() {
        FakeNvidiaSystem system = tree().file("/proc/self/cgroup", "0::/system.slice/app.service\n");

        Finding none = DeviceCgroup.check(system.view(), new DeviceScan(true, List.of(), List.of()));
        Finding some = DeviceCgroup.check(system.view(), FILES);

        assertThat(none.code()).isEqualTo(FindingCode.CGROUP_V2);
        assertThat(none.evidence()).containsExactly("cgroup v2: '/system.slice/app.service'",
                "device access is an eBPF program attached to the cgroup; it cannot be listed from inside",
                "no NVIDIA device node to try");
        assertThat(some.evidence()).last()
                .isEqualTo("no open of a /dev/nvidia* node was refused with 'Operation not permitted'");
    }

    @Test
    void version2NamesOnlyTheRefusedNodes() {
        DeviceScan scan = new DeviceScan(true, List.of(
                new Node("nvidia0", 195, 0, Outcome.NOT_PERMITTED, "open failed: Operation not permitted"),
                new Node("nvidiactl", 195, 255, Outcome.OPENED, "opened")), List.of());

        Finding f = DeviceCgroup.check(tree().cgroupV2().view(), scan);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ACCESS_REDUCED);
        assertThat(f.evidence()).containsExactly("cgroup v2: '/'",
                "device access is an eBPF program attached to the cgroup; it cannot be listed from inside",
                "/dev/nvidia0: open failed: Operation not permitted");
    }
}
