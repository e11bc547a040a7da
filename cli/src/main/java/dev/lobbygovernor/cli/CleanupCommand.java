package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cleanup --dry-run}: what the reaper would stop on a live Wolf ({@link CleanupPlan}),
 * changing nothing. With {@code --store-url}, the host's PostgreSQL records are read (read-only)
 * and the plan covers recorded lobbies, records and reservations; without, only the Wolf side:
 * leaked streaming sessions and lobbies with no record.
 *
 * <p>Without {@code --dry-run} the command refuses (a usage error): stopping is the job of the
 * reaper in the control plane, which holds the PINs and verifies every stop; a command line
 * that stopped lobbies on one listing is the cleaner that had to be switched off elsewhere.
 */
@Command(name = "cleanup",
        description = {"What the reaper would stop on a Wolf host now (with --dry-run, which is required: "
                + "nothing is stopped, removed or touched). With --store-url, your PostgreSQL store's records "
                + "are read; without, only the Wolf side: leaked streaming sessions, lobbies with no record."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.USAGE_LINE, ExitCode.FAILED_LINE})
final class CleanupCommand implements Callable<Integer> {

    /** Between the two listings: a client between its stream's start and its lobby join is seen attached. */
    static final Duration SECOND_LOOK = Duration.ofSeconds(1);

    static final String NEEDS_DRY_RUN = "cleanup only plans, so --dry-run is required: it shows what the reaper "
            + "would stop and changes nothing. Stopping is the job of the reaper in your control plane, which holds "
            + "the PINs and verifies every stop.";

    private final PrintStream out;
    private final Map<String, String> env;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    WolfSocketOption wolf;

    @Mixin
    JsonOption output;

    @Mixin
    StoreOption store;

    @Option(names = "--dry-run", description = "Plan and report only (required).")
    boolean dryRun;

    @Option(names = "--host", paramLabel = "ID", defaultValue = WolfHostView.HOST,
            description = "The host id the store's records name for this Wolf (default: ${DEFAULT-VALUE}).")
    String hostId;

    CleanupCommand(PrintStream out, Map<String, String> env, Clock clock) {
        this.out = out;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!dryRun) {
            throw new ParameterException(spec.commandLine(), NEEDS_DRY_RUN);
        }
        Path socket = wolf.resolve(env);
        try (WolfClient client = WolfSocketOption.client(socket)) {
            WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);
            runtime.listLobbies(); // an unreachable Wolf is an error, not a host with nothing to clean
            SessionStore records = store.given() ? readable(store.open(env)) : new InMemorySessionStore();
            CleanupPlan plan = CleanupPlan.make(new DryRunStore(records, hostId), new DryRunWolf(runtime), hostId,
                    client.endpoint(), store.given() ? store.shownUrl() : null, clock, SECOND_LOOK);
            if (output.json) {
                out.println(GpuJson.write(plan.json()));
            } else {
                plan.print(out);
            }
            return ExitCode.OK;
        } catch (LobbyRuntimeException e) {
            throw LobbiesCommand.unreachable(socket, e);
        }
    }

    /** The store, once it answered: a store that cannot be read fails here with its reason. */
    private SessionStore readable(SessionStore opened) {
        try {
            opened.lobbiesOnHost(hostId);
            opened.reservationsOnHost(hostId);
            return opened;
        } catch (StoreException e) {
            throw new CommandFailure(ExitCode.FAILED, "cannot read the lobby records in the store at "
                    + store.shownUrl() + ": " + e.getMessage());
        }
    }
}
