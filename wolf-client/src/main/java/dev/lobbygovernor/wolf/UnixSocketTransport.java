package dev.lobbygovernor.wolf;

import dev.lobbygovernor.wolf.internal.ChannelInputStream;
import dev.lobbygovernor.wolf.internal.HttpRequestEncoder;
import dev.lobbygovernor.wolf.internal.HttpResponseParser;
import dev.lobbygovernor.wolf.internal.SelectorPool;
import dev.lobbygovernor.wolf.internal.UnixConnection;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Wolf's own transport: HTTP/1.0 over its UNIX domain socket, one connection per request.
 *
 * <p>Wolf's server replies {@code HTTP/1.0 <code> OK} and closes the connection, so the reply
 * is read to end of stream and then parsed strictly ({@link HttpResponseParser}). JDK 17's
 * {@code HttpClient} cannot reach a UNIX socket, hence this small client on
 * {@link java.nio.channels.SocketChannel}. Between calls it holds only a few idle selectors
 * (see {@link SelectorPool}), released by {@link #close()}; thread-safe.
 */
public final class UnixSocketTransport implements WolfTransport {

    private final Path socket;
    private final TransportSettings settings;
    private final SelectorPool selectors = new SelectorPool();

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

    @Override
    public WolfResponse exchange(WolfRequest request)
            throws WolfUnavailableException, WolfProtocolException {
        try (UnixConnection conn = UnixConnection.connect(socket, settings.connectTimeout(),
                selectors)) {
            send(conn, request, null);
            UnixConnection.Bytes reply = conn.readToEnd(settings.maxResponseBytes(),
                    settings.readTimeout());
            return HttpResponseParser.parse(reply.data(), reply.length());
        }
    }

    @Override
    public WolfStream openStream(String path)
            throws WolfUnavailableException, WolfProtocolException {
        UnixConnection conn = UnixConnection.connect(socket, settings.connectTimeout());
        try {
            send(conn, WolfRequest.get(path), "text/event-stream");
            byte[] buf = new byte[1024];
            int len = 0;
            int headEnd;
            while ((headEnd = HttpResponseParser.headEnd(buf, len)) < 0) {
                if (len == buf.length) {
                    if (len >= HttpResponseParser.MAX_HEAD_BYTES) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, len * 2);
                }
                int n = conn.read(ByteBuffer.wrap(buf, len, buf.length - len),
                        settings.readTimeout());
                if (n < 0) {
                    break;
                }
                len += n;
            }
            HttpResponseParser.Head head = HttpResponseParser.parseHead(buf, len);
            ChannelInputStream body = new ChannelInputStream(conn, settings.readTimeout(), buf,
                    head.bodyOffset(), len - head.bodyOffset());
            return new WolfStream(head.status(), head.headers(), body, conn);
        } catch (WolfUnavailableException | WolfProtocolException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    private void send(UnixConnection conn, WolfRequest request, String accept)
            throws WolfUnavailableException {
        ByteBuffer head = HttpRequestEncoder.head(request, accept);
        if (request.body() == null) {
            conn.write(settings.readTimeout(), head);
        } else {
            conn.write(settings.readTimeout(), head, ByteBuffer.wrap(request.body()));
        }
    }

    @Override
    public String endpoint() {
        return "unix:" + socket;
    }

    /** Closes the idle selectors kept for reuse; each request has its own connection. */
    @Override
    public void close() {
        selectors.close();
    }

    @Override
    public String toString() {
        return "UnixSocketTransport[" + socket + "]";
    }
}
