package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.testing.CannedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UNIX-socket transport's limits, each pinned on both sides: the reply size cap (whole
 * reply, head included), the event stream's head, which may outgrow its first buffer but not
 * {@link HttpResponseParser#MAX_HEAD_BYTES}; and what a closed transport does to its streams.
 */
class UnixSocketTransportEdgesTest {

    /** Generous timeouts where a reply is expected: the build machine may be loaded. */
    private static final TransportSettings GENEROUS = TransportSettings.builder()
            .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(5)).maxResponseBytes(20_000).build();

    @TempDir
    Path dir;

    private CannedServer server(CannedServer.Script script) throws IOException {
        return CannedServer.unix(dir.resolve("w.sock"), script);
    }

    /** A Wolf reply of exactly {@code total} bytes, head included. */
    private static String replyOf(int total) {
        for (int body = total; body >= 0; body--) {
            String head = "HTTP/1.0 200 OK\r\nContent-Length: " + body + "\r\n\r\n";
            if (head.length() + body == total) {
                return head + "x".repeat(body);
            }
        }
        throw new IllegalArgumentException("no reply of " + total + " bytes");
    }

    private WolfResponse exchange(int cap, String reply) throws Exception {
        try (CannedServer server = server(r -> CannedServer.raw(reply))) {
            TransportSettings settings = GENEROUS.toBuilder().maxResponseBytes(cap).build();
            return new UnixSocketTransport(server.socketPath(), settings).exchange(WolfRequest.get("/x"));
        }
    }

    @Test
    void replyOfExactlyTheCapIsReadWhole() throws Exception {
        String reply = replyOf(20_000);

        assertThat(exchange(20_000, reply).bodyText()).isEqualTo(reply.substring(reply.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void replyOneByteOverTheCapIsAProtocolErrorNamingTheCap() {
        assertThatThrownBy(() -> exchange(20_000, replyOf(20_001))).isInstanceOf(WolfProtocolException.class)
                .hasMessageContaining("exceeds the 20000-byte limit");
    }

    @Test
    void smallestCapHoldsOnBothSidesOfItsEdgeToo() throws Exception {
        int cap = TransportSettings.MIN_RESPONSE_BYTES;

        assertThat(exchange(cap, replyOf(cap)).status()).isEqualTo(200);
        assertThatThrownBy(() -> exchange(cap, replyOf(cap + 1))).isInstanceOf(WolfProtocolException.class)
                .hasMessageContaining("exceeds the " + cap + "-byte limit");
    }

    @Test
    void streamHeadLongerThanTheFirstBufferIsReadWholeAndTheBodyFollows() throws Exception {
        String pad = "p".repeat(3000);
        try (CannedServer server = server(r -> new CannedServer.Reply(("HTTP/1.0 200 OK\r\nX-Pad: " + pad
                + "\r\nContent-Type: text/event-stream\r\n\r\n:keepalive\n\n").getBytes(StandardCharsets.US_ASCII),
                true));
                WolfStream stream = new UnixSocketTransport(server.socketPath(), GENEROUS)
                        .openStream("/api/v1/events")) {
            assertThat(stream.header("x-pad")).isEqualTo(pad);
            assertThat(stream.header("content-type")).isEqualTo("text/event-stream");
            byte[] buf = new byte[64];
            int n = stream.body().read(buf);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo(":keepalive\n\n");
        }
    }

    @Test
    void streamHeadThatNeverEndsIsAProtocolErrorOnceItPassesTheHeadLimit() throws Exception {
        byte[] endless = ("HTTP/1.0 200 OK\r\nX-Pad: " + "p".repeat(HttpResponseParser.MAX_HEAD_BYTES))
                .getBytes(StandardCharsets.US_ASCII);
        try (CannedServer server = server(r -> new CannedServer.Reply(endless, true))) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), GENEROUS);

            assertThatThrownBy(() -> t.openStream("/api/v1/events")).isInstanceOf(WolfProtocolException.class)
                    .hasMessageContaining("reply headers exceed " + HttpResponseParser.MAX_HEAD_BYTES + " bytes");
        }
    }

    @Test
    void streamThatClosesBeforeItsHeadEndsIsAProtocolError() throws Exception {
        try (CannedServer server = server(r -> CannedServer.raw("HTTP/1.0 200 OK\r\nContent-Type: text/ev"))) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), GENEROUS);

            assertThatThrownBy(() -> t.openStream("/api/v1/events")).isInstanceOf(WolfProtocolException.class)
                    .hasMessageContaining("ended before the end of its headers");
        }
    }

    @Test
    void streamAsksForEventsOverHttp10() throws Exception {
        try (CannedServer server = server(r -> new CannedServer.Reply(
                "HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true));
                WolfStream stream = new UnixSocketTransport(server.socketPath(), GENEROUS)
                        .openStream("/api/v1/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(server.requests()).singleElement().satisfies(req -> assertThat(req)
                    .startsWith("GET /api/v1/events HTTP/1.0\r\n").contains("\r\nAccept: text/event-stream\r\n"));
        }
    }

    @Test
    void closedTransportFailsReadsOfItsOpenStreamAndRefusesNewOnes() throws Exception {
        try (CannedServer server = server(r -> new CannedServer.Reply(
                "HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true))) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), GENEROUS);
            WolfStream stream = t.openStream("/api/v1/events");

            t.close();

            assertThatThrownBy(() -> stream.body().read()).as("a read after close")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> t.openStream("/api/v1/events")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void endpointAndToStringNameTheSocket() {
        Path socket = dir.resolve("wolf.sock");
        UnixSocketTransport t = new UnixSocketTransport(socket, GENEROUS);

        assertThat(t.endpoint()).isEqualTo("unix:" + socket);
        assertThat(t).hasToString("UnixSocketTransport[" + socket + "]");
    }

    @Test
    void streamReadsSingleBytesAsUnsignedValuesThenItsEnd() throws Exception {
        try (CannedServer server = server(r -> CannedServer.raw("HTTP/1.0 200 OK\r\n\r\n\u00ff\u0001"));
                WolfStream stream = new UnixSocketTransport(server.socketPath(), GENEROUS)
                        .openStream("/api/v1/events")) {
            assertThat(stream.body().read()).isEqualTo(255);
            assertThat(stream.body().read()).isEqualTo(1);
            assertThat(stream.body().read()).isEqualTo(-1);
        }
    }

    @Test
    void closingAStreamsBodyClosesItsConnection() throws Exception {
        try (CannedServer server = server(r -> new CannedServer.Reply(
                "HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true));
                WolfStream stream = new UnixSocketTransport(server.socketPath(), GENEROUS)
                        .openStream("/api/v1/events")) {
            stream.body().close();

            assertThatThrownBy(() -> stream.body().read()).isInstanceOf(IOException.class)
                    .hasMessageContaining("abandoned");
        }
    }
}
