package dev.lobbygovernor.wolf.internal;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * A reply whose body is still being received, such as Wolf's event stream. Closing it closes
 * the connection, and a read blocked in another thread then fails promptly.
 */
public final class WolfStream implements AutoCloseable {

    private final int status;
    private final Map<String, String> headers;
    private final InputStream body;
    private final AutoCloseable connection;
    private final Runnable restartIdle;

    /**
     * A stream reply.
     *
     * @param status the HTTP status
     * @param headers the headers, names lower-cased
     * @param body the body as it arrives
     * @param connection what to close to abort it
     * @param restartIdle restarts the body's idle timeout, as {@link #frameReceived()} asks
     */
    public WolfStream(int status, Map<String, String> headers, InputStream body,
            AutoCloseable connection, Runnable restartIdle) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = Objects.requireNonNull(body, "body");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.restartIdle = Objects.requireNonNull(restartIdle, "restartIdle");
    }

    /**
     * A whole frame (an event or a keep-alive) was read: the idle timeout starts again. Bytes
     * alone do not restart it, so a server that trickles a frame that never ends is still
     * noticed.
     */
    public void frameReceived() {
        restartIdle.run();
    }

    /**
     * The HTTP status.
     *
     * @return such as 200
     */
    public int status() {
        return status;
    }

    /**
     * A header's value.
     *
     * @param lowerCaseName the header's name in lower case
     * @return its value, or {@code null} when absent
     */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /**
     * The body as it arrives.
     *
     * @return the body's stream
     */
    public InputStream body() {
        return body;
    }

    /** Closes the connection; idempotent, never throws. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // the stream is being abandoned; a failure to close changes nothing for the caller
        }
    }
}
