package dev.lobbygovernor.wolf.sim;

import dev.lobbygovernor.wolf.sim.internal.FaultPlan;
import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for a running {@link WolfSimulator}: added latency and per-connection
 * {@link Fault}s. Thread-safe; changes apply to the next request read.
 *
 * <p>Faults queued with {@link #next(Fault, int)} are used up in order, one per request
 * (event-stream requests included); a fault set with {@link #always(Fault)} applies to every
 * request after the queue is empty, until {@link #clear()}.
 */
public final class Faults {

    private final FaultPlan plan;

    Faults(FaultPlan plan) {
        this.plan = plan;
    }

    /**
     * Delays every reply by {@code delay} (after the request was read), as a slow or wedged
     * Wolf would. {@link Duration#ZERO} removes the delay.
     *
     * @param delay the delay
     * @return these faults, for chaining
     * @throws NullPointerException if {@code delay} is null
     * @throws IllegalArgumentException if the delay is negative
     */
    public Faults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        plan.latency(delay);
        return this;
    }

    /**
     * Applies {@code fault} to the next {@code times} requests.
     *
     * @param fault the fault
     * @param times how many requests it applies to
     * @return these faults, for chaining
     * @throws NullPointerException if {@code fault} is null
     * @throws IllegalArgumentException if {@code times} is not positive
     */
    public Faults next(Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive");
        }
        plan.next(fault, times);
        return this;
    }

    /**
     * Applies {@code fault} to every request until {@link #clear()}.
     *
     * @param fault the fault
     * @return these faults, for chaining
     * @throws NullPointerException if {@code fault} is null
     */
    public Faults always(Fault fault) {
        plan.always(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /**
     * Removes every fault and the latency; connections held by {@link Fault#NEVER_ANSWER}
     * are closed.
     *
     * @return these faults, for chaining
     */
    public Faults clear() {
        plan.clear();
        return this;
    }

    /**
     * The configured latency.
     *
     * @return the delay before every reply; zero for none
     */
    public Duration latency() {
        return plan.latency();
    }
}
