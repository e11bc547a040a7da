package dev.lobbygovernor.testing;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link GpuProbe} that plays a script: samples (taken "now" on the given clock), failures,
 * exceptions, calls that block. Steps play in order; the last one repeats once the script runs
 * out. Counts calls, concurrent calls and closes. Thread-safe.
 *
 * <pre>{@code
 * var nvml = new ScriptedGpuProbe("nvml", clock).thenPlausible()
 *         .thenFail(ProbeFailureCause.INIT_FAILED, "Failed to initialize NVML: Unknown Error");
 * }</pre>
 */
public final class ScriptedGpuProbe implements GpuProbe {

    /** The text nvidia-smi and NVML gave in the incident. */
    public static final String NVML_UNKNOWN_ERROR = "Failed to initialize NVML: Unknown Error";

    /** One scripted answer. */
    @FunctionalInterface
    private interface Step {
        GpuSample play(Instant now) throws ProbeException, InterruptedException;
    }

    private final String name;
    private final Clock clock;
    private final List<Step> script = new ArrayList<>();
    private int next;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();

    /** A probe named {@code name} whose samples are taken at {@code clock}'s time; add steps next. */
    public ScriptedGpuProbe(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    /** A plausible sample ({@link GpuSamples#plausible(String, Instant)}). */
    public ScriptedGpuProbe thenPlausible() {
        return then(now -> GpuSamples.plausible(name, now));
    }

    /** The incident's all-zero sample ({@link GpuSamples#allZero}). */
    public ScriptedGpuProbe thenAllZero() {
        return then(now -> GpuSamples.allZero(name, now));
    }

    /** A sample made from the current time. */
    public ScriptedGpuProbe thenSample(Function<Instant, GpuSample> sample) {
        return then(sample::apply);
    }

    /** A failure with this cause and raw text. */
    public ScriptedGpuProbe thenFail(ProbeFailureCause cause, String rawMessage) {
        return then(now -> {
            throw new ProbeException(name, cause, "scripted " + cause + " failure of " + name, rawMessage);
        });
    }

    /** NVML's "Unknown Error" on init, as in the incident. */
    public ScriptedGpuProbe thenNvmlUnknownError() {
        return thenFail(ProbeFailureCause.INIT_FAILED, NVML_UNKNOWN_ERROR);
    }

    /** A bug: the probe throws an unchecked exception. */
    public ScriptedGpuProbe thenThrow(RuntimeException e) {
        return then(now -> {
            throw e;
        });
    }

    /** The call blocks until {@code release} opens (or the thread is interrupted), then samples. */
    public ScriptedGpuProbe thenBlockUntil(CountDownLatch release) {
        return then(now -> {
            release.await();
            return GpuSamples.plausible(name, clock.instant());
        });
    }

    /** The call blocks forever, ignoring interrupts, as a call stuck in a wedged driver does. */
    public ScriptedGpuProbe thenHangUninterruptibly(CountDownLatch release) {
        return then(now -> {
            boolean interrupted = false;
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return GpuSamples.plausible(name, clock.instant());
        });
    }

    /** Repeats the last added step so that it plays {@code n} times in all. */
    public synchronized ScriptedGpuProbe times(int n) {
        Step last = script.get(script.size() - 1);
        for (int i = 1; i < n; i++) {
            script.add(last);
        }
        return this;
    }

    /** Drops the steps not yet played; add new ones after. */
    public synchronized ScriptedGpuProbe clearScript() {
        script.subList(Math.min(next, script.size()), script.size()).clear();
        return this;
    }

    private synchronized ScriptedGpuProbe then(Step step) {
        script.add(step);
        return this;
    }

    private synchronized Step nextStep() {
        if (script.isEmpty()) {
            throw new IllegalStateException("ScriptedGpuProbe " + name + " has no script");
        }
        Step step = script.get(Math.min(next, script.size() - 1));
        if (next < script.size()) {
            next++;
        }
        return step;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GpuSample sample() throws ProbeException {
        calls.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            return nextStep().play(clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException(name, ProbeFailureCause.UNKNOWN, "interrupted", "");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Calls so far. */
    public int calls() {
        return calls.get();
    }

    /** The most calls that ran at the same time. */
    public int maxConcurrentCalls() {
        return maxConcurrent.get();
    }

    /** How often {@link #close()} was called. */
    public int closes() {
        return closes.get();
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
