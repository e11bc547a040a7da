package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;

/**
 * Carries requests to Wolf and brings back replies. Two implementations:
 * {@link UnixSocketTransport} (Wolf's own UNIX domain socket) and {@link HttpTransport} (Wolf
 * behind a reverse proxy, over TCP or TLS). Implementations are thread-safe, never retry, and
 * keep the timeouts of their {@link dev.lobbygovernor.wolf.TransportSettings}.
 */
public interface WolfTransport extends AutoCloseable {

    /**
     * Sends one request and reads the whole reply, all of it by {@code deadline}: connect,
     * send and every byte of the reply, however slowly they come.
     *
     * @param request the request
     * @param deadline when the exchange must be over
     * @return the whole reply
     * @throws WolfUnavailableException if Wolf cannot be reached or does not answer by the
     *     deadline ({@code timedOut()})
     * @throws WolfProtocolException if the reply is malformed or over the size cap
     */
    WolfResponse exchange(WolfRequest request, CallDeadline deadline)
            throws WolfUnavailableException, WolfProtocolException;

    /**
     * Sends a GET and returns the reply with its body still open, for Server-Sent Events. The
     * handshake (connect, request, the reply's head) must end within the listing deadline.
     * Reads from the body time out (with an {@link java.io.InterruptedIOException}) when the
     * read timeout passes after the stream opened or after the last {@link
     * WolfStream#frameReceived()}, however many stray bytes came meanwhile.
     *
     * @param path the API path
     * @return the reply, its body still arriving
     * @throws WolfUnavailableException if Wolf cannot be reached or does not answer in time
     * @throws WolfProtocolException if the reply head is malformed
     */
    WolfStream openStream(String path) throws WolfUnavailableException, WolfProtocolException;

    /**
     * Where requests go, for messages and logs.
     *
     * @return such as {@code unix:/run/wolf/wolf.sock}
     */
    String endpoint();

    /**
     * Releases what the transport holds and aborts calls in progress; later calls throw
     * {@link IllegalStateException}. Must not throw.
     */
    @Override
    void close();
}
