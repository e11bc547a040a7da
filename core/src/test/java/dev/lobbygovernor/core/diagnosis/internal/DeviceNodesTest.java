package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.SystemView;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Node;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Outcome;
import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.io.IOException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device-node scan and its judgement, node by node: the device numbers of real character
 * devices, every kind of file that can stand where a node should, and the wording of each
 * finding.
 */
class DeviceNodesTest {

    @TempDir
    Path root;

    @Test
    void deviceNumbersDecodeAsLinuxEncodesThem() {
        // glibc's makedev: major bits 0-11 at 8-19 and 12-31 at 44-63, minor bits 0-7 at 0-7 and 8-31 at 20-43
        assertThat(DeviceNodes.major(0xC3FFL)).isEqualTo(195);
        assertThat(DeviceNodes.minor(0xC3FFL)).isEqualTo(255);
        assertThat(DeviceNodes.major(0x100A03L)).isEqualTo(10);
        assertThat(DeviceNodes.minor(0x100A03L)).isEqualTo(259);
        assertThat(DeviceNodes.major(0x1000_0000_0100L)).isEqualTo(4097);
        assertThat(DeviceNodes.minor(0x1000_0000_0100L)).isZero();
        assertThat(DeviceNodes.major(0x1230_0045L)).isZero();
        assertThat(DeviceNodes.minor(0x1230_0045L)).isEqualTo(0x12345);
    }

    @Test
    void aRealCharacterDeviceIsOpenedWithItsNumbers() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.exists(devNull),
                "Linux's /dev/null, character device 1:3");
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).devices("nvidiactl", "nvidia-uvm");
        Files.createSymbolicLink(system.path("/dev/nvidia0"), devNull); // absolute on purpose: the host's node

        DeviceScan scan = DeviceNodes.scan(system.view());

        assertThat(scan.nodes()).filteredOn(n -> n.name().equals("nvidia0")).singleElement().satisfies(n -> {
            assertThat(n.major()).isEqualTo(1);
            assertThat(n.minor()).isEqualTo(3);
            assertThat(n.outcome()).isEqualTo(Outcome.OPENED);
            assertThat(n.describe()).isEqualTo("/dev/nvidia0: character device 1:3, opened");
        });
        assertThat(scan.nodes()).filteredOn(n -> n.name().equals("nvidiactl")).singleElement().satisfies(n -> {
            assertThat(n.major()).isEqualTo(-1);
            assertThat(n.describe()).isEqualTo("/dev/nvidiactl: regular file, opened");
        });
    }

    @Test
    void aCharacterDeviceThatWillNotOpenKeepsItsNumbersAndTheKernelsReason() throws IOException {
        // /dev/tty opens only for a process with a controlling terminal, which a build has not
        Path tty = Path.of("/dev/tty");
        String reason = null;
        try (var ignored = java.nio.channels.FileChannel.open(tty, java.nio.file.StandardOpenOption.READ)) {
            // it opened: this run has a terminal
        } catch (IOException e) {
            reason = SystemFile.describe(e);
        }
        assumeTrue("No such device or address".equals(reason), "/dev/tty is there and does not open here");
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).devices("nvidiactl", "nvidia-uvm");
        Files.createSymbolicLink(system.path("/dev/nvidia0"), tty);

        DeviceScan scan = DeviceNodes.scan(system.view());

        Node node = scan.nodes().stream().filter(n -> n.name().equals("nvidia0")).findFirst().orElseThrow();
        assertThat(node).isEqualTo(new Node("nvidia0", 5, 0, Outcome.FAILED,
                "character device 5:0, open failed: No such device or address"));
    }

    @Test
    void aSocketInPlaceOfANodeIsNotOpened() throws IOException {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).devices("nvidiactl", "nvidia-uvm");
        try (ServerSocketChannel socket = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(system.path("/dev/nvidia0")));

            Finding f = DeviceNodes.judge(DeviceNodes.scan(system.view()));

            assertThat(f.code()).isEqualTo(FindingCode.DEVICE_OPEN_FAILED);
            assertThat(f.summary()).isEqualTo("Could not open /dev/nvidia0 as a device node.");
            assertThat(f.evidence()).contains("/dev/nvidia0: a socket, not a character device; not opened");
        }
    }

    @Test
    void aBlockDeviceInPlaceOfANodeIsNotOpened() throws IOException {
        Path block = null;
        try (var entries = Files.list(Path.of("/dev"))) {
            for (Path p : entries.toList()) {
                if (isBlockDevice(p)) {
                    block = p;
                    break;
                }
            }
        } catch (IOException e) {
            // no /dev to borrow from
        }
        assumeTrue(block != null, "this machine has a block device to link to");
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).devices("nvidiactl", "nvidia-uvm");
        Files.createSymbolicLink(system.path("/dev/nvidia0"), block);

        DeviceScan scan = DeviceNodes.scan(system.view());

        assertThat(scan.nodes()).filteredOn(n -> n.name().equals("nvidia0")).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(n.major()).isEqualTo(-1);
            assertThat(n.detail()).isEqualTo("a block device, not a character device; not opened");
        });
    }

    @Test
    void aLinkThatLoopsCannotBeExamined() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).devices("nvidiactl", "nvidia-uvm")
                .link("/dev/nvidia0", "nvidia0");

        DeviceScan scan = DeviceNodes.scan(system.view());

        assertThat(scan.nodes()).filteredOn(n -> n.name().equals("nvidia0")).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(n.detail()).startsWith("cannot be examined: ").containsIgnoringCase("symbolic links");
        });
    }

    @Test
    void aLinkToNothingIsNamedSo() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).devices("nvidiactl", "nvidia-uvm")
                .link("/dev/nvidia0", "gone");

        DeviceScan scan = DeviceNodes.scan(system.view());

        assertThat(scan.nodes()).filteredOn(n -> n.name().equals("nvidia0")).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(n.detail()).isEqualTo("listed, but it is a link to a missing file");
        });
    }

    @Test
    void aDirectoryInPlaceOfANodeIsNamedSo() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).devices("nvidia-uvm", "nvidia0").dir("/dev/nvidiactl");

        DeviceScan scan = DeviceNodes.scan(system.view());

        assertThat(scan.nodes()).filteredOn(n -> n.name().equals("nvidiactl")).singleElement()
                .isEqualTo(new Node("nvidiactl", -1, -1, Outcome.FAILED, "a directory, not a device node"));
    }

    @Test
    void withoutTheUnixAttributeViewNodesAreStillTriedAndDirectoriesRefused() throws IOException {
        Path zip = root.resolve("tree.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path dev = Files.createDirectories(fs.getPath("/dev"));
            Files.write(dev.resolve("nvidia0"), new byte[0]);
            Files.write(dev.resolve("nvidia-uvm"), new byte[0]);
            Files.createDirectories(dev.resolve("nvidiactl"));

            DeviceScan scan = DeviceNodes.scan(new SystemView(fs.getPath("/"), Map.of()));

            assertThat(scan.nodes()).containsExactly(
                    new Node("nvidia-uvm", -1, -1, Outcome.OPENED, "node, opened"),
                    new Node("nvidia0", -1, -1, Outcome.OPENED, "node, opened"),
                    new Node("nvidiactl", -1, -1, Outcome.FAILED, "a directory, not a device node"));
        }
    }

    @Test
    void otherNvidiaEntriesAreListedSortedAsEvidenceOnly() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root)
                .devices("nvidia-modeset", "nvidiactl", "nvidia-caps", "nvidia-uvm-tools", "nvidia0", "nvidia-uvm",
                        "nvidia12345", "nvidia-nvlink", "null");

        DeviceScan scan = DeviceNodes.scan(system.view());

        assertThat(scan.devPresent()).isTrue();
        assertThat(scan.nodes()).extracting(Node::name).containsExactly("nvidia-uvm", "nvidia0", "nvidiactl");
        assertThat(scan.others()).containsExactly("/dev/nvidia-caps", "/dev/nvidia-modeset", "/dev/nvidia-nvlink",
                "/dev/nvidia-uvm-tools", "/dev/nvidia12345");
        Finding f = DeviceNodes.judge(scan);
        assertThat(f.code()).isEqualTo(FindingCode.DEVICES_OPEN);
        assertThat(f.summary()).isEqualTo("Opened /dev/nvidia-uvm, /dev/nvidia0, /dev/nvidiactl.");
        assertThat(f.evidence()).containsExactly("/dev/nvidia-uvm: regular file, opened",
                "/dev/nvidia0: regular file, opened", "/dev/nvidiactl: regular file, opened",
                "also present: /dev/nvidia-caps, /dev/nvidia-modeset, /dev/nvidia-nvlink, /dev/nvidia-uvm-tools,"
                        + " /dev/nvidia12345");
    }

    @Test
    void noDevDirectoryIsSaidFirst() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).file("/dev", "not a directory");

        DeviceScan scan = DeviceNodes.scan(system.view());
        Finding f = DeviceNodes.judge(scan);

        assertThat(scan.devPresent()).isFalse();
        assertThat(f.code()).isEqualTo(FindingCode.DEVICES_ABSENT);
        assertThat(f.summary()).startsWith("No NVIDIA device nodes in /dev");
        assertThat(f.evidence()).containsExactly("no /dev directory");
        assertThat(f.action()).isEqualTo(Actions.REQUEST_GPU);
    }

    @Test
    void aDevThatCannotBeListedSaysWhy() {
        Finding f = DeviceNodes.judge(new DeviceScan(true, List.of(), List.of(), "Permission denied"));

        assertThat(f.code()).isEqualTo(FindingCode.DEVICES_ABSENT);
        assertThat(f.evidence()).containsExactly("/dev could not be listed: Permission denied");
    }

    @Test
    void aDevWithoutNvidiaNodesSaysWhatElseItHolds() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).devices("nvidia-modeset", "null");

        Finding f = DeviceNodes.judge(DeviceNodes.scan(system.view()));

        assertThat(f.code()).isEqualTo(FindingCode.DEVICES_ABSENT);
        assertThat(f.evidence()).containsExactly("no nvidiactl, nvidia-uvm or nvidiaN in /dev",
                "also present: /dev/nvidia-modeset");
    }

    @Test
    void everyMissingNodeIsNamedInOrder() {
        Finding onlyUvm = DeviceNodes.judge(scanOf(opened("nvidia-uvm")));
        Finding onlyGpu = DeviceNodes.judge(scanOf(opened("nvidia0")));
        Finding onlyControl = DeviceNodes.judge(scanOf(opened("nvidiactl")));

        assertThat(onlyUvm.code()).isEqualTo(FindingCode.DEVICES_INCOMPLETE);
        assertThat(onlyUvm.summary()).startsWith("Missing /dev/nvidiactl, /dev/nvidia0..N: NVML needs");
        assertThat(onlyUvm.evidence()).last().isEqualTo("missing: /dev/nvidiactl, /dev/nvidia0..N");
        assertThat(onlyGpu.summary()).startsWith("Missing /dev/nvidiactl, /dev/nvidia-uvm: NVML needs");
        assertThat(onlyControl.summary()).startsWith("Missing /dev/nvidia-uvm, /dev/nvidia0..N: NVML needs");
        assertThat(onlyControl.action()).contains("nvidia-modprobe -u -c=0").endsWith(Actions.REQUEST_GPU);
    }

    @Test
    void aCgroupRefusalOutranksAModeRefusalWhichOutranksOtherFailures() {
        Node eperm = new Node("nvidia0", 195, 0, Outcome.NOT_PERMITTED, "open failed: Operation not permitted");
        Node eacces = new Node("nvidia1", 195, 1, Outcome.DENIED, "open failed: Permission denied");
        Node other = new Node("nvidiactl", -1, -1, Outcome.FAILED, "a directory, not a device node");

        Finding all = DeviceNodes.judge(scanOf(other, eacces, eperm));
        Finding denied = DeviceNodes.judge(scanOf(other, eacces, opened("nvidia-uvm")));

        assertThat(all.code()).isEqualTo(FindingCode.DEVICE_OPEN_NOT_PERMITTED);
        assertThat(all.summary()).isEqualTo("Opening /dev/nvidia0 failed with 'Operation not permitted' although"
                + " the nodes exist: the device cgroup denies them.");
        assertThat(denied.code()).isEqualTo(FindingCode.DEVICE_OPEN_DENIED);
        assertThat(denied.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(denied.summary()).isEqualTo("Opening /dev/nvidia1 failed with 'Permission denied': this process's"
                + " user may not use the GPU.");
        assertThat(denied.action()).contains("NVreg_DeviceFileMode");
    }

    @Test
    void aFailureOtherThanARefusalNamesEveryFailedNode() {
        Finding f = DeviceNodes.judge(scanOf(opened("nvidia-uvm"),
                new Node("nvidia0", -1, -1, Outcome.FAILED, "listed, but it is a link to a missing file"),
                new Node("nvidiactl", -1, -1, Outcome.FAILED, "a directory, not a device node")));

        assertThat(f.summary()).isEqualTo("Could not open /dev/nvidia0, /dev/nvidiactl as a device node.");
        assertThat(f.action()).startsWith("Look at the nodes (ls -l /dev/nvidia*");
        assertThat(f.evidence()).containsExactly("/dev/nvidia-uvm: node, opened",
                "/dev/nvidia0: listed, but it is a link to a missing file",
                "/dev/nvidiactl: a directory, not a device node");
    }

    @Test
    void aMissingFileIsAFailureNotARefusal() {
        assertThat(DeviceNodes.outcomeOf(new NoSuchFileException("/dev/nvidia0"))).isEqualTo(Outcome.FAILED);
        assertThat(DeviceNodes.outcomeOf(new java.nio.file.FileSystemException("/dev/nvidia0")))
                .isEqualTo(Outcome.FAILED);
    }

    private static Node opened(String name) {
        return new Node(name, -1, -1, Outcome.OPENED, "node, opened");
    }

    private static DeviceScan scanOf(Node... nodes) {
        return new DeviceScan(true, List.of(nodes), List.of());
    }

    private static boolean isBlockDevice(Path p) {
        try {
            Object mode = Files.readAttributes(p, "unix:mode").get("mode");
            return mode instanceof Integer m && (m & 0170000) == 0060000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
