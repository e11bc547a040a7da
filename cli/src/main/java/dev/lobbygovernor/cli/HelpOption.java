package dev.lobbygovernor.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} on every command: prints that command's usage and exits 0. (A mixin
 * rather than an inherited option: picocli's {@code help} command has a {@code --help} of its own.)
 */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
