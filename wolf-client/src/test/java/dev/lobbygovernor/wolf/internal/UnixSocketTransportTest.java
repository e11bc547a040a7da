package dev.lobbygovernor.wolf.internal;

import static dev.lobbygovernor.wolf.testing.CannedServer.raw;
import static dev.lobbygovernor.wolf.testing.CannedServer.wolf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import dev.lobbygovernor.wolf.testing.CannedServer;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UNIX-socket transport against a tiny canned server that behaves like Wolf. */
class UnixSocketTransportTest {

    /** Generous timeouts where a reply is expected: the build machine may be loaded. */
    private static final TransportSettings GENEROUS = TransportSettings.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .requestTimeout(Duration.ofSeconds(10))
            .maxResponseBytes(4096).build();
    /** Short request and read timeouts for the tests that expect them to fire. */
    private static final TransportSettings SHORT = GENEROUS.toBuilder()
            .requestTimeout(Duration.ofMillis(400)).readTimeout(Duration.ofMillis(400)).build();

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
        TransportSettings settings = GENEROUS.toBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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
    void serverThatNeverAnswersHitsTheRequestTimeout() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence())) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), SHORT);
            long start = System.nanoTime();

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                    .isInstanceOfSatisfying(WolfUnavailableException.class,
                            e -> assertThat(e.timedOut()).isTrue())
                    .hasMessageContaining("did not answer");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(SHORT.requestTimeout())
                    .isLessThan(SHORT.requestTimeout().plusSeconds(5));
        }
    }

    @Test
    void answerSlowerThanTheConnectTimeoutIsWithinTheRequestTimeout() throws Exception {
        TransportSettings settings = GENEROUS.toBuilder().connectTimeout(Duration.ofMillis(200))
                .requestTimeout(Duration.ofSeconds(10)).build();
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence())) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), settings);
            CompletableFuture<WolfResponse> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return t.exchange(WolfRequest.get("/api/v1/lobbies/create"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(server.nextRequest()).isNotNull();
            Thread.sleep(600);

            server.sendToHeld("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}");
            server.dropHeldConnections();

            assertThat(call.get(5, TimeUnit.SECONDS).bodyText()).isEqualTo("{}");
        }
    }

    @Test
    void connectedServerThatNeverAnswersHitsTheRequestTimeoutNotTheConnectTimeout()
            throws Exception {
        TransportSettings settings = GENEROUS.toBuilder().connectTimeout(Duration.ofMillis(100))
                .requestTimeout(Duration.ofMillis(600)).build();
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence())) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), settings);
            long start = System.nanoTime();

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                    .isInstanceOfSatisfying(WolfUnavailableException.class,
                            e -> assertThat(e.timedOut()).isTrue())
                    .hasMessageContaining("did not answer within 600 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(settings.requestTimeout());
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
    void connectionsAreIndependentAcrossRequestsAndAfterATimeout() throws Exception {
        int[] seen = {0};
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> ++seen[0] == 101
                ? new CannedServer.Silence() : wolf(200, "{\"success\":true}"))) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(),
                    GENEROUS.toBuilder().requestTimeout(Duration.ofSeconds(1)).build());
            for (int i = 0; i < 100; i++) {
                assertThat(t.exchange(WolfRequest.get("/x")).status()).isEqualTo(200);
            }
            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/x")))
                    .isInstanceOf(WolfUnavailableException.class);

            assertThat(t.exchange(WolfRequest.get("/x")).status()).isEqualTo(200);
            t.close();
            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/x"))).as("refused after close")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThat(server.connections()).isEqualTo(102);
        }
    }

    @Test
    void serverThatTricklesItsReplyHitsTheRequestTimeoutAsAWhole() throws Exception {
        // a byte every 50 ms: each gap is far below the timeout, the whole reply far above it
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> new CannedServer.Reply(
                "HTTP/1.0 200 OK\r\nContent-Length: 1000\r\n\r\n{".getBytes(StandardCharsets.US_ASCII),
                true))) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), SHORT);
            Thread trickle = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(50);
                        server.sendToHeld(" ");
                    }
                } catch (Exception e) {
                    // the test is over
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                        .isInstanceOfSatisfying(WolfUnavailableException.class,
                                e -> assertThat(e.timedOut()).isTrue())
                        .hasMessageContaining("did not answer within 400 ms")
                        .hasMessageContaining("bytes came");
            } finally {
                trickle.interrupt();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(SHORT.requestTimeout())
                    .isLessThan(SHORT.requestTimeout().plusSeconds(5));
        }
    }

    @Test
    void serverThatNeverAcceptsHitsTheConnectTimeout() throws Exception {
        Path path = dir.resolve("full.sock");
        List<SocketChannel> queued = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            // a backlog of one that is never accepted from: once full, a connect blocks
            server.bind(UnixDomainSocketAddress.of(path), 1);
            for (int i = 0; i < 8; i++) {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.configureBlocking(false);
                queued.add(ch);
                try {
                    ch.connect(UnixDomainSocketAddress.of(path));
                } catch (IOException e) {
                    break;
                }
            }
            TransportSettings settings = GENEROUS.toBuilder()
                    .connectTimeout(Duration.ofMillis(300)).build();
            long start = System.nanoTime();

            assertThatThrownBy(() -> new UnixSocketTransport(path, settings)
                    .exchange(WolfRequest.get("/x")))
                    .isInstanceOfSatisfying(WolfUnavailableException.class,
                            e -> assertThat(e.timedOut()).isTrue())
                    .hasMessageContaining("did not accept a connection within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(settings.connectTimeout().plusSeconds(5));
        } finally {
            for (SocketChannel ch : queued) {
                ch.close();
            }
        }
    }

    @Test
    void closeAbortsACallInProgressAndRefusesLaterOnes() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence())) {
            UnixSocketTransport t = new UnixSocketTransport(server.socketPath(), GENEROUS);
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(
                    () -> catchThrowable(() -> t.exchange(WolfRequest.get("/api/v1/lobbies"))));
            assertThat(server.nextRequest()).isNotNull();
            long start = System.nanoTime();

            t.close();

            assertThat(call.get(5, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(WolfUnavailableException.class,
                            e -> assertThat(e.timedOut()).isFalse())
                    .hasMessageContaining("abandoned");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(GENEROUS.requestTimeout());
            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/x")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
