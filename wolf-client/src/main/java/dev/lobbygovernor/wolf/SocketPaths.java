package dev.lobbygovernor.wolf;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where Wolf's API socket is, found as Wolf finds it: {@code $WOLF_SOCKET_PATH}, else
 * {@code $XDG_RUNTIME_DIR/wolf.sock}, else {@value #DEFAULT_SOCKET} (the path deployments
 * commonly set). An empty variable counts as unset.
 */
public final class SocketPaths {

    /** The variable that names the socket outright. */
    public static final String WOLF_SOCKET_PATH = "WOLF_SOCKET_PATH";
    /** The variable whose directory holds {@code wolf.sock} when the first is unset. */
    public static final String XDG_RUNTIME_DIR = "XDG_RUNTIME_DIR";
    /** The path used when neither variable is set. */
    public static final String DEFAULT_SOCKET = "/var/run/wolf/wolf.sock";

    private SocketPaths() {
    }

    /**
     * The socket path from this process's environment.
     *
     * @return the path Wolf would listen on
     */
    public static Path resolve() {
        return resolve(System::getenv);
    }

    /**
     * The socket path from the given environment.
     *
     * @param env looks a variable up; returns {@code null} when unset
     * @return the path Wolf would listen on
     */
    public static Path resolve(Function<String, String> env) {
        String explicit = env.apply(WOLF_SOCKET_PATH);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String runtimeDir = env.apply(XDG_RUNTIME_DIR);
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            return Path.of(runtimeDir, "wolf.sock");
        }
        return Path.of(DEFAULT_SOCKET);
    }
}
