package dev.lobbygovernor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code lobbies}: what a real Wolf runs. The socket is {@code --wolf-socket} or, as Wolf finds
 * it, from the environment. An unreachable Wolf is exit code {@link ExitCode#FAILED} with the
 * reason.
 */
@Command(name = "lobbies",
        description = {"List a Wolf server's lobbies."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.USAGE_LINE, ExitCode.FAILED_LINE})
final class LobbiesCommand implements Callable<Integer> {

    private final PrintStream out;
    private final Map<String, String> env;

    @Mixin
    HelpOption help;

    @Mixin
    WolfSocketOption wolf;

    @Mixin
    JsonOption output;

    LobbiesCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    @Override
    public Integer call() {
        Path socket = wolf.resolve(env);
        try (WolfClient client = WolfSocketOption.client(socket)) {
            List<LiveLobby> lobbies = new WolfLobbyRuntime(client).listLobbies();
            if (output.json) {
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
            throw unreachable(socket, e);
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

    /** The failure both Wolf commands report when Wolf cannot be listed. */
    static CommandFailure unreachable(Path socket, LobbyRuntimeException e) {
        return new CommandFailure(ExitCode.FAILED, "cannot list Wolf's lobbies at " + socket + " ("
                + e.kind() + "): " + e.getMessage());
    }
}
