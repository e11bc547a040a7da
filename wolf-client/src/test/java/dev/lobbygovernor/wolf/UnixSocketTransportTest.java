package dev.lobbygovernor.wolf;

import static dev.lobbygovernor.wolf.testing.CannedServer.raw;
import static dev.lobbygovernor.wolf.testing.CannedServer.wolf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.wolf.testing.CannedServer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UNIX-socket transport against a tiny canned server that behaves like Wolf. */
class UnixSocketTransportTest {

    private static final TransportSettings FAST = TransportSettings.DEFAULTS
            .withConnectTimeout(Duration.ofMillis(500))
            .withReadTimeout(Duration.ofMillis(400))
            .withMaxResponseBytes(4096);

    @TempDir
    Path dir;

    private UnixSocketTransport transport(CannedServer server) {
        return new UnixSocketTransport(server.socketPath(), FAST);
    }

    @Test
    void readsWolfsErrorReplyWithReasonOkAndNoContentType() throws Exception {
        String body = "{\"success\":false,\"error\":\"Invalid lobby ID\"}";
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> wolf(500, body))) {
            WolfResponse resp = transport(server).exchange(WolfRequest.get("/api/v1/lobbies"));

            assertThat(resp.status()).isEqualTo(500);
            assertThat(resp.header("Content-Type")).isNull();
            assertThat(resp.bodyText()).isEqualTo(body);
        }
    }

    @Test
    void sendsHttp10RequestWithContentLengthAndHostLocalhost() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> wolf(200, "{\"success\":true}"))) {
            byte[] json = "{\"lobby_id\":\"L1\"}".getBytes(StandardCharsets.UTF_8);
            transport(server).exchange(WolfRequest.post("/api/v1/lobbies/stop", json));

            assertThat(server.requests()).singleElement().satisfies(req -> assertThat(req)
                    .startsWith("POST /api/v1/lobbies/stop HTTP/1.0\r\n")
                    .contains("\r\nHost: localhost\r\n")
                    .contains("\r\nContent-Length: " + json.length + "\r\n")
                    .doesNotContainIgnoringCase("transfer-encoding")
                    .endsWith("\r\n\r\n{\"lobby_id\":\"L1\"}"));
        }
    }

    @Test
    void readsBodyToEndOfStreamWhenContentLengthIsAbsent() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> raw("HTTP/1.0 200 OK\r\n\r\n{\"success\":true}"))) {
            WolfResponse resp = transport(server).exchange(WolfRequest.get("/x"));

            assertThat(resp.bodyText()).isEqualTo("{\"success\":true}");
        }
    }

    @Test
    void malformedStatusLineIsAProtocolError() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> raw("HTTP/1.0 OK 200\r\nContent-Length: 2\r\n\r\n{}"))) {
            assertThatThrownBy(() -> transport(server).exchange(WolfRequest.get("/x")))
                    .isInstanceOf(WolfProtocolException.class)
                    .hasMessageContaining("status line")
                    .hasMessageContaining("HTTP/1.0 OK 200");
        }
    }

    @Test
    void bodyShorterThanContentLengthIsAProtocolError() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> raw("HTTP/1.0 200 OK\r\nContent-Length: 50\r\n\r\n{\"success\":true}"))) {
            assertThatThrownBy(() -> transport(server).exchange(WolfRequest.get("/x")))
                    .isInstanceOf(WolfProtocolException.class)
                    .hasMessageContaining("Content-Length says 50");
        }
    }

    @Test
    void bodyLongerThanContentLengthIsAProtocolError() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> raw("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}garbage"))) {
            assertThatThrownBy(() -> transport(server).exchange(WolfRequest.get("/x")))
                    .isInstanceOf(WolfProtocolException.class)
                    .hasMessageContaining("Content-Length says 2");
        }
    }

    @Test
    void replyOverTheSizeCapIsAProtocolError() throws Exception {
        String big = "{\"x\":\"" + "a".repeat(10_000) + "\"}";
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> wolf(200, big))) {
            assertThatThrownBy(() -> transport(server).exchange(WolfRequest.get("/x")))
                    .isInstanceOf(WolfProtocolException.class)
                    .hasMessageContaining("exceeds the 4096-byte limit");
        }
    }

    @Test
    void missingSocketIsUnavailableWithinTheConnectTimeout() {
        UnixSocketTransport t = new UnixSocketTransport(dir.resolve("absent.sock"), FAST);
        long start = System.nanoTime();

        assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                .isInstanceOf(WolfUnavailableException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("absent.sock");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST.connectTimeout());
    }

    @Test
    void socketFileWithoutListenerIsUnavailable() throws Exception {
        Path path = dir.resolve("stale.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(path));
        }
        assertThat(Files.exists(path)).isTrue();

        assertThatThrownBy(() -> new UnixSocketTransport(path, FAST).exchange(WolfRequest.get("/x")))
                .isInstanceOf(WolfUnavailableException.class)
                .hasMessageContaining("Cannot connect");
    }

    @Test
    void serverThatNeverAnswersHitsTheReadTimeout() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence())) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> transport(server).exchange(WolfRequest.get("/api/v1/lobbies")))
                    .isInstanceOfSatisfying(WolfUnavailableException.class,
                            e -> assertThat(e.timedOut()).isTrue())
                    .hasMessageContaining("did not answer");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(FAST.readTimeout())
                    .isLessThan(FAST.readTimeout().plusSeconds(2));
        }
    }

    @Test
    void serverThatClosesWithoutReplyingIsAProtocolError() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> raw(""))) {
            assertThatThrownBy(() -> transport(server).exchange(WolfRequest.get("/x")))
                    .isInstanceOf(WolfProtocolException.class)
                    .hasMessageContaining("ended before the end of its headers");
        }
    }

    @Test
    void streamDeliversBodyBytesAfterTheHeadAndTimesOutWhenSilent() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> new CannedServer.Reply(
                "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n:keepalive\n\n"
                        .getBytes(StandardCharsets.US_ASCII), true));
                WolfStream stream = transport(server).openStream("/api/v1/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("content-type")).isEqualTo("text/event-stream");
            byte[] buf = new byte[64];
            int n = stream.body().read(buf);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo(":keepalive\n\n");

            assertThatThrownBy(() -> stream.body().read(buf))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }
}
