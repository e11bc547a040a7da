package dev.lobbygovernor.core.gpu.internal;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds how long a caller waits for a probe. The call runs on one daemon worker thread per
 * decorated probe, started on first use; a caller waits at most the timeout, then gets TIMEOUT.
 *
 * <p>NVML and nvidia-smi can hang inside the driver, and a thread stuck in native code cannot be
 * stopped. So a call still running past its timeout keeps the worker, and later calls fail fast
 * with TIMEOUT ("previous call still running for N s") instead of starting more threads: at most
 * one abandoned call is outstanding, however often the probe is asked. Callers that arrive while
 * a call runs, not yet past its timeout, wait for that call instead of queueing another.
 */
public final class TimeoutProbe implements GpuProbe {

    private final GpuProbe delegate;
    private final long timeoutNanos;
    private final Object lock = new Object();
    private ExecutorService worker;
    private InFlight inFlight;
    private boolean closed;

    /** A call on the worker: its result and when it started. */
    private record InFlight(CompletableFuture<GpuSample> result, long startedNanos, Future<?> task) {
    }

    /** Wraps {@code delegate}; {@code timeout} must be positive. */
    public TimeoutProbe(GpuProbe delegate, Duration timeout) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe timeout must be positive, was " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public GpuSample sample() throws ProbeException {
        long arrived = System.nanoTime();
        InFlight call;
        synchronized (lock) {
            if (closed) {
                throw new ProbeException(name(), ProbeFailureCause.UNKNOWN,
                        "GPU probe " + name() + " is closed", "");
            }
            call = inFlight;
            if (call != null && arrived - call.startedNanos() >= timeoutNanos) {
                throw stillRunning(arrived - call.startedNanos());
            }
            if (call == null) {
                call = start(arrived);
            }
        }
        return await(call, arrived);
    }

    private InFlight start(long now) {
        if (worker == null) {
            String threadName = "lobby-governor-probe-" + name();
            // One thread, created on the first call, kept until close(); never more than one.
            worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, threadName);
                        t.setDaemon(true);
                        return t;
                    });
        }
        CompletableFuture<GpuSample> result = new CompletableFuture<>();
        Future<?> task = worker.submit(() -> run(result));
        inFlight = new InFlight(result, now, task);
        return inFlight;
    }

    private void run(CompletableFuture<GpuSample> result) {
        try {
            result.complete(delegate.sample());
        } catch (Throwable t) {
            result.completeExceptionally(Failures.unexpected(name(), t));
        } finally {
            synchronized (lock) {
                // start() holds the lock until inFlight is set, so this sees its own call.
                if (inFlight != null && inFlight.result() == result) {
                    inFlight = null;
                }
            }
        }
    }

    private GpuSample await(InFlight call, long arrived) throws ProbeException {
        long remaining = timeoutNanos - (System.nanoTime() - arrived);
        try {
            return call.result().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Interrupt the worker so a probe that waits interruptibly (a subprocess) can give up;
            // a call stuck in native code ignores it and keeps the worker, which is the point.
            call.task().cancel(true);
            throw new ProbeException(name(), ProbeFailureCause.TIMEOUT,
                    "GPU probe " + name() + " did not answer within " + millis(timeoutNanos)
                            + " ms; the driver may be hung", "");
        } catch (ExecutionException e) {
            throw Failures.unexpected(name(), e.getCause());
        } catch (InterruptedException e) {
            throw Failures.interrupted(name(), e);
        }
    }

    private ProbeException stillRunning(long runningNanos) {
        String seconds = String.format(Locale.ROOT, "%.1f", runningNanos / 1e9);
        return new ProbeException(name(), ProbeFailureCause.TIMEOUT,
                "GPU probe " + name() + ": previous call still running for " + seconds
                        + " s (timeout " + millis(timeoutNanos) + " ms); not starting another", "");
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Stops the worker (interrupting a stuck call) and closes the wrapped probe. */
    @Override
    public void close() {
        ExecutorService w;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            w = worker;
            worker = null;
        }
        if (w != null) {
            w.shutdownNow();
        }
        delegate.close();
    }
}
