package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.model.Lobby;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code demo}: replays the incident ({@link IncidentReplay}) on the embedded defaults, prints
 * the timeline, the checked expectations and a final table, and exits 0 only if every
 * expectation held.
 */
@Command(name = "demo",
        description = {"Replay the incident on an embedded Wolf simulator and check that the governor "
                + "refuses, warns, detects and cleans up."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.USAGE_LINE, ExitCode.FAILED_LINE})
final class DemoCommand implements Callable<Integer> {

    /** Fixed, so that every run creates the same PINs; they are never printed. */
    static final long PIN_SEED = 20240612L;

    private final PrintStream out;
    private final Clock clock;

    @Mixin
    HelpOption help;

    DemoCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        try {
            return execute().allHeld() ? ExitCode.OK : ExitCode.FAILED;
        } catch (IOException | WolfException | RuntimeException e) {
            out.println("demo failed: " + e);
            return ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("demo interrupted");
            return ExitCode.FAILED;
        }
    }

    /** Runs the replay; everything printed also goes into the report, to check it for secrets. */
    DemoReport execute() throws IOException, InterruptedException, WolfException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8);
        both.println("Lobby Governor demo: the incident replayed on a simulated "
                + "NVIDIA RTX 2000 Ada (16380 MiB), NVML breaks at " + DemoWorld.NVML_BREAKS_AT
                + " lobbies, the GPU stack at " + DemoWorld.GPU_STACK_FAILS_AT);
        Timeline timeline = new Timeline(both, clock);
        Expectations expect = new Expectations();
        try (DemoWorld world = DemoWorld.start(clock, timeline)) {
            // the first call over the socket also warms the client up, before anything is timed
            timeline.add("wolf", "simulator listening on " + world.sim.socketPath() + "; it runs "
                    + world.client.listLobbies().size() + " lobbies");
            IncidentReplay replay = new IncidentReplay(world, timeline, expect, PIN_SEED);
            replay.admitUntilRefused();
            IncidentReplay.DetectionFacts detection = replay.leakAndLoseMonitoring();
            replay.refuseWhileBlind();
            List<CleanupOutcome> cleanup = replay.deleteProjectAndClean(detection.leakedLobbyId());
            world.monitor.close();
            HostStatus host = world.governor.status().host(DemoWorld.HOST).orElseThrow();
            List<String> running = world.client.listLobbies().stream().map(Lobby::id).toList();
            List<String> records = world.store.allLobbies().stream().map(LobbyRecord::lobbyId).toList();
            both.println();
            both.printf("host %s: %d/%d lobbies, health %s, monitoring %s%n", host.hostId(), host.active(),
                    host.cap(), host.healthStatus(), host.monitoringWorking() ? "working" : "NOT working"
                            + " (NVML stays broken until Wolf restarts, as in the incident)");
            DemoReport draft = report(timeline, expect, replay, detection, cleanup, running, records, "");
            FinalTable.print(both, draft);
            both.println();
            String printed = copy.toString(StandardCharsets.UTF_8);
            expect.check("no PIN appears in the demo's output", noPinIn(printed, replay.pins()),
                    "a PIN was printed");
            expect.print(both);
            both.println(expect.allHeld() ? "demo: every expectation held"
                    : "demo: FAILED: " + expect.failed().size() + " expectation(s) did not hold");
            return report(timeline, expect, replay, detection, cleanup, running, records,
                    copy.toString(StandardCharsets.UTF_8));
        }
    }

    private static DemoReport report(Timeline timeline, Expectations expect, IncidentReplay replay,
            IncidentReplay.DetectionFacts d, List<CleanupOutcome> cleanup, List<String> running,
            List<String> records, String output) {
        return new DemoReport(timeline.entries(), expect.all(), replay.attempts(), d.leakedLobbyId(),
                d.latency(), d.probeCalls(), d.lostEvents(), d.pollsAfter(), cleanup, running, records,
                replay.pins(), output);
    }

    static boolean noPinIn(String text, List<LobbyPin> pins) {
        return pins.stream().map(LobbyPin::reveal).noneMatch(text::contains);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
