package dev.lobbygovernor.wolf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An {@code HttpClient} body as an {@link InputStream} whose reads time out.
 *
 * <p>{@code HttpRequest.timeout} covers the wait for the reply head only; a proxy that sends
 * headers and then stalls, or trickles the body, would block {@code ofInputStream()} reads
 * forever. Here a read waits for the client to deliver more bytes at most until the call's
 * deadline (a complete reply) or the idle deadline (an open-ended stream: the idle timeout
 * after the last {@link #restartIdle()}), then throws
 * {@link SocketTimeoutException}. One chunk is requested at a time, so memory stays bounded.
 */
public final class QueueBodySubscriber extends InputStream
        implements HttpResponse.BodySubscriber<InputStream> {

    private static final List<ByteBuffer> END = List.of();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Duration idleTimeout;
    private volatile long deadline;
    private final boolean hasDeadline;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private Iterator<ByteBuffer> chunk = END.iterator();
    private ByteBuffer current = ByteBuffer.allocate(0);
    private boolean ended;

    /**
     * A subscriber for an open-ended body, whose reads end {@code idleTimeout} after it was
     * made or after the last {@link #restartIdle()}.
     *
     * @param idleTimeout how long reads may go on after the last restart
     */
    public QueueBodySubscriber(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        this.hasDeadline = false;
        restartIdle();
    }

    /**
     * A subscriber whose reads all end by {@code deadline}: the whole body must arrive by then,
     * however slowly its bytes come.
     *
     * @param requestTimeout the timeout behind the deadline, for the message
     * @param deadline when, in {@link System#nanoTime()} terms
     */
    public QueueBodySubscriber(Duration requestTimeout, long deadline) {
        this.idleTimeout = requestTimeout;
        this.deadline = deadline;
        this.hasDeadline = true;
    }

    /**
     * Gives reads of an open-ended body another idle timeout from now; does nothing to a
     * body with a fixed deadline.
     */
    public void restartIdle() {
        if (!hasDeadline) {
            deadline = Deadlines.deadline(System.nanoTime(), idleTimeout);
        }
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) { // whether or not a reader blocked at close took the wake-up and ended the stream
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (!current.hasRemaining()) {
            if (chunk.hasNext()) {
                current = chunk.next();
                continue;
            }
            if (ended) {
                return -1;
            }
            nextChunk();
        }
        int take = Math.min(len, current.remaining());
        current.get(b, off, take);
        return take;
    }

    @SuppressWarnings("unchecked")
    private void nextChunk() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        Object item;
        long wait = deadline - System.nanoTime();
        try {
            item = queue.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Wolf");
        }
        if (item == null) {
            throw new SocketTimeoutException(hasDeadline
                    ? "the reply from Wolf did not complete within " + idleTimeout
                    : "no whole event or keep-alive from Wolf within " + idleTimeout);
        }
        if (item instanceof Throwable t) {
            ended = true;
            throw new IOException("reading the reply failed: " + t.getMessage(), t);
        }
        if (item == END) {
            ended = true;
            return;
        }
        chunk = ((List<ByteBuffer>) item).iterator();
        Flow.Subscription s = subscription;
        if (s != null) {
            s.request(1);
        }
    }

    /** Cancels the subscription, which lets the client drop the connection. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        // wakes a reader blocked in poll()
        queue.add(new IOException("stream closed"));
    }
}
