package dev.lobbygovernor.benchmarks;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The admission regression guard: runs {@link AdmissionBenchmark#governorAcquireRelease()} and
 * its semaphore floor side by side, prints both, and exits 1 if acquire + close costs more than
 * {@value #LIMIT_NANOS} ns on one thread. Admission happens a few times a minute, so the guard
 * is a ceiling that catches an accidental I/O or lock on the hot path, not a race for
 * nanoseconds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.lobbygovernor.benchmarks.AdmissionGuard}.
 */
public final class AdmissionGuard {

    /**
     * The ceiling for one single-threaded acquire + close with a warm listing. An acquire writes
     * its reservation (PIN and unique name) to the store before it returns and draws the entropy
     * for both, about 1.2 µs with the in-memory store; 5 µs leaves room for a noisy machine and
     * still catches an accidental wait or network call, which costs tens of microseconds at least.
     */
    static final double LIMIT_NANOS = 5_000;

    private AdmissionGuard() {
    }

    /**
     * Runs the guard.
     *
     * @param args ignored
     * @throws RunnerException if JMH cannot run
     */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(AdmissionBenchmark.class.getName() + ".(governorAcquireRelease|semaphoreBaseline)$")
                .forks(1).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double governor = score(results, "governorAcquireRelease");
        double floor = score(results, "semaphoreBaseline");
        System.out.printf("admission acquire + close: %.1f ns/op; semaphore floor %.1f ns/op; ratio %.2fx; limit %.0f ns%n",
                governor, floor, governor / floor, LIMIT_NANOS);
        if (governor > LIMIT_NANOS) {
            System.out.println("FAILED: admission acquire + close is above the limit");
            System.exit(1);
        }
        System.out.println("OK");
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method))
                .getPrimaryResult().getScore();
    }
}
