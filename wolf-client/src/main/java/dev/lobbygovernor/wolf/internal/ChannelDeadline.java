package dev.lobbygovernor.wolf.internal;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * The deadline of one {@link UnixConnection}: closes its channel, on the {@link Deadlines}
 * timer, when the time armed runs out, and remembers what the server failed to do in time.
 *
 * <p>A call arms it once ({@link #armCall}): the connect deadline first when it is the
 * earlier one, extended to the call's deadline if it fires after the connection was made.
 * Most calls end long before either, so one timer serves the whole call. An event stream
 * arms it per read ({@link #armRead}), up to when its next whole event is due. A timer that fires after it was replaced or cancelled
 * does nothing.
 */
final class ChannelDeadline {

    private enum State { ARMED_OR_IDLE, EXPIRED, ABANDONED }

    private final Deadlines deadlines;
    private final Closeable channel;
    private ScheduledFuture<?> timer;
    private long armings;
    private String waitingFor = "answer";
    private Duration limit = Duration.ZERO;
    private boolean extendable;
    private boolean extending;
    private long extendTo;
    private Duration extendedLimit;
    private String missed = "";
    private volatile State state = State.ARMED_OR_IDLE;

    ChannelDeadline(Deadlines deadlines, Closeable channel) {
        this.deadlines = deadlines;
        this.channel = channel;
    }

    /**
     * Arms the deadline of a call starting at {@code start}: connecting may take
     * {@code connectTimeout}, and the whole call must be over by {@code call}.
     *
     * @throws IllegalStateException if the client was closed
     */
    synchronized void armCall(long start, Duration connectTimeout, CallDeadline call) {
        long connectDeadline = Deadlines.deadline(start, connectTimeout);
        if (connectDeadline - call.at() < 0) {
            arm(connectDeadline, connectTimeout, "accept a connection");
            extendable = true;
            extendTo = call.at();
            extendedLimit = call.timeout();
        } else {
            arm(call.at(), call.timeout(), "accept a connection");
        }
    }

    /**
     * The connection is made: from now on the call waits for Wolf's answer, and an armed
     * connect deadline that fires extends to the call's.
     */
    synchronized void connected() {
        waitingFor = "answer";
        extending = extendable;
    }

    /**
     * Arms the deadline {@code until} for one read of an open-ended reply, whose next whole
     * event is due by then.
     *
     * @throws IllegalStateException if the client was closed
     */
    synchronized void armRead(long until, Duration idleTimeout) {
        arm(until, idleTimeout, "send an event or keep-alive");
    }

    private void arm(long deadline, Duration timeout, String what) {
        cancel();
        waitingFor = what;
        limit = timeout;
        schedule(deadline);
    }

    private void schedule(long deadline) {
        long arming = ++armings;
        timer = deadlines.after(deadline - System.nanoTime(), () -> expire(arming));
    }

    /** Cancels the armed deadline, if any. */
    synchronized void disarm() {
        cancel();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        extendable = false;
        extending = false;
        armings++;
    }

    /** Cancels the deadline for good: the connection is being closed by its owner. */
    synchronized void abandon() {
        cancel();
        if (state == State.ARMED_OR_IDLE) {
            state = State.ABANDONED;
        }
    }

    private void expire(long arming) {
        synchronized (this) {
            if (arming != armings || state != State.ARMED_OR_IDLE) {
                // replaced or cancelled while it fired: the caller has moved on
                return;
            }
            if (extending) {
                // the connect deadline passed after the connection was made
                extending = false;
                limit = extendedLimit;
                try {
                    schedule(extendTo);
                    return;
                } catch (IllegalStateException e) {
                    // the client was closed; it aborts this call itself
                    state = State.ABANDONED;
                }
            } else {
                missed = "did not " + waitingFor + " within " + text(limit);
                state = State.EXPIRED;
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            // a channel we are giving up on; the blocked call fails either way
        }
    }

    /** Whether the deadline passed (and closed the channel). */
    boolean expired() {
        return state == State.EXPIRED;
    }

    /** Whether the owner closed the connection. */
    boolean abandoned() {
        return state == State.ABANDONED;
    }

    /** What the server failed to do in time, such as {@code did not answer within 30 s}. */
    synchronized String missed() {
        return missed;
    }

    private static String text(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : d.toSeconds() + " s";
    }
}
