package dev.lobbygovernor.wolf.internal;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few idle {@link Selector}s kept for reuse. Opening and closing a selector costs two system
 * calls and a file descriptor or two per request, as much as the request itself on a local
 * socket; a selector whose keys are all deregistered can serve the next connection. Bounded;
 * {@link #close()} closes the idle ones, and selectors released afterwards are closed.
 */
public final class SelectorPool implements AutoCloseable {

    /** Idle selectors kept at most. */
    public static final int MAX_IDLE = 8;

    private final ConcurrentLinkedQueue<Selector> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    /** An idle selector, or a new one. */
    public Selector acquire() throws IOException {
        Selector s = idle.poll();
        if (s != null) {
            idleCount.decrementAndGet();
            return s;
        }
        return Selector.open();
    }

    /**
     * Returns a selector that has no registered keys left (cancelled and flushed by a
     * {@code selectNow()}); closes it instead when the pool is full or closed.
     */
    public void release(Selector s) {
        boolean reusable = !closed && s.isOpen() && s.keys().isEmpty();
        if (reusable && idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.add(s);
            if (closed) {
                // close() may have drained the queue just before the add
                drain();
            }
            return;
        }
        if (reusable) {
            idleCount.decrementAndGet();
        }
        closeQuietly(s);
    }

    /** Closes the idle selectors; later releases close theirs. */
    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void drain() {
        for (Selector s = idle.poll(); s != null; s = idle.poll()) {
            idleCount.decrementAndGet();
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Selector s) {
        try {
            s.close();
        } catch (IOException e) {
            // an idle selector we are discarding; nothing to report
        }
    }
}
