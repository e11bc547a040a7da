package dev.lobbygovernor.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.wolf.SocketPaths;
import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code lobbies} and {@code status}: what a real Wolf runs, and the governor's view of it.
 * The socket is {@code --wolf-socket} or, as Wolf finds it, from the environment
 * ({@link SocketPaths}). An unreachable Wolf is exit code {@link ExitCode#FAILED} with the reason.
 */
final class WolfCommands {

    /** A local socket connects at once or not at all; a listing is small. */
    static final TransportSettings CLI_TRANSPORT = TransportSettings.builder()
            .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(10)).build();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final Supplier<List<GpuProbe>> localProbes;

    WolfCommands(PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
            Supplier<List<GpuProbe>> localProbes) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
        this.localProbes = localProbes;
    }

    Path socket(Arguments args) {
        return args.value("--wolf-socket").map(Paths::get).orElseGet(() -> SocketPaths.resolve(env::get));
    }

    static WolfClient client(Path socket) {
        return WolfClient.builder().unixSocket(socket).settings(CLI_TRANSPORT).build();
    }

    int lobbies(Arguments args) {
        Path socket = socket(args);
        try (WolfClient client = client(socket)) {
            List<LiveLobby> lobbies = new WolfLobbyRuntime(client).listLobbies();
            if (args.has("--json")) {
                out.println(GpuJson.write(lobbiesJson(client.endpoint(), lobbies)));
            } else {
                out.println("Wolf at " + client.endpoint() + ": " + lobbies.size() + " lobbies");
                if (!lobbies.isEmpty()) {
                    out.printf("  %-36s  %-24s  %-12s  %s%n", "id", "name", "PIN required", "connected sessions");
                }
                for (LiveLobby l : lobbies) {
                    out.printf("  %-36s  %-24s  %-12s  %d%n", l.id(), l.name(), l.pinRequired() ? "yes" : "no",
                            l.connectedSessions());
                }
            }
            return ExitCode.OK;
        } catch (LobbyRuntimeException e) {
            return unreachable(socket, e);
        }
    }

    int status(Arguments args) {
        Path socket = socket(args);
        try (WolfClient client = client(socket)) {
            WolfHostView view = WolfHostView.read(client, clock, localProbes.get());
            if (args.has("--json")) {
                out.println(GpuJson.write(view.json()));
            } else {
                view.print(out);
            }
            return ExitCode.forHealth(view.health().status());
        } catch (LobbyRuntimeException e) {
            return unreachable(socket, e);
        }
    }

    /** {@code {"endpoint": ..., "lobbies": [{"id", "name", "pinRequired", "connectedSessions"}]}}. */
    static ObjectNode lobbiesJson(String endpoint, List<LiveLobby> lobbies) {
        ObjectNode root = GpuJson.MAPPER.createObjectNode();
        root.put("endpoint", endpoint);
        ArrayNode list = root.putArray("lobbies");
        for (LiveLobby l : lobbies) {
            ObjectNode n = list.addObject();
            n.put("id", l.id());
            n.put("name", l.name());
            n.put("pinRequired", l.pinRequired());
            n.put("connectedSessions", l.connectedSessions());
        }
        return root;
    }

    private int unreachable(Path socket, LobbyRuntimeException e) {
        err.println("lobby-governor: cannot list Wolf's lobbies at " + socket + " (" + e.kind() + "): "
                + e.getMessage());
        return ExitCode.FAILED;
    }
}
