package dev.lobbygovernor.core.gpu.internal;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
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
 *
 * <p>The wrapped probe is never closed under a running call (closing NVML while a call is inside
 * it frees what the call uses): {@link #close()} closes it at once when idle, else the worker
 * closes it when the running call returns.
 */
public final class TimeoutProbe implements GpuProbe {

    private final GpuProbe delegate;
    private final long timeoutNanos;
    private final Object lock = new Object();
    private ExecutorService worker;
    private Call inFlight;
    private boolean closed;

    /**
     * Wraps {@code delegate}; {@code timeout} must be positive. No thread starts until the
     * first call.
     *
     * @param delegate the probe whose calls are bounded; closed with this one
     * @param timeout the longest a caller waits for one call
     * @throws NullPointerException if either argument is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
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
    public Duration maxReadingAge() {
        return delegate.maxReadingAge();
    }

    @Override
    public GpuSample sample() throws ProbeException {
        long arrived = System.nanoTime();
        Call call;
        synchronized (lock) {
            if (closed) {
                throw closedFailure();
            }
            call = inFlight;
            if (call != null && arrived - call.startedNanos >= timeoutNanos) {
                throw stillRunning(arrived - call.startedNanos);
            }
            if (call == null) {
                call = new Call(arrived);
                inFlight = call;
                worker().execute(call);
            }
        }
        return await(call, arrived);
    }

    private ExecutorService worker() {
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
        return worker;
    }

    private GpuSample await(Call call, long arrived) throws ProbeException {
        long remaining = timeoutNanos - (System.nanoTime() - arrived);
        try {
            return call.result.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.interrupt();
            throw new ProbeException(name(), ProbeFailureCause.TIMEOUT,
                    "GPU probe " + name() + " did not answer within " + millis(timeoutNanos)
                            + " ms; the driver may be hung", "");
        } catch (ExecutionException e) {
            throw Failures.unexpected(name(), e.getCause());
        } catch (InterruptedException e) {
            throw Failures.interrupted(name(), e);
        }
    }

    private ProbeException closedFailure() {
        return new ProbeException(name(), ProbeFailureCause.UNKNOWN, "GPU probe " + name() + " is closed", "");
    }

    private ProbeException stillRunning(long runningNanos) {
        long tenths = runningNanos / 100_000_000L; // plain arithmetic: this path must stay cheap
        String seconds = tenths / 10 + "." + tenths % 10;
        return new ProbeException(name(), ProbeFailureCause.TIMEOUT,
                "GPU probe " + name() + ": previous call still running for " + seconds
                        + " s (timeout " + millis(timeoutNanos) + " ms); not starting another", "");
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** One probe call on the worker. */
    private final class Call implements Runnable {
        final CompletableFuture<GpuSample> result = new CompletableFuture<>();
        final long startedNanos;
        private Thread runner; // guarded by lock: set while the delegate runs
        /** Guarded by lock: the caller gave up before the worker took this call up. */
        private boolean interruptPending;

        Call(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        @Override
        public void run() {
            boolean skip;
            synchronized (lock) {
                runner = Thread.currentThread();
                skip = closed; // taken off the queue just as close() ran: do not call a closing probe
                if (interruptPending) {
                    // the caller timed out before this worker started the call: the interrupt
                    // aimed at the call must still reach it, or a probe that waits interruptibly
                    // would keep the worker for good
                    runner.interrupt();
                }
            }
            GpuSample sample = null;
            Throwable failure = null;
            boolean closeDelegate;
            try {
                if (skip) {
                    failure = closedFailure();
                } else {
                    sample = delegate.sample();
                }
            } catch (Throwable t) {
                failure = Failures.unexpected(name(), t);
            } finally {
                // Leave the slot before completing: a caller woken by the result must find the
                // probe free, not join this finished call and read its result twice.
                synchronized (lock) {
                    runner = null;
                    if (inFlight == this) {
                        inFlight = null;
                    }
                    // close() saw this call in flight and left the closing to it (see close()).
                    closeDelegate = closed;
                }
                // An interrupt aimed at this call must not reach the next one.
                Thread.interrupted();
            }
            if (closeDelegate) {
                delegate.close();
            }
            if (failure == null) {
                result.complete(sample);
            } else {
                result.completeExceptionally(failure);
            }
        }

        /**
         * Interrupts the call if it still runs (or as soon as it starts, if the worker has not
         * taken it up yet), so a probe that waits interruptibly (for a
         * subprocess, say) can give up; a call stuck in native code ignores it and keeps the
         * worker, which is what the fail-fast path is for.
         */
        void interrupt() {
            synchronized (lock) {
                if (runner != null) {
                    runner.interrupt();
                } else {
                    interruptPending = true;
                }
            }
        }
    }

    /**
     * Stops the worker, interrupting a running call, and closes the wrapped probe: at once when no
     * call runs, else on the worker once the running call returns (a call stuck in native code for
     * good keeps the probe open rather than have it closed under it). Returns without waiting.
     */
    @Override
    public void close() {
        ExecutorService w;
        Call running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            w = worker;
            worker = null;
            // Decided under the lock the call leaves its slot under: either it is still in flight
            // and will see closed when it ends, or it is gone and nothing else will close.
            running = inFlight;
        }
        if (w != null) {
            List<Runnable> neverStarted = w.shutdownNow();
            if (running != null && neverStarted.contains(running)) {
                running.result.completeExceptionally(closedFailure());
                running = null;
            }
        }
        if (running == null) {
            delegate.close();
        }
    }
}
