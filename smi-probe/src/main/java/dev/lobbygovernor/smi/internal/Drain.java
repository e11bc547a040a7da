package dev.lobbygovernor.smi.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one output pipe of a child process to its end, keeping at most {@code cap} bytes. It
 * keeps reading (and discarding) past the cap, so the child never blocks on a full pipe, and
 * reports the overflow once through {@code onFlood}.
 */
final class Drain implements Runnable {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final int cap;
    private final Runnable onFlood;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final AtomicBoolean flooded = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    Drain(InputStream in, int cap, Runnable onFlood) {
        this.in = in;
        this.cap = cap;
        this.onFlood = onFlood;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[BUFFER];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                keep(buffer, n);
            }
        } catch (IOException closed) {
            // The pipe was closed under us (the process was killed): what we have is all there is.
        } finally {
            done.countDown();
        }
    }

    private void keep(byte[] buffer, int n) {
        int room;
        synchronized (kept) {
            room = cap - kept.size();
            kept.write(buffer, 0, Math.max(0, Math.min(room, n)));
        }
        if (n > room && flooded.compareAndSet(false, true)) {
            onFlood.run();
        }
    }

    /** Waits until the pipe reached its end or {@code deadlineNanos} (a {@link System#nanoTime()}) passed. */
    boolean awaitEnd(long deadlineNanos) throws InterruptedException {
        return done.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    boolean flooded() {
        return flooded.get();
    }

    /** What was kept, decoded as UTF-8 (invalid bytes become U+FFFD). */
    String text() {
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
