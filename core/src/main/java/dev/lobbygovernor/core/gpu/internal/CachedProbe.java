package dev.lobbygovernor.core.gpu.internal;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the latest outcome, sample or failure, for a time-to-live measured on an injected clock.
 * Failures are cached too: a broken driver is not asked again by every caller. A failure that
 * comes with the refreshing caller's interrupt is not cached: it says the caller is stopping (a
 * monitor closed with {@code shutdownNow}), not that the GPU is broken, and caching it would show
 * every other caller a false failure for the whole TTL.
 *
 * <p>Refreshes are serialised: callers that find the entry expired while another caller refreshes
 * it wait for that refresh and take its outcome, so one TTL costs one underlying call however
 * many callers arrive. A clock that moves backwards expires the entry.
 */
public final class CachedProbe implements GpuProbe {

    private final GpuProbe delegate;
    private final Duration ttl;
    private final Clock clock;
    private final ReentrantLock refresh = new ReentrantLock();
    private volatile Entry entry;

    /** An outcome and when it was obtained; exactly one of sample and failure is set. */
    private record Entry(GpuSample sample, ProbeException failure, Instant at) {
        /**
         * What the TTL is measured from: when the reading was taken, if earlier than its
         * arrival, so that no reading is handed back older than the TTL (the health classifier
         * judges staleness by the same time).
         */
        Instant since() {
            return sample != null && sample.takenAt().isBefore(at) ? sample.takenAt() : at;
        }

        GpuSample get() throws ProbeException {
            if (failure != null) {
                throw failure;
            }
            return sample;
        }
    }

    /**
     * Wraps {@code delegate}; {@code ttl} must be positive.
     *
     * @param delegate the probe whose outcomes are kept; closed with this one
     * @param ttl how long an outcome is reused
     * @param clock the clock the TTL is measured on
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     */
    public CachedProbe(GpuProbe delegate, Duration ttl, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache TTL must be positive, was " + ttl);
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public GpuSample sample() throws ProbeException {
        Entry e = entry;
        if (fresh(e)) {
            return e.get();
        }
        try {
            refresh.lockInterruptibly();
        } catch (InterruptedException ie) {
            throw Failures.interrupted(name(), ie);
        }
        try {
            e = entry;
            if (!fresh(e)) {
                e = load();
                if (e.failure() != null && Thread.currentThread().isInterrupted()) {
                    // The interrupt stays set for the caller; the next caller refreshes afresh.
                    throw e.failure();
                }
                entry = e;
            }
        } finally {
            refresh.unlock();
        }
        return e.get();
    }

    private Entry load() {
        try {
            return new Entry(delegate.sample(), null, clock.instant());
        } catch (Throwable t) {
            return new Entry(null, Failures.unexpected(name(), t), clock.instant());
        }
    }

    private boolean fresh(Entry e) {
        if (e == null) {
            return false;
        }
        Instant now = clock.instant();
        return !now.isBefore(e.at()) && now.isBefore(e.since().plus(ttl));
    }

    /**
     * The TTL, or what the wrapped probe may return if that is older: a reading is reused only
     * while younger than the TTL, measured from when it was taken.
     */
    @Override
    public Duration maxReadingAge() {
        Duration inner = delegate.maxReadingAge();
        return inner.compareTo(ttl) > 0 ? inner : ttl;
    }

    /** Closes the wrapped probe. */
    @Override
    public void close() {
        delegate.close();
    }
}
