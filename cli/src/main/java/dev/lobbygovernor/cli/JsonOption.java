package dev.lobbygovernor.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}, shared by the commands that can print JSON. With it, a failure is JSON too:
 * {@code {"error": ..., "exitCode": ...}} on stdout (see {@link Main}).
 */
final class JsonOption {

    /** The option's name, as {@link Main} looks for it when a command line fails to parse. */
    static final String NAME = "--json";

    @Option(names = NAME, description = "Print JSON on stdout instead of text; failures too.")
    boolean json;
}
