package dev.lobbygovernor.benchmarks;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What health monitoring costs its callers: a cached sample (what every admission check that
 * asks for GPU state pays), a call through the timeout decorator's worker thread (what each
 * real probe call pays on top of the probe), and one classification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProbeHealthBenchmark {

    private static final Instant NOW = Instant.parse("2025-01-10T12:28:18Z");

    private GpuSample plausible;
    private GpuSample allZero;
    private GpuProbe standardHit;
    private GpuProbe timeoutOnly;
    private HealthClassifier classifier;
    private ProbeHistory goodHistory;
    private ProbeHistory badHistory;
    private HostCapacity capacity;

    @Setup
    public void setUp() {
        plausible = new GpuSample("nvml", NOW, Duration.ofMillis(3), List.of(new GpuDevice(0, "GPU-0",
                "NVIDIA RTX 2000 Ada Generation", 16380L, 2240L, 14140L, 23, 11, 18, 52, 31.5, 2, 60, 2100, List.of())));
        allZero = new GpuSample("wolf", NOW, Duration.ofMillis(3), List.of(new GpuDevice(0, "", "",
                0L, 0L, 0L, 0, 0, 0, 0, 0.0, 0, 0, 0, List.of())));
        GpuProbe fast = new GpuProbe() {
            @Override
            public String name() {
                return "bench";
            }

            @Override
            public GpuSample sample() {
                return plausible;
            }
        };
        // A fixed clock: every call after the first is a cache hit.
        standardHit = Probes.standard(fast, Clock.fixed(NOW, ZoneOffset.UTC));
        timeoutOnly = Probes.withTimeout(fast, Probes.DEFAULT_TIMEOUT);
        classifier = new HealthClassifier(HealthThresholds.defaults());
        capacity = new HostCapacity(3, 5, 4);
        goodHistory = classifier.record(ProbeHistory.empty(), ProbeOutcome.of(plausible), capacity, NOW);
        badHistory = classifier.record(goodHistory, ProbeOutcome.of(allZero), capacity, NOW);
    }

    @TearDown
    public void tearDown() {
        standardHit.close();
        timeoutOnly.close();
    }

    @Benchmark
    public GpuSample standardCachedHit() throws ProbeException {
        return standardHit.sample();
    }

    @Benchmark
    @Threads(8)
    public GpuSample standardCachedHit8Threads() throws ProbeException {
        return standardHit.sample();
    }

    @Benchmark
    public GpuSample callThroughTimeoutWorker() throws ProbeException {
        return timeoutOnly.sample();
    }

    @Benchmark
    public HostHealth classifyPlausibleSample() {
        return classifier.classify("wolf-1", goodHistory, capacity, NOW);
    }

    @Benchmark
    public HostHealth classifyIncidentAllZeroSample() {
        return classifier.classify("wolf-1", badHistory, capacity, NOW);
    }
}
