package dev.lobbygovernor.benchmarks;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The governor's admission path against three peers doing the same work: take one of five
 * slots and give it back. It is a regression guard, not a target: {@link AdmissionGuard} fails
 * above 5 µs per acquire + close on one thread. The governor runs with a warm listing cache on
 * one host (the runtime is asked again once per second, as configured by default) over the
 * in-memory store: each acquire writes its reservation there before it returns, and the close
 * (no create attempted) removes it. Each benchmark runs with one thread and with two
 * ({@code ...TwoThreads}) sharing the same limiter.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AdmissionBenchmark}. Compare each
 * peer's time per operation with {@code semaphoreBaseline} at the same thread count.
 * {@code clockReadBaseline} is the one piece of work the governor does that the peers do not:
 * it reads its {@link Clock} once per acquire (listing freshness and permit expiry need the
 * time), so the ratio to the semaphore cannot be lower than that read allows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AdmissionBenchmark {

    private static final int SLOTS = 5;

    private LobbyGovernor governor;
    private AdmissionRequest request;
    private Semaphore semaphore;
    private Bulkhead bulkhead;
    private Limiter<Void> limiter;
    private final Clock clock = Clock.systemUTC();

    /** A runtime that answers at once with the lobbies it was given: no I/O is measured. */
    private static final class StaticRuntime implements LobbyRuntime {
        private final List<LiveLobby> lobbies = List.of(new LiveLobby("running-1", "lobby", true, 1));

        @Override
        public List<LiveLobby> listLobbies() {
            return lobbies;
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
            throw new UnsupportedOperationException("not measured");
        }
    }

    /** Builds every limiter with five slots; warms the governor's listing cache. */
    @Setup(Level.Trial)
    public void setUp() {
        // one lobby already runs, so the governor really counts; cap 6 leaves five free slots like the peers
        governor = LobbyGovernor.builder()
                .store(new InMemorySessionStore())
                .host(Host.of("wolf-1", new StaticRuntime(), HostLimits.builder().staticCap(SLOTS + 1).build()))
                .build();
        request = AdmissionRequest.forSession("bench-session");
        governor.acquire(request).close();
        semaphore = new Semaphore(SLOTS);
        bulkhead = Bulkhead.of("bench", BulkheadConfig.custom()
                .maxConcurrentCalls(SLOTS).maxWaitDuration(Duration.ZERO).build());
        limiter = SimpleLimiter.newBuilder().limit(FixedLimit.of(SLOTS)).build();
    }

    private Permit governorOnce() {
        Permit permit = governor.acquire(request);
        permit.close();
        return permit;
    }

    private boolean semaphoreOnce() {
        if (semaphore.tryAcquire()) {
            semaphore.release();
            return true;
        }
        return false;
    }

    private boolean bulkheadOnce() {
        if (bulkhead.tryAcquirePermission()) {
            bulkhead.onComplete();
            return true;
        }
        return false;
    }

    private boolean limiterOnce() {
        Optional<Limiter.Listener> listener = limiter.acquire(null);
        listener.ifPresent(Limiter.Listener::onSuccess);
        return listener.isPresent();
    }

    /** Governor: acquire a permit on a warm host, close it. */
    @Benchmark
    @Threads(1)
    public Permit governorAcquireRelease() {
        return governorOnce();
    }

    /** The floor: {@code Semaphore.tryAcquire} then {@code release}. */
    @Benchmark
    @Threads(1)
    public boolean semaphoreBaseline() {
        return semaphoreOnce();
    }

    /** resilience4j: {@code tryAcquirePermission} then {@code onComplete}. */
    @Benchmark
    @Threads(1)
    public boolean resilience4jBulkhead() {
        return bulkheadOnce();
    }

    /** concurrency-limits: {@code SimpleLimiter} over a {@code FixedLimit}, acquire then onSuccess. */
    @Benchmark
    @Threads(1)
    public boolean concurrencyLimitsSimpleLimiter() {
        return limiterOnce();
    }

    /** The governor's default clock, read once: the floor under its per-acquire cost. */
    @Benchmark
    @Threads(1)
    public long clockReadBaseline() {
        return clock.millis();
    }

    /** {@link #governorAcquireRelease()} with two threads on one host. */
    @Benchmark
    @Threads(2)
    public Permit governorAcquireReleaseTwoThreads() {
        return governorOnce();
    }

    /** {@link #semaphoreBaseline()} with two threads. */
    @Benchmark
    @Threads(2)
    public boolean semaphoreBaselineTwoThreads() {
        return semaphoreOnce();
    }

    /** {@link #resilience4jBulkhead()} with two threads. */
    @Benchmark
    @Threads(2)
    public boolean resilience4jBulkheadTwoThreads() {
        return bulkheadOnce();
    }

    /** {@link #concurrencyLimitsSimpleLimiter()} with two threads. */
    @Benchmark
    @Threads(2)
    public boolean concurrencyLimitsSimpleLimiterTwoThreads() {
        return limiterOnce();
    }
}
