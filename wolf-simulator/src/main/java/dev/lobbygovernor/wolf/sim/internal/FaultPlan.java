package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.sim.Fault;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The faults a test asked for, as the connection handlers use them: the latency, the queue of
 * one-shot faults, the standing fault, and a generation that {@link #clear()} moves on so a
 * held connection knows it may go. Thread-safe. Tests set it through
 * {@link dev.lobbygovernor.wolf.sim.Faults}, which validates.
 */
public final class FaultPlan {

    private final Deque<Fault> queued = new ArrayDeque<>();
    private Fault always;
    private Duration latency = Duration.ZERO;
    private long clearedGeneration;

    /**
     * Sets the delay before every reply.
     *
     * @param delay the delay, not negative
     */
    public synchronized void latency(Duration delay) {
        latency = delay;
    }

    /**
     * The delay before every reply.
     *
     * @return the delay; zero for none
     */
    public synchronized Duration latency() {
        return latency;
    }

    /**
     * Queues {@code fault} for the next {@code times} requests.
     *
     * @param fault the fault
     * @param times how many requests it applies to
     */
    public synchronized void next(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            queued.addLast(fault);
        }
    }

    /**
     * Applies {@code fault} to every request once the queue is empty.
     *
     * @param fault the standing fault
     */
    public synchronized void always(Fault fault) {
        always = fault;
    }

    /** Drops every fault and the latency, and releases held connections. */
    public synchronized void clear() {
        queued.clear();
        always = null;
        latency = Duration.ZERO;
        clearedGeneration++;
        notifyAll();
    }

    /**
     * Takes the fault for the request just read.
     *
     * @return the next queued fault, else the standing one, else empty
     */
    public synchronized Optional<Fault> take() {
        Fault fault = queued.pollFirst();
        return Optional.ofNullable(fault != null ? fault : always);
    }

    /**
     * The count of {@link #clear()} calls so far, to tell a held connection it may go.
     *
     * @return the generation
     */
    public synchronized long generation() {
        return clearedGeneration;
    }

    /**
     * Blocks while no {@link #clear()} happened since {@code generation}, or until
     * interrupted or {@code maxWait} passes.
     *
     * @param generation the generation seen when the connection was held
     * @param maxWait the longest wait
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized void awaitClear(long generation, Duration maxWait)
            throws InterruptedException {
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
