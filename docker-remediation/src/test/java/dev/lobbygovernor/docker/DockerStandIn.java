package dev.lobbygovernor.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker Engine API stand-in on a UNIX socket: answers each request (one per connection, as
 * the remediation sends {@code Connection: close}) with what {@link Handler} says, as the
 * engine's Go server would: JSON chunked, 204 with no body.
 */
final class DockerStandIn implements AutoCloseable {

    /** Answers one request line ("POST /v1.44/containers/x/restart?t=10"). */
    @FunctionalInterface
    interface Handler {
        String answer(String requestLine) throws Exception;
    }

    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    DockerStandIn(Path socket, Handler handler) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(() -> {
            while (server.isOpen()) {
                try (SocketChannel c = server.accept()) {
                    String line = readRequestLine(c);
                    requests.add(line);
                    String reply = handler.answer(line);
                    c.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    // the test closed the stand-in, or a client went away
                }
            }
        }, "docker-stand-in");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The request lines received so far. */
    List<String> requests() {
        return requests;
    }

    /** A JSON reply as the engine sends one over 2048 bytes: chunked, in two chunks. */
    static String json(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        String first = new String(bytes, 0, half, StandardCharsets.UTF_8);
        String second = new String(bytes, half, bytes.length - half, StandardCharsets.UTF_8);
        return "HTTP/1.1 " + status + " X\r\nApi-Version: 1.47\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(half) + "\r\n" + first + "\r\n"
                + Integer.toHexString(bytes.length - half) + "\r\n" + second + "\r\n0\r\n\r\n";
    }

    /** The engine's answer to a finished restart. */
    static String noContent() {
        return "HTTP/1.1 204 No Content\r\nApi-Version: 1.47\r\n\r\n";
    }

    private static String readRequestLine(SocketChannel c) throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(1024);
        while (!in.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n") && c.read(buf) >= 0) {
            in.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        String head = in.toString(StandardCharsets.US_ASCII);
        String line = head.substring(0, head.indexOf("\r\n"));
        return line.substring(0, line.lastIndexOf(' '));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
