package dev.lobbygovernor.wolf.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lobbygovernor.wolf.WolfApiException;
import dev.lobbygovernor.wolf.WolfEventListener;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import dev.lobbygovernor.wolf.model.WolfEvent;
import dev.lobbygovernor.wolf.model.WolfEvents;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread behind an event subscription: reads Wolf's Server-Sent Events
 * ({@code GET /api/v1/events}) and reconnects.
 *
 * <p>{@link #start()} creates one daemon thread, named {@code lobby-governor-wolf-events-N},
 * which connects, hands typed events to the listener and, when the stream breaks or sends no
 * whole event or keep-alive for longer than the transport's read timeout (Wolf sends a
 * keep-alive every 15 s),
 * reconnects after a jittered, bounded backoff. {@link #close()} stops the thread and closes the
 * connection.
 */
public final class EventStreamLoop implements AutoCloseable {

    /** The largest event accepted. */
    public static final int MAX_EVENT_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EventStreamLoop.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final WolfTransport transport;
    private final String path;
    private final WolfEventListener listener;
    private final Backoff reconnect;
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private volatile WolfStream current;
    private volatile boolean closed;
    private Thread thread;
    /** Touched only by the subscription's thread. */
    private boolean connected;

    /**
     * A loop, not started.
     *
     * @param transport opens the stream
     * @param path the events path
     * @param listener receives what happens
     * @param reconnect the waits before reconnecting
     */
    public EventStreamLoop(WolfTransport transport, String path, WolfEventListener listener,
            Backoff reconnect) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.path = path;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
    }

    /**
     * Starts the subscription's thread.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException("an event subscription starts once");
        }
        thread = new Thread(this::run, "lobby-governor-wolf-events-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether the thread is running.
     *
     * @return true from {@link #start()} until the thread ends
     */
    public synchronized boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            try {
                streamOnce();
                throw new WolfUnavailableException("Wolf at " + transport.endpoint()
                        + " ended the event stream", false, null);
            } catch (WolfException e) {
                if (closed) {
                    break;
                }
                if (connected) {
                    // a stream that was up resets the backoff; repeated refusals grow it
                    failures = 0;
                    connected = false;
                }
                failures++;
                Duration wait = reconnect.delay(failures, ThreadLocalRandom.current().nextDouble());
                // loud once per outage, quiet while it lasts
                (failures == 1 ? log.atWarn() : log.atDebug())
                        .addKeyValue("endpoint", transport.endpoint())
                        .addKeyValue("failures", failures)
                        .addKeyValue("reconnectInMs", wait.toMillis())
                        .log("Wolf event stream lost: {}", e.getMessage());
                notifyListener(() -> listener.onDisconnected(e, wait));
                try {
                    if (closedSignal.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                        break;
                    }
                } catch (InterruptedException ie) {
                    break;
                }
            } catch (IllegalStateException e) {
                // the client was closed under the subscription: there is nothing to reconnect to
                log.atDebug().addKeyValue("endpoint", transport.endpoint())
                        .log("Wolf event stream ends: {}", e.getMessage());
                break;
            }
        }
    }

    /** Connects and reads until the stream ends (returns) or fails (throws). */
    private void streamOnce() throws WolfException {
        WolfStream stream = transport.openStream(path);
        try (stream) {
            current = stream;
            if (closed) {
                return;
            }
            if (stream.status() != 200) {
                throw new WolfApiException(stream.status(), path, "");
            }
            connected = true;
            notifyListener(listener::onConnected);
            SseReader reader = new SseReader(stream.body(), MAX_EVENT_BYTES);
            for (SseReader.Frame f = reader.next(); f != null && !closed; f = reader.next()) {
                stream.frameReceived();
                if (f instanceof SseReader.Event e) {
                    deliver(e);
                } else {
                    notifyListener(listener::onKeepAlive);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new WolfUnavailableException("Wolf at " + transport.endpoint()
                    + " sent no whole event or keep-alive within the read timeout", true, e);
        } catch (IOException e) {
            throw new WolfUnavailableException("Wolf's event stream at " + transport.endpoint()
                    + " failed: " + e.getMessage(), false, e);
        }
    }

    private void deliver(SseReader.Event frame) {
        WolfEvent event;
        try {
            event = WolfEvents.decode(frame.type(), frame.data());
        } catch (JsonProcessingException e) {
            log.atWarn().addKeyValue("type", frame.type())
                    .addKeyValue("data", Excerpts.of(frame.data()))
                    .log("Skipping a malformed event from Wolf");
            return;
        }
        notifyListener(() -> listener.onEvent(event));
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("Wolf event listener threw; the stream goes on");
        }
    }

    /** Stops the thread and closes the connection; waits briefly for the thread to end. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
        }
        closedSignal.countDown();
        WolfStream s = current;
        if (s != null) {
            s.close();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
