package dev.lobbygovernor.core.diagnosis;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the checks look: a root directory under which absolute paths such as {@code /dev},
 * {@code /proc/self/cgroup}, {@code /sys/fs/cgroup} and the library directories are resolved,
 * and the process environment. {@link #live()} is this machine; a test passes a temporary
 * directory and a map.
 *
 * <p>In a test tree a device node may be a plain file (it counts as a node that opens), and
 * symbolic links must be relative: an absolute link target would leave the root.
 *
 * @param root the directory that stands for {@code /}
 * @param env the environment variables the checks read
 */
public record SystemView(Path root, Map<String, String> env) {

    /**
     * Validates and copies.
     *
     * @param root the directory that stands for {@code /}; made absolute
     * @param env the environment; copied
     * @throws NullPointerException if either component is null, or the map holds a null
     */
    public SystemView {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /**
     * This machine: the real root and this process's environment.
     *
     * @return the live view
     */
    public static SystemView live() {
        return new SystemView(Path.of("/"), System.getenv());
    }

    /**
     * The path that stands for an absolute system path in this view.
     *
     * @param absolute a path such as {@code /proc/driver/nvidia/version}
     * @return the path under {@link #root()}
     * @throws IllegalArgumentException if {@code absolute} does not start with {@code /}
     */
    public Path resolve(String absolute) {
        if (!absolute.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + absolute);
        }
        return root.resolve(absolute.substring(1)).normalize();
    }

    /**
     * Whether a resolved path is still inside the root (a path read from a file may hold {@code ..}).
     *
     * @param path a path produced by {@link #resolve(String)}
     * @return true if it lies under {@link #root()}
     */
    public boolean contains(Path path) {
        return path.normalize().startsWith(root);
    }

    /**
     * One environment variable.
     *
     * @param name the variable's name
     * @return its value, or empty if unset
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name));
    }
}
