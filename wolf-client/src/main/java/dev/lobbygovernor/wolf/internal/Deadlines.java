package dev.lobbygovernor.wolf.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The timer behind the UNIX-socket transport's deadlines.
 *
 * <p>A blocking {@link java.nio.channels.SocketChannel} has no timeouts (and a UNIX-domain one
 * has no socket adaptor to set {@code SO_TIMEOUT} on), so a deadline is kept by closing the
 * channel when it passes: the blocked connect, write or read then fails at once. This timer
 * runs those closes.
 *
 * <p>One daemon thread, {@code lobby-governor-wolf-deadlines-N}, started by the first deadline
 * and ended after {@link #IDLE_KEEP_ALIVE_SECONDS} without one, so an idle client holds no
 * thread; {@link #close()} ends it for good. Each transport owns one, so the thread belongs to
 * one {@code WolfClient} and stops when that client is closed.
 */
public final class Deadlines implements AutoCloseable {

    /** How long the timer thread outlives its last deadline. */
    public static final long IDLE_KEEP_ALIVE_SECONDS = 30;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ScheduledThreadPoolExecutor timer;

    /** A timer with no thread yet. */
    public Deadlines() {
        String name = "lobby-governor-wolf-deadlines-" + INSTANCES.incrementAndGet();
        timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
        // a call that ends in time cancels its deadline: drop it now, not when it would have fired
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setKeepAliveTime(IDLE_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code action} on the timer thread once {@code delayNanos} have passed, unless the
     * returned future is cancelled first.
     *
     * @param delayNanos the delay; zero or less runs it at once
     * @param action what to run; must be quick and must not throw
     * @return the pending run, to cancel
     * @throws IllegalStateException if this timer is closed
     */
    public ScheduledFuture<?> after(long delayNanos, Runnable action) {
        try {
            return timer.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the Wolf client is closed", e);
        }
    }

    /**
     * {@code start + timeout}, saturated: a timeout of centuries is no deadline, not an overflow.
     *
     * @param start a {@link System#nanoTime()} reading
     * @param timeout a positive timeout
     * @return the deadline, in {@link System#nanoTime()} terms
     */
    public static long deadline(long start, Duration timeout) {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        return start + Math.min(nanos, Long.MAX_VALUE / 2);
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return timer.isShutdown();
    }

    /** Drops every pending deadline and stops the thread; idempotent. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
