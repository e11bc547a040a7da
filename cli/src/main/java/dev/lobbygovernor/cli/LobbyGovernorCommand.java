package dev.lobbygovernor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code lobby-governor}: the top of the command tree. Its options apply to every command
 * ({@code --verbose} may follow any of them); on its own it is a usage error.
 * {@link Main} adds the commands.
 */
@Command(name = "lobby-governor",
        description = "Keeps GPU streaming hosts alive: admission limits, honest GPU health, truthful cleanup.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.USAGE_LINE, ExitCode.MONITORING_LOST_LINE,
            ExitCode.EXHAUSTED_LINE, ExitCode.FAILED_LINE},
        footer = {"", "Run 'lobby-governor COMMAND --help' for a command's options."})
final class LobbyGovernorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Also show the library's INFO logs on stderr (by default only warnings and errors).")
    boolean verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }
}
