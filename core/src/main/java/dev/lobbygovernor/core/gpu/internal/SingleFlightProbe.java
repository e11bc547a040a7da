package dev.lobbygovernor.core.gpu.internal;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Concurrent callers share one in-flight call: the first caller runs the probe on its own thread,
 * the others wait for its result (sample or failure). Each nvidia-smi run initialises NVML afresh
 * and adds an NVML client, so many callers must not mean many runs.
 */
public final class SingleFlightProbe implements GpuProbe {

    private final GpuProbe delegate;
    private final Object lock = new Object();
    private CompletableFuture<GpuSample> inFlight;

    /**
     * Wraps {@code delegate}.
     *
     * @param delegate the probe whose calls are shared; closed with this one
     * @throws NullPointerException if {@code delegate} is null
     */
    public SingleFlightProbe(GpuProbe delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
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
        CompletableFuture<GpuSample> flight;
        boolean leader = false;
        synchronized (lock) {
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            flight = inFlight;
        }
        if (leader) {
            lead(flight);
        }
        try {
            return flight.get();
        } catch (ExecutionException e) {
            throw Failures.unexpected(name(), e.getCause());
        } catch (InterruptedException e) {
            throw Failures.interrupted(name(), e);
        }
    }

    private void lead(CompletableFuture<GpuSample> flight) {
        GpuSample sample = null;
        Throwable failure = null;
        try {
            sample = delegate.sample();
        } catch (Throwable t) {
            failure = Failures.unexpected(name(), t);
        } finally {
            // Clear before completing: a caller arriving after completion starts a new flight
            // rather than reading a result it did not wait for.
            synchronized (lock) {
                inFlight = null;
            }
        }
        if (failure == null) {
            flight.complete(sample);
        } else {
            flight.completeExceptionally(failure);
        }
    }

    /** Closes the wrapped probe. */
    @Override
    public void close() {
        delegate.close();
    }
}
