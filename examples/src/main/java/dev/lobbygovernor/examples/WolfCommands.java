package dev.lobbygovernor.examples;

import java.io.PrintStream;
import java.util.Map;

/** {@code lobbies} and {@code status}: WIP, waiting for wolf-client to land. */
final class WolfCommands {

    private final PrintStream err;

    WolfCommands(PrintStream out, PrintStream err, Map<String, String> env) {
        this.err = err;
    }

    int lobbies(Arguments args) {
        err.println("WIP: wolf-client not merged yet");
        return ExitCode.FAILED;
    }

    int status(Arguments args) {
        err.println("WIP: wolf-client not merged yet");
        return ExitCode.FAILED;
    }
}
