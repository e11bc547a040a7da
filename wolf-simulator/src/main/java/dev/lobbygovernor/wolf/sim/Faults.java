package dev.lobbygovernor.wolf.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Fault injection for a running {@link WolfSimulator}: added latency and per-connection
 * {@link Fault}s. Thread-safe; changes apply to the next request read.
 *
 * <p>Faults queued with {@link #next(Fault, int)} are used up in order, one per request
 * (event-stream requests included); a fault set with {@link #always(Fault)} applies to every
 * request after the queue is empty, until {@link #clear()}.
 */
public final class Faults {

    private final Deque<Fault> queued = new ArrayDeque<>();
    private Fault always;
    private Duration latency = Duration.ZERO;
    private long clearedGeneration;

    Faults() {
    }

    /**
     * Delays every reply by {@code delay} (after the request was read), as a slow or wedged
     * Wolf would. {@link Duration#ZERO} removes the delay.
     *
     * @throws IllegalArgumentException if the delay is negative
     */
    public synchronized Faults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        latency = delay;
        return this;
    }

    /**
     * Applies {@code fault} to the next {@code times} requests.
     *
     * @throws IllegalArgumentException if {@code times} is not positive
     */
    public synchronized Faults next(Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive");
        }
        for (int i = 0; i < times; i++) {
            queued.addLast(fault);
        }
        return this;
    }

    /** Applies {@code fault} to every request until {@link #clear()}. */
    public synchronized Faults always(Fault fault) {
        always = Objects.requireNonNull(fault, "fault");
        return this;
    }

    /**
     * Removes every fault and the latency; connections held by {@link Fault#NEVER_ANSWER}
     * are closed.
     */
    public synchronized Faults clear() {
        queued.clear();
        always = null;
        latency = Duration.ZERO;
        clearedGeneration++;
        notifyAll();
        return this;
    }

    /** The configured latency. */
    public synchronized Duration latency() {
        return latency;
    }

    /** Takes the fault for the request just read, if any. */
    synchronized Optional<Fault> take() {
        Fault fault = queued.pollFirst();
        return Optional.ofNullable(fault != null ? fault : always);
    }

    /** The count of {@link #clear()} calls so far, to tell a held connection it may go. */
    synchronized long generation() {
        return clearedGeneration;
    }

    /**
     * Blocks while no {@link #clear()} happened since {@code generation}, or until
     * interrupted or {@code maxWait} passes.
     */
    synchronized void awaitClear(long generation, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (clearedGeneration == generation) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
