package dev.lobbygovernor.core.diagnosis.internal;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.SystemView;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Node;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Outcome;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The device-cgroup check. Under cgroup v1 the {@code devices} controller's
 * {@code devices.list} is the effective allow list: every NVIDIA device must be granted
 * {@code rw} (NVML opens them read-write). The symptom of a daemon-reload under Docker's systemd
 * driver is a list that still grants Docker's default {@code c *:* m} (mknod everywhere) but no
 * longer the {@code c 195:N rw} rules the NVIDIA runtime added, so the NVIDIA devices are left
 * with {@code m}. Under cgroup v2 the rules are an eBPF program attached to the cgroup, which
 * cannot be listed from inside it: only the device-node open attempts tell, and an
 * "Operation not permitted" there is the same symptom.
 */
final class DeviceCgroup {

    /** The NVIDIA driver's character-device major: nvidiactl is 195:255, nvidiaN is 195:N. */
    static final int NVIDIA_MAJOR = 195;
    static final int CONTROL_MINOR = 255;

    private DeviceCgroup() {
    }

    static Finding check(SystemView view, DeviceScan scan) {
        SystemFile self = SystemFile.read(view.resolve("/proc/self/cgroup"), SystemFile.TEXT_CAP);
        if (self instanceof SystemFile.Absent) {
            return finding(FindingStatus.NOT_APPLICABLE, FindingCode.NO_CGROUP,
                    "No /proc/self/cgroup (not Linux, or /proc not mounted): the device cgroup cannot be examined.",
                    List.of("/proc/self/cgroup is absent"), "");
        }
        if (self instanceof SystemFile.Unreadable u) {
            return unreadable("/proc/self/cgroup " + u.why());
        }
        String text = ((SystemFile.Content) self).text();
        String v1Path = null;
        String v2Path = null;
        String badLine = null;
        boolean empty = true;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            empty = false;
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                badLine = badLine == null ? line : badLine;
            } else if (Arrays.asList(parts[1].split(",")).contains("devices")) {
                v1Path = parts[2];
            } else if (parts[0].equals("0") && parts[1].isEmpty()) {
                v2Path = parts[2];
            }
        }
        if (v1Path != null) {
            return version1(view, scan, v1Path);
        }
        if (v2Path != null) {
            return version2(scan, v2Path);
        }
        return unreadable("/proc/self/cgroup names neither a devices controller nor a cgroup v2 path"
                + (badLine != null ? "; first unreadable line: " + Evidence.quote(badLine)
                        : empty ? " (it is empty)" : ""));
    }

    private static Finding version1(SystemView view, DeviceScan scan, String cgroupPath) {
        List<Path> candidates = new ArrayList<>();
        try {
            // without a cgroup namespace the path is the host's and the container sees its own
            // cgroup at the controller's mount point, so try the path, then the mount point itself
            String sub = cgroupPath.startsWith("/") ? cgroupPath : "/" + cgroupPath;
            candidates.add(view.resolve("/sys/fs/cgroup/devices" + sub + "/devices.list"));
        } catch (InvalidPathException e) {
            // a path that is no path: fall through to the mount point
        }
        candidates.add(view.resolve("/sys/fs/cgroup/devices/devices.list"));
        for (Path candidate : candidates) {
            if (!view.contains(candidate)) {
                continue;
            }
            SystemFile list = SystemFile.read(candidate, SystemFile.TEXT_CAP);
            String where = Evidence.systemPath(view, candidate);
            if (list instanceof SystemFile.Unreadable u) {
                return unreadable(where + " " + u.why());
            }
            if (list instanceof SystemFile.Content c) {
                DeviceRules.Parsed parsed = DeviceRules.parse(c.text());
                if (parsed.rules().isEmpty()) {
                    return unreadable(where + " holds a line that is not a device rule: "
                            + Evidence.quote(parsed.badLine()));
                }
                return judge(view, scan, parsed.rules().get(), cgroupPath, where);
            }
        }
        return finding(FindingStatus.NOT_APPLICABLE, FindingCode.NO_CGROUP,
                "The devices controller is listed, but its devices.list is not mounted under"
                        + " /sys/fs/cgroup/devices: the device rules cannot be read.",
                List.of("cgroup (v1 devices): " + Evidence.quote(cgroupPath),
                        "no devices.list under /sys/fs/cgroup/devices"), "");
    }

    /** A device to judge: where it is, and its numbers. */
    private record Target(String label, int major, int minor) {
    }

    private static Finding judge(SystemView view, DeviceScan scan, DeviceRules rules, String cgroupPath,
            String where) {
        List<String> evidence = new ArrayList<>();
        evidence.add("cgroup (v1 devices): " + Evidence.quote(cgroupPath) + ", rules from " + where);
        List<String> relevant = rules.mentioning(NVIDIA_MAJOR);
        evidence.add("rules for major " + NVIDIA_MAJOR + " or every device: "
                + (relevant.isEmpty() ? "none" : String.join(", ", relevant)));
        List<Target> targets = new ArrayList<>();
        OptionalInt uvmMajor = uvmMajor(view);
        for (Node n : scan.nodes()) {
            if (n.major() >= 0) {
                targets.add(new Target(n.path(), n.major(), n.minor()));
            } else if (n.name().equals(DeviceScan.CONTROL)) {
                targets.add(new Target(n.path(), NVIDIA_MAJOR, CONTROL_MINOR));
            } else if (n.name().equals(DeviceScan.UVM)) {
                if (uvmMajor.isPresent()) {
                    targets.add(new Target(n.path(), uvmMajor.getAsInt(), 0));
                } else {
                    evidence.add(n.path() + ": its major number is unknown (/proc/devices lists no nvidia-uvm);"
                            + " not judged");
                }
            } else {
                DeviceScan.gpuNumber(n.name()).ifPresent(minor -> targets.add(new Target(n.path(), NVIDIA_MAJOR, minor)));
            }
        }
        if (targets.isEmpty()) {
            targets.add(new Target("nvidiactl (no node present)", NVIDIA_MAJOR, CONTROL_MINOR));
        }
        List<String> reduced = new ArrayList<>();
        for (Target t : targets) {
            String access = rules.accessTo(t.major(), t.minor());
            boolean enough = access.contains("r") && access.contains("w");
            String line = "c " + t.major() + ":" + t.minor() + " (" + t.label() + "): '" + access + "'";
            evidence.add(enough ? line : line + ", needs 'rw'");
            if (!enough) {
                reduced.add(line);
            }
        }
        if (reduced.isEmpty()) {
            return finding(FindingStatus.OK, FindingCode.CGROUP_ALLOWS_DEVICES,
                    "The device cgroup allows reading and writing the NVIDIA devices.", evidence, "");
        }
        return finding(FindingStatus.PROBLEM, FindingCode.CGROUP_ACCESS_REDUCED,
                "The device cgroup no longer lets this process read and write the NVIDIA devices ("
                        + String.join("; ", reduced) + "): the access the NVIDIA runtime granted was reset, as a"
                        + " systemd daemon-reload does under Docker's systemd cgroup driver.",
                evidence, Actions.RECREATE_CONTAINER);
    }

    /** nvidia-uvm's major is assigned at module load; {@code /proc/devices} lists it. */
    private static OptionalInt uvmMajor(SystemView view) {
        if (!(SystemFile.read(view.resolve("/proc/devices"), SystemFile.TEXT_CAP) instanceof SystemFile.Content c)) {
            return OptionalInt.empty();
        }
        for (String line : c.text().split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[1].equals(DeviceScan.UVM) && fields[0].matches("\\d{1,9}")) {
                return OptionalInt.of(Integer.parseInt(fields[0]));
            }
        }
        return OptionalInt.empty();
    }

    private static Finding version2(DeviceScan scan, String cgroupPath) {
        List<String> evidence = new ArrayList<>();
        evidence.add("cgroup v2: " + Evidence.quote(cgroupPath));
        evidence.add("device access is an eBPF program attached to the cgroup; it cannot be listed from inside");
        if (scan.anyRefused(Outcome.NOT_PERMITTED)) {
            scan.nodes().stream().filter(n -> n.outcome() == Outcome.NOT_PERMITTED)
                    .forEach(n -> evidence.add(n.describe()));
            return finding(FindingStatus.PROBLEM, FindingCode.CGROUP_ACCESS_REDUCED,
                    "Opening the NVIDIA device nodes failed with 'Operation not permitted' although they exist:"
                            + " the cgroup's device program denies them, as after a systemd daemon-reload under"
                            + " Docker's systemd cgroup driver.", evidence, Actions.RECREATE_CONTAINER);
        }
        evidence.add(scan.nodes().isEmpty() ? "no NVIDIA device node to try"
                : "no open of a /dev/nvidia* node was refused with 'Operation not permitted'");
        return finding(FindingStatus.NOT_APPLICABLE, FindingCode.CGROUP_V2,
                "cgroup v2: the device rules cannot be read from inside the cgroup; the device-node open"
                        + " attempts are the test, and none was refused by the cgroup.", evidence, "");
    }

    private static Finding unreadable(String what) {
        return finding(FindingStatus.PROBLEM, FindingCode.UNREADABLE,
                "The device cgroup could not be read: " + what + ".", List.of(what),
                "Look at /proc/self/cgroup and the devices.list it leads to by hand: they are not in the"
                        + " kernel's format, so this check cannot judge them.");
    }

    private static Finding finding(FindingStatus status, FindingCode code, String summary, List<String> evidence,
            String action) {
        return new Finding(Check.DEVICE_CGROUP, status, code, summary, evidence, action);
    }
}
