package dev.lobbygovernor.wolf;

/**
 * Carries requests to Wolf and brings back replies. Two implementations:
 * {@link UnixSocketTransport} (Wolf's own UNIX domain socket) and {@link HttpTransport} (Wolf
 * behind a reverse proxy, over TCP or TLS). Implementations are thread-safe, never retry, and
 * honour their connect and read timeouts.
 */
public interface WolfTransport extends AutoCloseable {

    /**
     * Sends one request and reads the whole reply.
     *
     * @throws WolfUnavailableException if Wolf cannot be reached or does not answer in time
     * @throws WolfProtocolException if the reply is malformed or over the size cap
     */
    WolfResponse exchange(WolfRequest request)
            throws WolfUnavailableException, WolfProtocolException;

    /**
     * Sends a GET and returns the reply with its body still open, for Server-Sent Events. Reads
     * from the body time out (with an {@link java.io.InterruptedIOException}) when nothing
     * arrives within the read timeout.
     *
     * @throws WolfUnavailableException if Wolf cannot be reached or does not answer in time
     * @throws WolfProtocolException if the reply head is malformed
     */
    WolfStream openStream(String path) throws WolfUnavailableException, WolfProtocolException;

    /** Where requests go, for messages and logs, such as {@code unix:/run/wolf/wolf.sock}. */
    String endpoint();

    /** Releases what the transport holds. Must not throw. */
    @Override
    void close();
}
