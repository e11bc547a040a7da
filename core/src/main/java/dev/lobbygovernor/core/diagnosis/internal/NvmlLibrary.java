package dev.lobbygovernor.core.diagnosis.internal;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.SystemView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NVML library check: where the dynamic loader would find {@code libnvidia-ml.so.1}, in its
 * order — {@code LD_LIBRARY_PATH}, then {@code /etc/ld.so.cache}, then the standard directories
 * (those of the distributions and of NVIDIA's container images) — and which driver version it
 * is. The driver installs {@code libnvidia-ml.so.<version>} with {@code libnvidia-ml.so.1} a link
 * to it (the container toolkit mounts it the same way), so the version is the link target's
 * suffix, or else that of the one versioned file beside it.
 *
 * <p>The cache is not parsed by format: its paths are NUL-terminated strings, so every string
 * that names {@code libnvidia-ml.so} is taken, which any cache version (and garbage) survives.
 */
final class NvmlLibrary {

    static final String SONAME = "libnvidia-ml.so.1";
    private static final Pattern VERSIONED = Pattern.compile("libnvidia-ml\\.so\\.(\\d{1,4}(?:\\.\\d{1,4}){1,3})");
    private static final int CACHE_CAP = 16 * 1024 * 1024;
    static final List<String> STANDARD_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/lib64", "/lib",
            "/usr/local/nvidia/lib64", "/usr/local/nvidia/lib", "/usr/lib/wsl/lib");

    private NvmlLibrary() {
    }

    static LibrarySearch search(SystemView view) {
        List<String> evidence = new ArrayList<>();
        Map<String, String> dirs = new LinkedHashMap<>(); // directory -> how the loader gets there
        String path = view.variable("LD_LIBRARY_PATH").orElse("");
        for (String dir : path.split(":")) {
            if (dir.startsWith("/")) {
                dirs.putIfAbsent(dir, "LD_LIBRARY_PATH");
            }
        }
        evidence.add(path.isEmpty() ? "LD_LIBRARY_PATH is unset" : "LD_LIBRARY_PATH=" + Evidence.quote(path));
        List<String> cached = cachedPaths(view, evidence);
        cached.forEach(p -> dirs.putIfAbsent(p.substring(0, p.lastIndexOf('/')), "/etc/ld.so.cache"));
        STANDARD_DIRS.forEach(d -> dirs.putIfAbsent(d, "a standard directory"));
        for (Map.Entry<String, String> e : dirs.entrySet()) {
            Path dir;
            try {
                dir = view.resolve(e.getKey());
            } catch (IllegalArgumentException bad) { // InvalidPathException included: a cache string that is no path
                continue;
            }
            if (!view.contains(dir)) {
                continue;
            }
            Path lib = dir.resolve(SONAME);
            if (Files.exists(lib)) {
                Optional<String> version = version(lib, dir, evidence);
                evidence.add("found " + e.getKey() + "/" + SONAME + " (through " + e.getValue() + ")");
                return new LibrarySearch(Optional.of(e.getKey()), e.getValue(), version, evidence);
            }
            if (Files.isSymbolicLink(lib)) {
                evidence.add(e.getKey() + "/" + SONAME + " is a link to a missing file");
            }
            versionedFiles(dir).forEach(v -> evidence.add(e.getKey() + "/libnvidia-ml.so." + v
                    + " is there, but " + SONAME + " is not (run ldconfig)"));
        }
        evidence.add("searched: " + String.join(", ", dirs.keySet()));
        return new LibrarySearch(Optional.empty(), "", Optional.empty(), evidence);
    }

    /** Paths naming the library in {@code /etc/ld.so.cache}, in cache order. */
    private static List<String> cachedPaths(SystemView view, List<String> evidence) {
        SystemFile cache = SystemFile.read(view.resolve("/etc/ld.so.cache"), CACHE_CAP);
        if (cache instanceof SystemFile.Absent) {
            evidence.add("/etc/ld.so.cache is absent");
            return List.of();
        }
        if (cache instanceof SystemFile.Unreadable u) {
            evidence.add("/etc/ld.so.cache " + u.why());
            return List.of();
        }
        List<String> found = new ArrayList<>();
        String all = new String(((SystemFile.Content) cache).bytes(), StandardCharsets.ISO_8859_1);
        for (String s : all.split("\u0000")) {
            if (s.startsWith("/") && s.contains("/libnvidia-ml.so") && s.length() < 4096) {
                found.add(s);
            }
        }
        evidence.add(found.isEmpty() ? "/etc/ld.so.cache names no libnvidia-ml"
                : "/etc/ld.so.cache names " + Evidence.quote(String.join(", ", found)));
        return found;
    }

    private static Optional<String> version(Path lib, Path dir, List<String> evidence) {
        if (Files.isSymbolicLink(lib)) {
            try {
                Path target = Files.readSymbolicLink(lib).getFileName();
                Matcher m = target == null ? null : VERSIONED.matcher(target.toString());
                if (m != null && m.matches()) {
                    evidence.add(SONAME + " links to " + target);
                    return Optional.of(m.group(1));
                }
            } catch (IOException | RuntimeException e) {
                evidence.add(SONAME + "'s link could not be read: " + SystemFile.describe(e));
            }
        }
        TreeSet<String> versions = versionedFiles(dir);
        if (versions.size() == 1) {
            evidence.add("beside it: libnvidia-ml.so." + versions.first());
            return Optional.of(versions.first());
        }
        evidence.add(versions.isEmpty() ? "no libnvidia-ml.so.<version> beside it: the version is unknown"
                : "several versions beside it (" + String.join(", ", versions) + "): the version is unknown");
        return Optional.empty();
    }

    private static TreeSet<String> versionedFiles(Path dir) {
        TreeSet<String> versions = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return versions;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "libnvidia-ml.so.*")) {
            for (Path f : files) {
                Matcher m = VERSIONED.matcher(f.getFileName().toString());
                if (m.matches()) {
                    versions.add(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unlistable directory holds nothing the loader could use either
        }
        return versions;
    }

    static Finding judge(LibrarySearch search) {
        if (search.location().isPresent()) {
            return new Finding(Check.NVML_LIBRARY, FindingStatus.OK, FindingCode.LIBRARY_FOUND,
                    SONAME + " is in " + search.location().get() + " (through " + search.via() + ")"
                            + search.version().map(v -> ", version " + v).orElse(", version unknown") + ".",
                    search.evidence(), "");
        }
        return new Finding(Check.NVML_LIBRARY, FindingStatus.PROBLEM, FindingCode.LIBRARY_MISSING,
                SONAME + " is not on the library path, in /etc/ld.so.cache or in the standard directories.",
                search.evidence(),
                "On a host, install the NVIDIA driver's user-space libraries, of the same version as the loaded"
                        + " kernel module; in a container, run it with the NVIDIA Container Toolkit (docker run"
                        + " --gpus all, with NVIDIA_DRIVER_CAPABILITIES including utility), which mounts the"
                        + " library in; or set LD_LIBRARY_PATH to the directory that holds it.");
    }
}
