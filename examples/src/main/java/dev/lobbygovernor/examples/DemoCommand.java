package dev.lobbygovernor.examples;

import java.io.PrintStream;

/** {@code demo}: WIP, waiting for the governor, health, cleanup and the simulator to land. */
final class DemoCommand {

    private final PrintStream out;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    int run() {
        out.println("WIP: demo not wired yet");
        return ExitCode.FAILED;
    }
}
