package dev.lobbygovernor.wolf.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny socket server for tests, on a UNIX socket or on TCP: for each connection it reads one
 * HTTP request (head, then a Content-Length body), records it, and answers with what the
 * {@link Script} says — canned bytes then close, as Wolf does; silence; or an immediate close.
 */
public final class CannedServer implements AutoCloseable {

    /** What to do with one request. */
    public sealed interface Action {
    }

    /**
     * Write these bytes, then close (or, with {@code holdOpen}, keep the connection open).
     *
     * @param bytes the reply
     * @param holdOpen whether to keep the connection open after writing
     */
    public record Reply(byte[] bytes, boolean holdOpen) implements Action {
    }

    /** Accept, read the request, never answer (until the server closes). */
    public record Silence() implements Action {
    }

    /** Choose an action per request. */
    public interface Script extends Function<String, Action> {
    }

    private final ServerSocketChannel server;
    private final Path socketPath;
    private final Script script;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<SocketChannel> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final LinkedBlockingQueue<String> requestQueue = new LinkedBlockingQueue<>();
    private final Thread thread;

    private CannedServer(ServerSocketChannel server, Path socketPath, Script script) {
        this.server = server;
        this.socketPath = socketPath;
        this.script = script;
        this.thread = new Thread(this::serve, "canned-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** A server on a UNIX socket at {@code path}. */
    public static CannedServer unix(Path path, Script script) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(path));
        return new CannedServer(ch, path, script);
    }

    /** A server on a UNIX socket that gives every request the same reply, then closes. */
    public static CannedServer unix(Path path, String reply) throws IOException {
        return unix(path, req -> new Reply(reply.getBytes(StandardCharsets.UTF_8), false));
    }

    /** A server on loopback TCP. */
    public static CannedServer tcp(Script script) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new CannedServer(ch, null, script);
    }

    /** A Wolf-style reply: {@code HTTP/1.0 <code> OK}, Content-Length, no Content-Type. */
    public static Reply wolf(int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.0 " + status + " OK\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] all = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
        System.arraycopy(body, 0, all, head.length(), body.length);
        return new Reply(all, false);
    }

    /** Raw bytes as the reply. */
    public static Reply raw(String text) {
        return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** The UNIX socket path, or {@code null} for TCP. */
    public Path socketPath() {
        return socketPath;
    }

    /** The TCP port, for a TCP server. */
    public int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Every request received so far, as text (head and body). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Waits up to 5 s for the next request; {@code null} if none came. */
    public String nextRequest() throws InterruptedException {
        return requestQueue.poll(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void serve() {
        while (server.isOpen()) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            try {
                String request = readRequest(ch);
                requests.add(request);
                requestQueue.add(request);
                Action action = script.apply(request);
                if (action instanceof Reply r) {
                    ByteBuffer buf = ByteBuffer.wrap(r.bytes());
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    if (r.holdOpen()) {
                        held.add(ch);
                    } else {
                        ch.close();
                    }
                } else {
                    held.add(ch);
                }
            } catch (IOException e) {
                closeQuietly(ch);
            }
        }
    }

    private static String readRequest(SocketChannel ch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        int headEnd = -1;
        long contentLength = 0;
        while (true) {
            buf.clear();
            int n = ch.read(buf);
            if (n < 0) {
                break;
            }
            out.write(buf.array(), 0, n);
            String text = out.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                for (String line : text.substring(0, headEnd).split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Long.parseLong(line.substring(15).trim());
                    }
                }
            }
            if (headEnd >= 0 && out.size() >= headEnd + 4 + contentLength) {
                break;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Closes every held connection (the client then sees end of stream). */
    public void dropHeldConnections() {
        for (SocketChannel ch : held) {
            closeQuietly(ch);
        }
        held.clear();
    }

    /** Writes to every held connection, such as an event on an open stream. */
    public void sendToHeld(String text) throws IOException {
        for (SocketChannel ch : held) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropHeldConnections();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (socketPath != null) {
            Files.deleteIfExists(socketPath);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // test server: nothing to do
        }
    }

    /** The address clients connect to. */
    public SocketAddress address() throws IOException {
        return server.getLocalAddress();
    }
}
