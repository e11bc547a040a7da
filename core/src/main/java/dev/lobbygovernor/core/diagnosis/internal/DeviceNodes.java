package dev.lobbygovernor.core.diagnosis.internal;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.SystemView;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Node;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Outcome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The device-node check: {@code /dev/nvidiactl}, {@code /dev/nvidia-uvm} and at least one
 * {@code /dev/nvidiaN} present, and each opened read-only once.
 *
 * <p>An open attempt, not a permission test: as root, or with a cgroup that denies the device,
 * the file's mode says nothing ({@code access(2)} passes where {@code open(2)} fails with
 * "Operation not permitted"). A character device's numbers come from the {@code unix:rdev}
 * attribute where the JDK offers it; a fifo, socket or block device in place of a node is
 * reported without being opened (opening a fifo blocks). A regular file opens like a node, which
 * is what test trees use. Opening a real node can still block on a wedged driver; the caller's
 * deadline bounds that.
 */
final class DeviceNodes {

    private static final int TYPE_MASK = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int DIRECTORY = 0040000;
    private static final int REGULAR = 0100000;
    private static final Map<Integer, String> OTHER_TYPES = Map.of(
            0010000, "a fifo", 0140000, "a socket", 0060000, "a block device", 0120000, "a symbolic link");

    private DeviceNodes() {
    }

    static DeviceScan scan(SystemView view) {
        Path dev = view.resolve("/dev");
        if (!Files.isDirectory(dev)) {
            return new DeviceScan(false, List.of(), List.of());
        }
        Map<String, Path> expected = new TreeMap<>();
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dev, "nvidia*")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (DeviceScan.expected(name)) {
                    expected.put(name, p);
                } else {
                    others.add("/dev/" + name);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new DeviceScan(true, List.of(), List.of(), SystemFile.describe(e));
        }
        List<Node> nodes = new ArrayList<>();
        expected.forEach((name, path) -> nodes.add(probe(name, path)));
        others.sort(null);
        return new DeviceScan(true, nodes, others);
    }

    private static Node probe(String name, Path path) {
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(path, "unix:mode,rdev");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            unix = null; // no unix view on this JDK: fall back to the basic type and try to open
        } catch (IOException e) {
            return failedToReach(name, e);
        }
        int major = -1;
        int minor = -1;
        String kind;
        if (unix != null) {
            int type = ((Integer) unix.get("mode")) & TYPE_MASK;
            if (type == CHARACTER_DEVICE) {
                long rdev = (Long) unix.get("rdev");
                major = major(rdev);
                minor = minor(rdev);
                kind = "character device " + major + ":" + minor;
            } else if (type == REGULAR) {
                kind = "regular file";
            } else if (type == DIRECTORY) {
                return new Node(name, -1, -1, Outcome.FAILED, "a directory, not a device node");
            } else {
                return new Node(name, -1, -1, Outcome.FAILED,
                        OTHER_TYPES.getOrDefault(type, "not a file") + ", not a character device; not opened");
            }
        } else if (Files.isDirectory(path)) {
            return new Node(name, -1, -1, Outcome.FAILED, "a directory, not a device node");
        } else {
            kind = "node";
        }
        try (FileChannel ignored = FileChannel.open(path, StandardOpenOption.READ)) {
            return new Node(name, major, minor, Outcome.OPENED, kind + ", opened");
        } catch (IOException | RuntimeException e) {
            return new Node(name, major, minor, outcomeOf(e), kind + ", open failed: " + SystemFile.describe(e));
        }
    }

    /** The major number in a device number as Linux encodes it (glibc's {@code gnu_dev_major}). */
    static int major(long rdev) {
        return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    }

    /** The minor number in a device number as Linux encodes it (glibc's {@code gnu_dev_minor}). */
    static int minor(long rdev) {
        return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    }

    private static Node failedToReach(String name, IOException e) {
        // listed in /dev but its attributes cannot be read: a link whose target is gone, mostly
        String detail = e instanceof NoSuchFileException
                ? "listed, but it is a link to a missing file"
                : "cannot be examined: " + SystemFile.describe(e);
        return new Node(name, -1, -1, outcomeOf(e), detail);
    }

    /** EPERM is the device cgroup (or a v2 device program); EACCES is the file's permissions. */
    static Outcome outcomeOf(Exception e) {
        if (e instanceof AccessDeniedException) {
            return Outcome.DENIED;
        }
        if (e instanceof FileSystemException f && f.getReason() != null
                && f.getReason().contains("Operation not permitted")) {
            return Outcome.NOT_PERMITTED;
        }
        return Outcome.FAILED;
    }

    static Finding judge(DeviceScan scan) {
        List<String> evidence = new ArrayList<>();
        scan.nodes().forEach(n -> evidence.add(n.describe()));
        if (!scan.others().isEmpty()) {
            evidence.add("also present: " + String.join(", ", scan.others()));
        }
        if (scan.nodes().isEmpty()) {
            evidence.add(0, !scan.devPresent() ? "no /dev directory"
                    : scan.listingFailure().isEmpty() ? "no nvidiactl, nvidia-uvm or nvidiaN in /dev"
                    : "/dev could not be listed: " + scan.listingFailure());
            return finding(FindingStatus.PROBLEM, FindingCode.DEVICES_ABSENT,
                    "No NVIDIA device nodes in /dev: the GPU was not passed to this process, or the driver is"
                            + " not loaded.", evidence, Actions.REQUEST_GPU);
        }
        if (scan.anyRefused(Outcome.NOT_PERMITTED)) {
            return finding(FindingStatus.PROBLEM, FindingCode.DEVICE_OPEN_NOT_PERMITTED,
                    "Opening " + names(scan, Outcome.NOT_PERMITTED) + " failed with 'Operation not permitted'"
                            + " although the nodes exist: the device cgroup denies them.",
                    evidence, Actions.RECREATE_CONTAINER);
        }
        if (scan.anyRefused(Outcome.DENIED)) {
            return finding(FindingStatus.PROBLEM, FindingCode.DEVICE_OPEN_DENIED,
                    "Opening " + names(scan, Outcome.DENIED) + " failed with 'Permission denied': this"
                            + " process's user may not use the GPU.", evidence,
                    "Run the process as a user that may open /dev/nvidia* (the nodes are usually mode 0666;"
                            + " otherwise add the user to the group that owns them), or restore the nodes' mode"
                            + " on the host (the nvidia module's NVreg_DeviceFileMode parameter).");
        }
        if (scan.anyRefused(Outcome.FAILED)) {
            return finding(FindingStatus.PROBLEM, FindingCode.DEVICE_OPEN_FAILED,
                    "Could not open " + names(scan, Outcome.FAILED) + " as a device node.", evidence,
                    "Look at the nodes (ls -l /dev/nvidia*: character devices, major 195 for nvidiactl and"
                            + " nvidiaN); recreate the container so that the NVIDIA runtime creates them again,"
                            + " or on the host reload the driver (or reboot).");
        }
        List<String> missing = new ArrayList<>();
        if (!scan.has(DeviceScan.CONTROL)) {
            missing.add("/dev/" + DeviceScan.CONTROL);
        }
        if (!scan.has(DeviceScan.UVM)) {
            missing.add("/dev/" + DeviceScan.UVM);
        }
        if (!scan.hasGpu()) {
            missing.add("/dev/nvidia0..N");
        }
        if (!missing.isEmpty()) {
            evidence.add("missing: " + String.join(", ", missing));
            return finding(FindingStatus.PROBLEM, FindingCode.DEVICES_INCOMPLETE,
                    "Missing " + String.join(", ", missing) + ": NVML needs /dev/nvidiactl and a /dev/nvidiaN,"
                            + " CUDA (and NVENC through it) needs /dev/nvidia-uvm.", evidence,
                    "/dev/nvidia-uvm appears when the nvidia-uvm module is loaded: on the host run"
                            + " 'nvidia-modprobe -u -c=0' (or modprobe nvidia-uvm), then recreate the container."
                            + " A missing nvidiactl or nvidiaN means the GPU was not passed: " + Actions.REQUEST_GPU);
        }
        return finding(FindingStatus.OK, FindingCode.DEVICES_OPEN,
                "Opened " + names(scan, Outcome.OPENED) + ".", evidence, "");
    }

    private static String names(DeviceScan scan, Outcome outcome) {
        return scan.nodes().stream().filter(n -> n.outcome() == outcome).map(Node::path)
                .collect(Collectors.joining(", "));
    }

    private static Finding finding(FindingStatus status, FindingCode code, String summary, List<String> evidence,
            String action) {
        return new Finding(Check.DEVICE_NODES, status, code, summary, evidence, action);
    }
}
