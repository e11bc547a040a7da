package dev.lobbygovernor.examples;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.wolf.SocketPaths;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code ./lobby-governor} command line: {@code demo}, {@code doctor}, {@code lobbies} and
 * {@code status}. Run it with no arguments for the usage text; exit codes are listed there.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage: lobby-governor <command> [options]",
            "",
            "commands:",
            "  demo                       replay the incident on an embedded Wolf simulator and check",
            "                             that the governor refuses, warns, detects and cleans up",
            "  doctor [--json]            probe this machine's GPU (NVML, then nvidia-smi) and classify it",
            "         [--smi-csv FILE]    classify a saved 'nvidia-smi --query-gpu=... --format=csv' output",
            "  lobbies [--json]           list a Wolf server's lobbies",
            "          [--wolf-socket PATH]",
            "  status [--json]            the governor's view of a Wolf host: lobbies n/cap, health",
            "         [--wolf-socket PATH]",
            "  help                       this text",
            "",
            "The Wolf socket defaults to $WOLF_SOCKET_PATH, else $XDG_RUNTIME_DIR/wolf.sock,",
            "else " + SocketPaths.DEFAULT_SOCKET + ".",
            "",
            "exit codes: 0 ok (health HEALTHY or WARNING), 1 usage error, 2 monitoring lost,",
            "            3 exhausted (no lobby fits), 4 failed (Wolf unreachable, demo expectation failed)");

    private static final Map<String, Map<String, Arguments.Kind>> COMMANDS = Map.of(
            "demo", Map.of(),
            "doctor", Map.of("--json", Arguments.Kind.FLAG, "--smi-csv", Arguments.Kind.VALUE),
            "lobbies", Map.of("--json", Arguments.Kind.FLAG, "--wolf-socket", Arguments.Kind.VALUE),
            "status", Map.of("--json", Arguments.Kind.FLAG, "--wolf-socket", Arguments.Kind.VALUE));

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final Supplier<List<GpuProbe>> localProbes;

    /**
     * A command line that writes to the given streams and reads the given environment.
     *
     * @param out where results go
     * @param err where errors and usage go
     * @param env the environment (for the default Wolf socket)
     */
    public Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, Clock.systemUTC(), LocalGpuProbes::create);
    }

    /** As the public constructor, with the clock and this machine's GPU probes given. */
    Main(PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
            Supplier<List<GpuProbe>> localProbes) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Map.copyOf(env);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.localProbes = Objects.requireNonNull(localProbes, "localProbes");
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        int code = new Main(System.out, System.err, System.getenv()).run(args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs one command.
     *
     * @return the exit code (see the usage text)
     */
    public int run(String... args) {
        if (args.length == 1 && isHelp(args[0])) {
            out.println(USAGE);
            return ExitCode.OK;
        }
        try {
            Arguments arguments = Arguments.parse(args, COMMANDS);
            switch (arguments.command()) {
                case "demo":
                    return new DemoCommand(out, clock).run();
                case "doctor":
                    return new DoctorCommand(out, clock, localProbes).run(arguments);
                case "lobbies":
                    return new WolfCommands(out, err, env, clock, localProbes).lobbies(arguments);
                case "status":
                    return new WolfCommands(out, err, env, clock, localProbes).status(arguments);
                default:
                    throw new UsageException("unknown command '" + arguments.command() + "'");
            }
        } catch (UsageException e) {
            err.println("lobby-governor: " + e.getMessage());
            err.println();
            err.println(USAGE);
            return ExitCode.USAGE;
        }
    }

    private static boolean isHelp(String word) {
        return word.equals("help") || word.equals("--help") || word.equals("-h");
    }
}
