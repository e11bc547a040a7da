package dev.lobbygovernor.benchmarks;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.smi.NvidiaSmiGpuProbe;
import dev.lobbygovernor.smi.SmiCsvParser;
import dev.lobbygovernor.smi.SmiProbeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the nvidia-smi probe costs, to set beside {@code NvmlProbeBenchmark}:
 * {@link #parseEightGpuCsv} parses one 8-GPU answer (the probe's own field list, as
 * {@code --format=csv,nounits} prints it); {@link #probeRunOfFakeNvidiaSmi} is one full
 * {@link NvidiaSmiGpuProbe#sample()} against a shell script that prints the same answer, so it
 * measures process spawn, pipe draining, exit and parse, everything except NVML's own start-up
 * inside a real nvidia-smi (tens to hundreds of milliseconds on a GPU host).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SmiParseBenchmark {

    private static final Instant TAKEN = Instant.parse("2026-01-01T00:00:00Z");

    private String eightGpuCsv;
    private Path dir;
    private NvidiaSmiGpuProbe probe;

    /** Builds the answer, writes the fake nvidia-smi, and makes a probe that runs it. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringBuilder csv = new StringBuilder("index, uuid, name, memory.total [MiB], memory.used [MiB], "
                + "memory.free [MiB], utilization.gpu [%], utilization.memory [%], utilization.encoder [%], "
                + "temperature.gpu, power.draw [W], encoder.stats.sessionCount, encoder.stats.averageFps, "
                + "encoder.stats.averageLatency\n");
        StringBuilder script = new StringBuilder("#!/bin/sh\n# prints an 8-GPU answer with the shell's printf builtin\n"
                + "printf '%s\\n' \\\n");
        for (int i = 0; i < 8; i++) {
            String line = i + ", GPU-6f1c2d3e-0000-4000-8000-00000000000" + i + ", NVIDIA L40S, 46068, "
                    + (1235 + i * 100) + ", " + (44225 - i * 100) + ", " + (9 + i) + ", 2, 60, " + (54 + i)
                    + ", 110.23, 2, 237, 4271133";
            csv.append(line).append('\n');
        }
        eightGpuCsv = csv.toString();
        for (String line : eightGpuCsv.split("\n")) {
            script.append("  '").append(line).append("' \\\n");
        }
        script.append("\n");
        dir = Files.createTempDirectory("smi-benchmark");
        Path fake = dir.resolve("nvidia-smi");
        Files.writeString(fake, script, StandardCharsets.UTF_8);
        if (!fake.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + fake + " executable");
        }
        probe = new NvidiaSmiGpuProbe(SmiProbeConfig.builder().executable(fake.toString()).build(), Clock.systemUTC());
    }

    /** Removes the fake nvidia-smi. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        probe.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Parsing one 8-GPU answer. */
    @Benchmark
    public GpuSample parseEightGpuCsv() throws ProbeException {
        return SmiCsvParser.parse(eightGpuCsv, "benchmark", TAKEN);
    }

    /** One probe run: spawn the fake nvidia-smi, drain its output, wait for it, parse. */
    @Benchmark
    public GpuSample probeRunOfFakeNvidiaSmi() throws ProbeException {
        return probe.sample();
    }
}
