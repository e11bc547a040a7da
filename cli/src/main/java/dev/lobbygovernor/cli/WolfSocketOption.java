package dev.lobbygovernor.cli;

import dev.lobbygovernor.wolf.SocketPaths;
import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --wolf-socket}, shared by the commands that talk to a real Wolf, and the client they use. */
final class WolfSocketOption {

    /** A local socket connects at once or not at all; a listing is small. */
    static final TransportSettings CLI_TRANSPORT = TransportSettings.builder()
            .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(10)).build();

    @Option(names = "--wolf-socket", paramLabel = "PATH",
            description = "Wolf's UNIX socket (default: $" + SocketPaths.WOLF_SOCKET_PATH + ", else $"
                    + SocketPaths.XDG_RUNTIME_DIR + "/wolf.sock, else " + SocketPaths.DEFAULT_SOCKET + ").")
    Path socket;

    /** The given socket, else where Wolf puts it according to {@code env} ({@link SocketPaths}). */
    Path resolve(Map<String, String> env) {
        return socket != null ? socket : SocketPaths.resolve(env::get);
    }

    static WolfClient client(Path socket) {
        return WolfClient.builder().unixSocket(socket).settings(CLI_TRANSPORT).build();
    }
}
