package dev.lobbygovernor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.core.diagnosis.SystemView;
import dev.lobbygovernor.core.gpu.GpuProbe;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The {@code ./lobby-governor} command line: {@code demo}, {@code doctor}, {@code lobbies} and
 * {@code status}, parsed by picocli. {@code lobby-governor --help} prints the usage, generated
 * from the commands' annotations, with the exit codes.
 *
 * <p>Errors go to stderr as {@code lobby-governor: <what went wrong>}, a usage error followed by
 * the command's usage. When {@code --json} is on the command line, an error is instead one JSON
 * object on stdout, {@code {"error": "...", "exitCode": N}}, so that a script reading stdout
 * always gets JSON.
 */
public final class Main {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final Supplier<List<GpuProbe>> localProbes;
    private final Path systemRoot;

    /**
     * A command line that writes to the given streams and reads the given environment.
     *
     * @param out where results go (and errors, as JSON, under {@code --json})
     * @param err where errors, usage errors and the library's logs go
     * @param env the environment (for the default Wolf socket, and the NVIDIA Container Toolkit's
     *     variables {@code doctor} checks)
     */
    public Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, Clock.systemUTC(), LocalGpuProbes::create);
    }

    /** As the public constructor, with the clock and this machine's GPU probes given. */
    Main(PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
            Supplier<List<GpuProbe>> localProbes) {
        this(out, err, env, clock, localProbes, Path.of("/"));
    }

    /**
     * As above, with the directory that stands for {@code /} when {@code doctor} examines the
     * NVIDIA stack (a fake tree in tests).
     */
    Main(PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
            Supplier<List<GpuProbe>> localProbes, Path systemRoot) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Map.copyOf(env);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.localProbes = Objects.requireNonNull(localProbes, "localProbes");
        this.systemRoot = Objects.requireNonNull(systemRoot, "systemRoot");
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        int code = new Main(System.out, System.err, System.getenv()).run(args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs one command.
     *
     * @param args the command and its options
     * @return the exit code: 0 ok, 1 usage error, 2 monitoring lost, 3 exhausted, 4 failed
     */
    public int run(String... args) {
        boolean json = Arrays.asList(args).contains(JsonOption.NAME);
        CommandLine commandLine = commandLine();
        commandLine.setParameterExceptionHandler((e, given) -> usageError(e, json));
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command, parsed, json));
        commandLine.setExecutionStrategy(parsed -> {
            CliLogging.configure(verbose(parsed));
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            out.flush();
            err.flush();
        }
    }

    /** The command tree, in the order the usage lists it. */
    private CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LobbyGovernorCommand())
                .addSubcommand(new CommandLine(new DemoCommand(out, clock))
                        .addSubcommand(new ReplicasCommand(out, env.get(ReplicasCommand.URL_ENV))))
                .addSubcommand(new DashboardCommand(out, env, clock))
                .addSubcommand(new DoctorCommand(out, clock, localProbes, new SystemView(systemRoot, env)))
                .addSubcommand(new LobbiesCommand(out, env))
                .addSubcommand(new StatusCommand(out, env, clock, localProbes))
                .addSubcommand(new CleanupCommand(out, env, clock))
                .addSubcommand(new CommandLine.HelpCommand());
        // set after the commands are added: these settings reach the commands present now
        return commandLine
                .setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                .setExpandAtFiles(false);
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private int usageError(ParameterException e, boolean json) {
        String message = describe(e);
        if (json) {
            return printJsonError(message, ExitCode.USAGE);
        }
        err.println("lobby-governor: " + message);
        err.println();
        e.getCommandLine().usage(err);
        return ExitCode.USAGE;
    }

    /** Picocli's words for a stray word ("Unmatched argument at index 0") made specific. */
    private static String describe(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        CommandLine where = e.getCommandLine();
        String word = unmatched.getUnmatched().get(0);
        String message;
        if (unmatched.isUnknownOption()) {
            message = "unknown option " + word + (where.getParent() == null ? "" : " for " + where.getCommandName());
        } else if (where.getParent() == null) {
            message = "unknown command '" + word + "'";
        } else {
            message = "unexpected argument '" + word + "' for " + where.getCommandName();
        }
        List<String> suggestions = unmatched.getSuggestions();
        return suggestions.isEmpty() ? message : message + " (did you mean " + String.join(" or ", suggestions) + "?)";
    }

    private int failed(Exception e, CommandLine command, ParseResult parsed, boolean json) {
        String message;
        int code;
        if (e instanceof CommandFailure failure) {
            message = failure.getMessage();
            code = failure.exitCode();
        } else {
            // not a failure the command foresaw: say which command and what, keep the trace for -v
            message = command.getCommandName() + " failed: " + e;
            code = ExitCode.FAILED;
            if (verbose(parsed)) {
                e.printStackTrace(err);
            }
        }
        if (json) {
            return printJsonError(message, code);
        }
        err.println("lobby-governor: " + message);
        return code;
    }

    private int printJsonError(String message, int code) {
        ObjectNode error = GpuJson.MAPPER.createObjectNode();
        error.put("error", message);
        error.put("exitCode", code);
        out.println(GpuJson.write(error));
        return code;
    }
}
