package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.wolf.WolfClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code status}: the governor's view of a real Wolf host ({@link WolfHostView}); the exit code
 * follows its health. An unreachable Wolf is exit code {@link ExitCode#FAILED} with the reason.
 */
@Command(name = "status",
        description = {"The governor's view of a Wolf host: lobbies against the cap, and the GPU's health "
                + "(read through NVML, then nvidia-smi, then Wolf's own report)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.USAGE_LINE, ExitCode.MONITORING_LOST_LINE,
            ExitCode.EXHAUSTED_LINE, ExitCode.FAILED_LINE})
final class StatusCommand implements Callable<Integer> {

    private final PrintStream out;
    private final Map<String, String> env;
    private final Clock clock;
    private final Supplier<List<GpuProbe>> localProbes;

    @Mixin
    HelpOption help;

    @Mixin
    WolfSocketOption wolf;

    @Mixin
    JsonOption output;

    StatusCommand(PrintStream out, Map<String, String> env, Clock clock, Supplier<List<GpuProbe>> localProbes) {
        this.out = out;
        this.env = env;
        this.clock = clock;
        this.localProbes = localProbes;
    }

    @Override
    public Integer call() {
        Path socket = wolf.resolve(env);
        try (WolfClient client = WolfSocketOption.client(socket)) {
            WolfHostView view = WolfHostView.read(client, clock, localProbes.get());
            if (output.json) {
                out.println(GpuJson.write(view.json()));
            } else {
                view.print(out);
            }
            return ExitCode.forHealth(view.health().status());
        } catch (LobbyRuntimeException e) {
            throw LobbiesCommand.unreachable(socket, e);
        }
    }
}
