package dev.lobbygovernor.core.diagnosis.internal;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.SystemView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver-version check: the kernel module's version, from the {@code NVRM version:} line of
 * {@code /proc/driver/nvidia/version} (visible inside containers too), against the library's.
 * NVML refuses to start when they differ ("Driver/library version mismatch"), which is what a
 * driver update without a reboot leaves: the new library, the old module.
 */
final class DriverVersion {

    static final String VERSION_FILE = "/proc/driver/nvidia/version";
    private static final String NVRM = "NVRM version:";
    /** A dotted version standing alone: not part of {@code x86_64} or of a longer number. */
    private static final Pattern VERSION = Pattern.compile("(?<![\\w.])(\\d{1,4}(?:\\.\\d{1,4}){1,3})(?![\\w.])");

    private DriverVersion() {
    }

    /** The kernel module's version in a version file's text, if its {@code NVRM version:} line has one. */
    static Optional<String> kernelVersion(String text) {
        for (String line : text.split("\n")) {
            int at = line.indexOf(NVRM);
            if (at >= 0) {
                Matcher m = VERSION.matcher(line.substring(at + NVRM.length()));
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Finding check(SystemView view, LibrarySearch library) {
        SystemFile file = SystemFile.read(view.resolve(VERSION_FILE), SystemFile.TEXT_CAP);
        if (file instanceof SystemFile.Absent) {
            return finding(FindingStatus.PROBLEM, FindingCode.DRIVER_NOT_LOADED,
                    "No " + VERSION_FILE + ": the NVIDIA kernel module is not loaded.",
                    List.of(VERSION_FILE + " is absent"),
                    "Load the NVIDIA driver on the host (modprobe nvidia, or reboot after installing it) and look"
                            + " for NVRM errors in the kernel log (dmesg | grep -i nvrm).");
        }
        if (file instanceof SystemFile.Unreadable u) {
            return unreadable(VERSION_FILE + " " + u.why());
        }
        String text = ((SystemFile.Content) file).text();
        Optional<String> kernel = kernelVersion(text);
        if (kernel.isEmpty()) {
            String first = text.lines().findFirst().orElse("");
            return unreadable(VERSION_FILE + " has no '" + NVRM + "' line with a version (it begins "
                    + Evidence.quote(first) + ")");
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("kernel module: " + kernel.get() + " (" + VERSION_FILE + ")");
        if (library.version().isEmpty()) {
            evidence.add(library.location().isPresent() ? "library: version unknown" : "library: not found");
            return finding(FindingStatus.NOT_APPLICABLE, FindingCode.VERSION_UNKNOWN,
                    "The kernel module is " + kernel.get() + "; the library's version is not known, so the two"
                            + " cannot be compared.", evidence, "");
        }
        String lib = library.version().get();
        evidence.add("library: " + lib + " (" + library.location().orElse("?") + "/" + NvmlLibrary.SONAME + ")");
        if (lib.equals(kernel.get())) {
            return finding(FindingStatus.OK, FindingCode.VERSIONS_MATCH,
                    "The kernel module and the library are both " + lib + ".", evidence, "");
        }
        return finding(FindingStatus.PROBLEM, FindingCode.VERSION_MISMATCH,
                "Driver/library version mismatch: the loaded kernel module is " + kernel.get() + ", the library "
                        + lib + "; NVML refuses to start until they match.", evidence,
                "Reboot the host after the driver update (or stop everything that uses the GPU and reload the"
                        + " kernel modules: rmmod nvidia_uvm nvidia_drm nvidia_modeset nvidia; modprobe nvidia),"
                        + " then recreate the containers that use the GPU so they mount the matching library.");
    }

    private static Finding unreadable(String what) {
        return finding(FindingStatus.PROBLEM, FindingCode.UNREADABLE,
                "The driver version could not be read: " + what + ".", List.of(what),
                "Look at " + VERSION_FILE + " by hand (cat it): it is not what the NVIDIA kernel module writes,"
                        + " so check which driver is loaded (lsmod | grep nvidia).");
    }

    private static Finding finding(FindingStatus status, FindingCode code, String summary, List<String> evidence,
            String action) {
        return new Finding(Check.DRIVER_VERSION, status, code, summary, evidence, action);
    }
}
