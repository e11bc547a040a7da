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

    /** Generous timeouts where a reply is expected: the build machine may be loaded. */
    private static final TransportSettings GENEROUS = TransportSettings.DEFAULTS
            .withConnectTimeout(Duration.ofSeconds(5))
            .withReadTimeout(Duration.ofSeconds(10))
            .withMaxResponseBytes(4096);
    /** A short read timeout for the tests that expect it to fire. */
    private static final TransportSettings SHORT = GENEROUS.withReadTimeout(Duration.ofMillis(400));

    @TempDir
    Path dir;

    private UnixSocketTransport transport(CannedServer server) {
        return new UnixSocketTransport(server.socketPath(), GENEROUS);
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
        TransportSettings settings = GENEROUS.withConnectTimeout(Duration.ofSeconds(2));
        UnixSocketTransport t = new UnixSocketTransport(dir.resolve("absent.sock"), settings);
        long start = System.nanoTime();

        assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                .isInstanceOf(WolfUnavailableException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("absent.sock");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(settings.connectTimeout());
    }

    @Test
    void socketFileWithoutListenerIsUnavailable() throws Exception {
        Path path = dir.resolve("stale.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(path));
        }
        assertThat(Files.exists(path)).isTrue();

        assertThatThrownBy(() -> new UnixSocketTransport(path, GENEROUS).exchange(WolfRequest.get("/x")))
                .isInstanceOf(WolfUnavailableException.class)
                .hasMessageContaining("Cannot connect");
    }

    @Test
    void serverThatNeverAnswersHitsTheReadTimeout() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence())) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), SHORT);
            long start = System.nanoTime();

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                    .isInstanceOfSatisfying(WolfUnavailableException.class,
                            e -> assertThat(e.timedOut()).isTrue())
                    .hasMessageContaining("did not answer");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(SHORT.readTimeout())
                    .isLessThan(SHORT.readTimeout().plusSeconds(5));
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
                WolfStream stream = new UnixSocketTransport(server.socketPath(), SHORT)
                        .openStream("/api/v1/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("content-type")).isEqualTo("text/event-stream");
            byte[] buf = new byte[64];
            int n = stream.body().read(buf);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo(":keepalive\n\n");

            assertThatThrownBy(() -> stream.body().read(buf))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void selectorsAreReusedCleanlyAcrossRequestsAndAfterATimeout() throws Exception {
        int[] seen = {0};
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> ++seen[0] == 101
                ? new CannedServer.Silence() : wolf(200, "{\"success\":true}"))) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(),
                    GENEROUS.withReadTimeout(Duration.ofSeconds(1)));
            for (int i = 0; i < 100; i++) {
                assertThat(t.exchange(WolfRequest.get("/x")).status()).isEqualTo(200);
            }
            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/x")))
                    .isInstanceOf(WolfUnavailableException.class);

            assertThat(t.exchange(WolfRequest.get("/x")).status()).isEqualTo(200);
            t.close();
            assertThat(t.exchange(WolfRequest.get("/x")).status()).as("usable after close")
                    .isEqualTo(200);
            assertThat(server.connections()).isEqualTo(103);
        }
    }
}
