package dev.lobbygovernor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dashboard}: serves the live page over a real Wolf (read-only: it creates and stops
 * nothing) or, with {@code --demo}, over a simulated host that fills up and then loses its GPU
 * monitoring. Runs until interrupted.
 */
@Command(name = "dashboard",
        description = {"Serve the live dashboard over a Wolf socket (read-only), or with --demo over a "
                + "simulated host that fills up, then loses GPU monitoring."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.USAGE_LINE, ExitCode.FAILED_LINE})
final class DashboardCommand implements Callable<Integer> {

    private final PrintStream out;
    private final Map<String, String> env;
    private final Clock clock;

    @Mixin
    HelpOption help;

    @Mixin
    WolfSocketOption wolf;

    @Option(names = "--demo", description = "Watch a simulated host fill up instead of a real Wolf.")
    boolean demo;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090",
            description = "The port to serve on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to serve on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    DashboardCommand(PrintStream out, Map<String, String> env, Clock clock) {
        this.out = out;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(bind, port);
        if (demo) {
            try (DashboardDemo world = new DashboardDemo(clock);
                    DashboardServer server = DashboardServer.start(world.feed, address)) {
                out.println("Dashboard of a simulated host at " + server.uri() + " (Ctrl-C to stop)");
                untilInterrupted();
            }
            return ExitCode.OK;
        }
        Path socket = wolf.resolve(env);
        try (WolfDashboard view = new WolfDashboard(socket, clock);
                DashboardServer server = DashboardServer.start(view.feed, address)) {
            out.println("Dashboard of Wolf at " + view.endpoint() + " on " + server.uri() + " (Ctrl-C to stop)");
            untilInterrupted();
        }
        return ExitCode.OK;
    }

    /** Blocks until the JVM shuts down (Ctrl-C); the try-with-resources above then closes all. */
    private static void untilInterrupted() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "lobby-governor-dashboard-stop"));
        stop.await();
    }
}
