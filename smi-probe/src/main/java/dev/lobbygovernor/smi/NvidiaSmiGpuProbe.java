package dev.lobbygovernor.smi;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.smi.internal.ProcessRunner;
import dev.lobbygovernor.smi.internal.ProcessTree;
import dev.lobbygovernor.smi.internal.SmiTransitions;
import dev.lobbygovernor.smi.internal.Text;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GpuProbe} that runs {@code nvidia-smi --query-gpu=… --format=csv,nounits} and parses
 * its answer with {@link SmiCsvParser}; optionally also {@code --query-compute-apps}.
 *
 * <p>Never more than one nvidia-smi process per probe: each run initialises NVML afresh and adds
 * one more NVML client, the resource that ran out in the incident this library exists for.
 * Concurrent callers wait their turn (at most the timeout, then they fail with
 * {@link ProbeFailureCause#TIMEOUT}); cache and single-flight in front of this probe are the
 * caller's decorators. A run that passes the timeout is killed with every process it started;
 * if nvidia-smi survives even that (a process stuck in the driver cannot be killed), the probe
 * refuses to start another until it is gone.
 *
 * <p>Threads: each run reads nvidia-smi's stdout and stderr on two short-lived daemon threads
 * named {@code lobby-governor-nvidia-smi-drain}, which end when the pipes close; pass an
 * {@link Executor} to supply them yourself. A process that outlives nvidia-smi holding those
 * pipes open is killed once the timeout passes; if it cannot be killed, the probe starts no
 * other run until the pipes close, so at most one run's two threads ever wait on it.
 */
public final class NvidiaSmiGpuProbe implements GpuProbe {

    /** This probe's {@link #name()}. */
    public static final String NAME = "nvidia-smi";

    private static final Logger log = LoggerFactory.getLogger(NvidiaSmiGpuProbe.class);
    /**
     * How long a run waits for the pipe readers of an earlier run to end before refusing: a
     * process that held them open was just killed, and its pipes close a moment after it dies.
     */
    private static final Duration READERS_WAIT = Duration.ofMillis(200);

    private final SmiProbeConfig config;
    private final Clock clock;
    private final ProcessRunner runner;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    /** Guarded by {@link #oneAtATime}: a killed nvidia-smi that would not die. */
    private ProcessHandle stuck;
    /** Guarded by {@link #oneAtATime}: shrinks when an old nvidia-smi rejects an optional field. */
    private List<String> gpuFields = SmiCsvParser.GPU_FIELDS;
    /** Guarded by {@link #oneAtATime}: partial failures are logged when they start and end only. */
    private final SmiTransitions transitions = new SmiTransitions(NAME);
    private volatile boolean closed;

    /**
     * A probe with the given configuration; samples are stamped by {@code clock}.
     *
     * @param config how to run nvidia-smi
     * @param clock the clock that stamps each sample's {@code takenAt}
     */
    public NvidiaSmiGpuProbe(SmiProbeConfig config, Clock clock) {
        this(config, clock, ProcessRunner.daemonThreads("lobby-governor-nvidia-smi-drain"));
    }

    /**
     * A probe whose pipe readers run on {@code drainExecutor}. It must run each task at once on
     * its own thread (two per run, each lasting as long as the run).
     *
     * @param config how to run nvidia-smi
     * @param clock the clock that stamps each sample's {@code takenAt}
     * @param drainExecutor runs the two pipe readers of each run
     */
    public NvidiaSmiGpuProbe(SmiProbeConfig config, Clock clock, Executor drainExecutor) {
        this(config, clock, new ProcessRunner(drainExecutor, ProcessHandle::destroyForcibly));
    }

    NvidiaSmiGpuProbe(SmiProbeConfig config, Clock clock, ProcessRunner runner) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * A probe with {@link SmiProbeConfig#defaults()} and the UTC system clock.
     *
     * @return a new probe; starts nothing until sampled
     */
    public static NvidiaSmiGpuProbe withDefaults() {
        return new NvidiaSmiGpuProbe(SmiProbeConfig.defaults(), Clock.systemUTC());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The configuration this probe runs with.
     *
     * @return the configuration
     */
    public SmiProbeConfig config() {
        return config;
    }

    /**
     * Runs nvidia-smi once (twice with the process query) and parses the answer.
     *
     * @throws ProbeException typed by {@link SmiFailureClassifier} for a failing nvidia-smi;
     *     {@code LIBRARY_MISSING} if the executable is not there; {@code TIMEOUT} if it did not
     *     answer in time (or an earlier run is still stuck); {@code MALFORMED_OUTPUT} for output
     *     that cannot be parsed or floods past the cap; {@code UNKNOWN} after {@link #close()}
     */
    @Override
    public GpuSample sample() throws ProbeException {
        refuseIfClosed();
        acquireTurn();
        try {
            refuseIfClosed(); // closed while this caller waited its turn
            refuseWhileStuck();
            Instant takenAt = clock.instant();
            long start = System.nanoTime();
            SmiReading reading = queryGpus(takenAt);
            transitions.fieldErrors(reading.fieldErrors());
            GpuSample sample = reading.sample();
            if (config.queryProcesses() && !sample.devices().isEmpty()) {
                sample = withProcesses(sample);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new GpuSample(NAME, takenAt, took, sample.devices());
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Marks the probe closed; a run in progress finishes (it is bounded by the timeout). */
    @Override
    public void close() {
        closed = true;
    }

    private void refuseIfClosed() throws ProbeException {
        if (closed) {
            throw new ProbeException(NAME, ProbeFailureCause.UNKNOWN,
                    "nvidia-smi probe closed: sample() was called after close().", "");
        }
    }

    private void acquireTurn() throws ProbeException {
        long waitMs = config.timeout().plus(ProcessRunner.MAX_OVERRUN).plus(READERS_WAIT).toMillis();
        try {
            if (oneAtATime.tryLock(waitMs, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted("Interrupted while waiting for another nvidia-smi run of this probe to finish.");
        }
        throw new ProbeException(NAME, ProbeFailureCause.TIMEOUT, "Another nvidia-smi run of this probe is still "
                + "in progress after " + waitMs + " ms; not starting a second one.", "");
    }

    private void refuseWhileStuck() throws ProbeException {
        if (stuck != null && ProcessTree.isLive(stuck)) {
            throw new ProbeException(NAME, ProbeFailureCause.TIMEOUT, "A process of an earlier nvidia-smi run (pid "
                    + stuck.pid() + ") is still alive after being killed, most likely stuck in a wedged driver; "
                    + "not starting another. Check dmesg for Xid errors; the machine may need a GPU reset or a "
                    + "reboot.", "");
        }
        stuck = null;
        if (runner.readersStillOpen(READERS_WAIT)) {
            throw new ProbeException(NAME, ProbeFailureCause.TIMEOUT, "An earlier nvidia-smi run left a process "
                    + "holding its output open that could not be found or killed; not starting another until that "
                    + "output closes.", "");
        }
    }

    private SmiReading queryGpus(Instant takenAt) throws ProbeException {
        while (true) {
            ProcessRunner.Result r = run(List.of("--query-gpu=" + String.join(",", gpuFields), "--format=csv,nounits"));
            int exit = r.exitCode().orElse(-1);
            if (exit == 0 && !r.stdout().isBlank()) {
                SmiReading reading = SmiCsvParser.read(r.stdout(), NAME, takenAt);
                requireCompleteLastLine(r.stdout());
                return reading;
            }
            String said = said(r);
            if (SmiFailureClassifier.saysNoDevices(said)) {
                return new SmiReading(new GpuSample(NAME, takenAt, Duration.ZERO, List.of()), List.of());
            }
            if (exit == 0) {
                throw new ProbeException(NAME, ProbeFailureCause.MALFORMED_OUTPUT,
                        "nvidia-smi exited 0 but printed nothing on stdout.", Text.raw(said));
            }
            Optional<String> rejected = rejectedOptionalField(said);
            if (rejected.isEmpty()) {
                throw SmiFailureClassifier.classify(NAME, OptionalInt.of(exit), said);
            }
            List<String> fewer = new ArrayList<>(gpuFields);
            fewer.remove(rejected.get());
            gpuFields = List.copyOf(fewer);
            log.atInfo().addKeyValue("probe", NAME).addKeyValue("field", rejected.get())
                    .log("this nvidia-smi does not know a field; querying without it from now on");
        }
    }

    /**
     * nvidia-smi ends every line with a newline, so a last line without one was cut off, even
     * when it happens to hold as many fields as the header ({@code …, 16380, 67} for 6720).
     */
    private static void requireCompleteLastLine(String stdout) throws ProbeException {
        if (!stdout.endsWith("\n")) {
            String last = stdout.substring(stdout.lastIndexOf('\n') + 1);
            throw new ProbeException(NAME, ProbeFailureCause.MALFORMED_OUTPUT, "nvidia-smi output ends in the middle "
                    + "of a line (truncated): " + Text.quote(last), Text.raw(stdout));
        }
    }

    /** Old drivers reject newer fields: {@code Field "encoder.stats.sessionCount" is not a valid field to query.} */
    private Optional<String> rejectedOptionalField(String said) {
        for (String field : gpuFields) {
            if (!SmiCsvParser.REQUIRED_GPU_FIELDS.contains(field)
                    && said.contains("\"" + field + "\" is not a valid field")) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private GpuSample withProcesses(GpuSample sample) {
        try {
            ProcessRunner.Result r = run(List.of(
                    "--query-compute-apps=" + String.join(",", SmiCsvParser.PROCESS_FIELDS), "--format=csv,nounits"));
            if (r.exitCode().orElse(-1) != 0) {
                throw SmiFailureClassifier.classify(NAME, r.exitCode(), said(r));
            }
            GpuSample withApps = SmiCsvParser.withProcesses(sample, SmiCsvParser.parseComputeApps(r.stdout(), NAME));
            transitions.appsAnswered();
            return withApps;
        } catch (ProbeException e) {
            // The GPU reading stands; the next sample shows whether nvidia-smi itself is failing.
            transitions.appsFailed(e);
            return sample;
        }
    }

    private ProcessRunner.Result run(List<String> args) throws ProbeException {
        List<String> command = new ArrayList<>();
        command.add(config.executable());
        command.addAll(args);
        ProcessRunner.Result r;
        try {
            r = runner.run(command, config.timeout(), config.maxStdoutBytes(), config.maxStderrBytes());
        } catch (IOException e) {
            throw cannotStart(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted("Interrupted while running nvidia-smi; the run was killed.");
        }
        r.stuck().ifPresent(p -> stuck = p);
        switch (r.ending()) {
            case EXITED:
                return r;
            case TIMED_OUT:
                // DEBUG: the timeout travels in the ProbeException below, and the health monitor
                // logs it loudly once per transition; a WARN here would repeat on every sample.
                log.atDebug().addKeyValue("probe", NAME).addKeyValue("pid", r.pid())
                        .addKeyValue("timeoutMs", config.timeout().toMillis()).addKeyValue("killed", r.killed())
                        .log("nvidia-smi did not answer in time; killed it and the processes it started");
                throw new ProbeException(NAME, ProbeFailureCause.TIMEOUT, "nvidia-smi did not answer within "
                        + config.timeout().toMillis() + " ms and was killed. A hung nvidia-smi usually means a "
                        + "wedged driver: check dmesg for Xid errors.", Text.raw(said(r)));
            default:
                throw new ProbeException(NAME, ProbeFailureCause.MALFORMED_OUTPUT, "nvidia-smi printed more than "
                        + config.maxStdoutBytes() + " bytes on stdout or " + config.maxStderrBytes()
                        + " on stderr and was killed; its output starts " + Text.quote(Text.firstLine(said(r))),
                        Text.raw(said(r)));
        }
    }

    private ProbeException cannotStart(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("error=2,") || message.contains("error=2 ")) {
            return new ProbeException(NAME, ProbeFailureCause.LIBRARY_MISSING, "nvidia-smi was not found ('"
                    + config.executable() + "'). Install the NVIDIA driver utilities, put nvidia-smi on PATH, or "
                    + "configure its path.", message, e);
        }
        if (message.contains("error=13,")) {
            return new ProbeException(NAME, ProbeFailureCause.NO_PERMISSION, "nvidia-smi at '" + config.executable()
                    + "' may not be executed by this process (permission denied).", message, e);
        }
        return new ProbeException(NAME, ProbeFailureCause.UNKNOWN, "nvidia-smi could not be started: " + message,
                message, e);
    }

    private static ProbeException interrupted(String message) {
        return new ProbeException(NAME, ProbeFailureCause.UNKNOWN, message, "");
    }

    private static String said(ProcessRunner.Result r) {
        if (r.stderr().isBlank()) {
            return r.stdout();
        }
        return r.stdout().isBlank() ? r.stderr() : r.stdout() + "\n" + r.stderr();
    }
}
