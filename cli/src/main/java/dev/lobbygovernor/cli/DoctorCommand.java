package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.GpuDoctor;
import dev.lobbygovernor.core.diagnosis.SystemView;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.HealthClassifier;
import dev.lobbygovernor.core.health.HealthThresholds;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.ProbeHistory;
import dev.lobbygovernor.core.health.ProbeOutcome;
import dev.lobbygovernor.smi.SmiCsvParser;
import dev.lobbygovernor.smi.SmiFieldError;
import dev.lobbygovernor.smi.SmiReading;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doctor}: reads this machine's GPU (NVML, then nvidia-smi), or a saved nvidia-smi CSV
 * ({@code --smi-csv FILE}), classifies the reading as the health monitor would, and prints
 * readings and health as text or JSON. On this machine it also runs {@link GpuDoctor}'s checks
 * of the NVIDIA stack (device nodes, device cgroup, NVML library, driver version, container
 * toolkit), whose findings name the cause of a failing NVML and what to do; a saved CSV comes
 * from another machine, so it gets none. The exit code follows the health (see
 * {@link ExitCode}), not the findings.
 */
@Command(name = "doctor",
        description = {"Probe this machine's GPU (NVML, then nvidia-smi), or read a saved nvidia-smi output, "
                + "and classify it as the health monitor would. On this machine, also check the NVIDIA stack "
                + "(device nodes, device cgroup, NVML library, driver version, container toolkit) and say "
                + "what to do about each problem."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.OK_LINE, ExitCode.USAGE_LINE, ExitCode.MONITORING_LOST_LINE,
            ExitCode.EXHAUSTED_LINE})
final class DoctorCommand implements Callable<Integer> {

    /** The host id in the classified health: doctor looks at the machine it runs on. */
    static final String HOST_ID = "localhost";
    /** Doctor knows no lobby count: nothing runs that it could count, and no cap applies. */
    private static final HostCapacity NO_LOBBIES = new HostCapacity(0, Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final PrintStream out;
    private final Clock clock;
    private final Supplier<List<GpuProbe>> localProbes;
    private final SystemView system;

    @Mixin
    HelpOption help;

    @Mixin
    JsonOption output;

    @Option(names = "--smi-csv", paramLabel = "FILE",
            description = "Classify a saved 'nvidia-smi --query-gpu=... --format=csv' output instead of "
                    + "probing this machine.")
    Path smiCsv;

    DoctorCommand(PrintStream out, Clock clock, Supplier<List<GpuProbe>> localProbes, SystemView system) {
        this.out = out;
        this.clock = clock;
        this.localProbes = localProbes;
        this.system = system;
    }

    /** What was read: a sample or a failure, plus what only a CSV file can add. */
    private record Reading(String source, ProbeOutcome outcome, List<ProbeException> failures,
            List<SmiFieldError> fieldErrors) {
    }

    @Override
    public Integer call() {
        Reading reading = smiCsv != null ? fromCsv(smiCsv) : fromProbes();
        Instant now = clock.instant();
        HealthClassifier classifier = new HealthClassifier(HealthThresholds.defaults());
        ProbeHistory history = classifier.record(ProbeHistory.empty(), reading.outcome(), NO_LOBBIES, now);
        HostHealth health = classifier.classify(HOST_ID, history, NO_LOBBIES, now);
        List<GpuDevice> devices = reading.outcome() instanceof ProbeOutcome.Sampled s
                ? s.sample().devices() : List.of();
        List<Finding> findings = smiCsv != null ? List.of() : GpuDoctor.examine(system);
        RenderNodesFound nodes = smiCsv != null ? null : RenderNodesFound.under(system.resolve("/"));
        if (output.json) {
            var json = GpuJson.doctor(reading.source(), devices, health, findings);
            if (nodes != null) {
                json.set("renderNodes", nodes.json(devices));
            }
            out.println(GpuJson.write(json));
        } else {
            DoctorText.print(out, reading.source(), devices, health, reading.failures(), reading.fieldErrors());
            FindingsText.print(out, findings, !health.monitoringWorking());
            if (nodes != null) {
                nodes.print(out, devices);
            }
        }
        return ExitCode.forHealth(health.status());
    }

    private Reading fromCsv(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new CommandFailure(ExitCode.USAGE,
                    "--smi-csv: cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
        String source = path.toString();
        try {
            SmiReading r = SmiCsvParser.read(text, source, clock.instant());
            return new Reading(source, ProbeOutcome.of(r.sample()), List.of(), r.fieldErrors());
        } catch (ProbeException e) {
            return new Reading(source, ProbeOutcome.failed(e, clock.instant()), List.of(e), List.of());
        }
    }

    private Reading fromProbes() {
        List<GpuProbe> probes = new ArrayList<>();
        localProbes.get().forEach(p -> probes.add(Probes.withTimeout(p, Probes.DEFAULT_TIMEOUT)));
        try (GpuProbe chain = Probes.fallback(probes)) {
            try {
                GpuSample sample = chain.sample();
                List<ProbeException> skipped = new ArrayList<>();
                sample.skippedFailures().forEach(f -> skipped.add(
                        new ProbeException(f.probeName(), f.cause(), f.message(), f.rawMessage())));
                return new Reading(sample.source(), ProbeOutcome.of(sample), skipped, List.of());
            } catch (ProbeException e) {
                return new Reading(e.probeName(), ProbeOutcome.failed(e, clock.instant()),
                        ProbeFailures.eachOf(e), List.of());
            }
        }
    }

}
