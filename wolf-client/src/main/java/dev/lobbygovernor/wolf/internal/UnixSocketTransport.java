package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.SocketPaths;
import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wolf's own transport: HTTP/1.0 over its UNIX domain socket, one connection per request.
 *
 * <p>Wolf's server replies {@code HTTP/1.0 <code> OK} and closes the connection, so the reply
 * is read to end of stream and then parsed strictly ({@link HttpResponseParser}). JDK 17's
 * {@code HttpClient} cannot reach a UNIX socket, hence this small client on a blocking
 * {@link java.nio.channels.SocketChannel}; its deadlines are kept by {@link Deadlines}, whose
 * one thread is this transport's and stops with {@link #close()}. Thread-safe.
 */
public final class UnixSocketTransport implements WolfTransport {

    private final Path socket;
    private final TransportSettings settings;
    private final Deadlines deadlines = new Deadlines();
    private final Set<UnixConnection> open = ConcurrentHashMap.newKeySet();

    /**
     * A transport to the socket at {@code socket}.
     *
     * @param socket the socket path (see {@link SocketPaths#resolve()})
     * @param settings timeouts and the reply size cap
     */
    public UnixSocketTransport(Path socket, TransportSettings settings) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sends one request and reads the whole reply under its deadline by kind
     * ({@link CallDeadline#of}).
     *
     * @param request the request
     * @return the whole reply
     * @throws WolfUnavailableException if Wolf cannot be reached or does not answer in time
     * @throws WolfProtocolException if the reply is malformed or over the size cap
     */
    public WolfResponse exchange(WolfRequest request)
            throws WolfUnavailableException, WolfProtocolException {
        return exchange(request, CallDeadline.of(request, settings));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Connect, send and the whole reply share one timer, set to the deadline.
     */
    @Override
    public WolfResponse exchange(WolfRequest request, CallDeadline deadline)
            throws WolfUnavailableException, WolfProtocolException {
        UnixConnection conn = connect(deadline);
        try {
            send(conn, request, null);
            UnixConnection.Bytes reply = conn.readToEnd(settings.maxResponseBytes());
            return HttpResponseParser.parse(reply.data(), reply.length());
        } finally {
            release(conn);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Connect, send and the reply's head share the listing deadline; then reads wait until
     * the read timeout after the last whole frame.
     */
    @Override
    public WolfStream openStream(String path)
            throws WolfUnavailableException, WolfProtocolException {
        WolfRequest request = WolfRequest.get(path);
        UnixConnection conn = connect(CallDeadline.of(request, settings));
        try {
            send(conn, request, "text/event-stream");
            byte[] buf = new byte[1024];
            int len = 0;
            while (HttpResponseParser.headEnd(buf, len) < 0) {
                if (len == buf.length) {
                    if (len >= HttpResponseParser.MAX_HEAD_BYTES) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, len * 2);
                }
                int n = conn.read(ByteBuffer.wrap(buf, len, buf.length - len));
                if (n < 0) {
                    break;
                }
                len += n;
            }
            HttpResponseParser.Head head = HttpResponseParser.parseHead(buf, len);
            conn.disarm();
            Runnable release = () -> release(conn);
            ChannelInputStream body = new ChannelInputStream(conn, release, settings.readTimeout(),
                    buf, head.bodyOffset(), len - head.bodyOffset());
            return new WolfStream(head.status(), head.headers(), body, release::run,
                    body::restartIdle);
        } catch (WolfUnavailableException | WolfProtocolException | RuntimeException e) {
            release(conn);
            throw e;
        }
    }

    private UnixConnection connect(CallDeadline deadline) throws WolfUnavailableException {
        if (deadlines.isClosed()) {
            throw new IllegalStateException("This Wolf client for " + endpoint() + " is closed");
        }
        UnixConnection conn = UnixConnection.open(socket, deadlines, settings.connectTimeout(),
                deadline);
        open.add(conn);
        if (deadlines.isClosed()) {
            // closed while connecting: close() may have missed this connection
            conn.close();
        }
        return conn;
    }

    private void release(UnixConnection conn) {
        open.remove(conn);
        conn.close();
    }

    private void send(UnixConnection conn, WolfRequest request, String accept)
            throws WolfUnavailableException {
        ByteBuffer head = HttpRequestEncoder.head(request, accept);
        if (request.body() == null) {
            conn.write(head);
        } else {
            conn.write(head, ByteBuffer.wrap(request.body()));
        }
    }

    @Override
    public String endpoint() {
        return "unix:" + socket;
    }

    /**
     * Aborts the calls and event streams in progress and stops the deadline thread; later
     * calls throw {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        deadlines.close();
        for (UnixConnection conn : open) {
            conn.close();
        }
        open.clear();
    }

    /**
     * The socket, for logs.
     *
     * @return such as {@code UnixSocketTransport[/run/wolf/wolf.sock]}
     */
    @Override
    public String toString() {
        return "UnixSocketTransport[" + socket + "]";
    }
}
