package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.TransportSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * When a call to Wolf must be over, all of it: connecting, sending, the whole reply, and any
 * retries. A read gets the short listing deadline, a call that changes state the long request
 * deadline ({@link TransportSettings}).
 *
 * @param at the deadline, in {@link System#nanoTime()} terms
 * @param timeout the timeout it was set from, for messages
 */
public record CallDeadline(long at, Duration timeout) {

    /**
     * Checks the timeout.
     *
     * @param at the deadline, in {@link System#nanoTime()} terms
     * @param timeout the timeout it was set from; not null
     */
    public CallDeadline {
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The deadline {@code timeout} from now.
     *
     * @param timeout a positive timeout
     * @return the deadline
     */
    public static CallDeadline after(Duration timeout) {
        return new CallDeadline(Deadlines.deadline(System.nanoTime(), timeout), timeout);
    }

    /**
     * The deadline of {@code request} from now: the listing deadline for a read, the request
     * deadline for a call that changes state.
     *
     * @param request the request
     * @param settings the timeouts
     * @return the deadline
     */
    public static CallDeadline of(WolfRequest request, TransportSettings settings) {
        return after(request.idempotent() ? settings.effectiveListingTimeout()
                : settings.requestTimeout());
    }

    /**
     * The time left.
     *
     * @return nanoseconds until the deadline; zero or less once it passed
     */
    public long remainingNanos() {
        return at - System.nanoTime();
    }
}
