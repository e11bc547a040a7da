package dev.lobbygovernor.nvml.internal;

import com.sun.jna.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where to load NVML from: an explicit file, or the platform's usual names through the normal
 * loader path.
 *
 * @param path an absolute library file, or empty for the default search
 */
public record NvmlLibrarySource(Optional<Path> path) {

    /**
     * Linux names, best first. The full SONAME comes first because the unversioned
     * {@code libnvidia-ml.so} (which JNA's short name {@code nvidia-ml} maps to) ships only with
     * development packages, so most GPU hosts lack it.
     */
    static final List<String> LINUX_NAMES = List.of("libnvidia-ml.so.1", "nvidia-ml");

    /** The default search. */
    public static final NvmlLibrarySource DEFAULT = new NvmlLibrarySource(Optional.empty());

    /**
     * Makes an explicit path absolute.
     *
     * @param path an explicit library file, or empty for the default search
     */
    public NvmlLibrarySource {
        path = path.map(p -> p.toAbsolutePath().normalize());
    }

    /**
     * An explicit library file.
     *
     * @param path the file; made absolute
     * @return the source
     */
    public static NvmlLibrarySource of(Path path) {
        return new NvmlLibrarySource(Optional.of(path));
    }

    /**
     * The names to hand the loader, in order.
     *
     * @return the explicit file, or the platform's usual names
     */
    public List<String> candidates() {
        if (path.isPresent()) {
            return List.of(path.get().toString());
        }
        return Platform.isWindows() ? List.of("nvml") : LINUX_NAMES;
    }

    @Override
    public String toString() {
        return path.map(Path::toString).orElse(String.join(" or ", candidates()));
    }
}
