package dev.lobbygovernor.wolf;

import dev.lobbygovernor.wolf.internal.EventStreamLoop;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A live subscription to Wolf's Server-Sent Events ({@code GET /api/v1/events}), made by
 * {@link WolfClient#events(WolfEventListener)}.
 *
 * <p>{@link #start()} creates one daemon thread, named {@code lobby-governor-wolf-events-N},
 * which connects, hands typed events to the listener and, when the stream breaks or goes
 * silent for longer than {@link TransportSettings#readTimeout()} (Wolf sends a keep-alive every
 * 15 s), reconnects after a jittered backoff that doubles from
 * {@link #DEFAULT_INITIAL_RECONNECT} up to {@link #DEFAULT_MAX_RECONNECT}. {@link #close()} —
 * or closing the client — stops the thread and closes the connection.
 */
public final class EventSubscription implements AutoCloseable {

    /** Default ceiling of the first wait before reconnecting: 0.5 s. */
    public static final Duration DEFAULT_INITIAL_RECONNECT = Duration.ofMillis(500);
    /** Default ceiling of any wait before reconnecting: 30 s. */
    public static final Duration DEFAULT_MAX_RECONNECT = Duration.ofSeconds(30);

    private final EventStreamLoop loop;
    private final Consumer<EventSubscription> onClose;

    EventSubscription(EventStreamLoop loop, Consumer<EventSubscription> onClose) {
        this.loop = loop;
        this.onClose = onClose;
    }

    /**
     * Starts the subscription's thread.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        loop.start();
    }

    /**
     * Whether the subscription's thread is running.
     *
     * @return true from {@link #start()} until {@link #close()}
     */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Stops the thread and closes the connection; waits briefly for the thread to end. */
    @Override
    public void close() {
        loop.close();
        onClose.accept(this);
    }
}
