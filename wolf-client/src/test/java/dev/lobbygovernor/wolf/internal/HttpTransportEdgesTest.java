package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import dev.lobbygovernor.wolf.testing.CannedServer;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The HTTP transport's limits, each pinned on both sides, and its typed errors: the reply size
 * cap, the deadline, a closed transport, an interrupted caller, the base path, the bearer token.
 */
class HttpTransportEdgesTest {

    /** A cap past the first read buffer (8 KiB), so the buffer grows twice before reaching it. */
    private static final int CAP = 20_000;
    /** Generous timeouts where a reply is expected: the build machine may be loaded. */
    private static final TransportSettings GENEROUS = TransportSettings.builder()
            .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(10)).maxResponseBytes(CAP).build();

    private static URI base(CannedServer server, String path) throws Exception {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpTransport transport(CannedServer server) throws Exception {
        return HttpTransport.builder(base(server, "")).settings(GENEROUS).build();
    }

    private static CannedServer serving(String body) throws Exception {
        return CannedServer.tcp(r -> CannedServer.wolf(200, body));
    }

    @Test
    void replyOfExactlyTheCapIsReadWhole() throws Exception {
        String body = "x".repeat(CAP);
        try (CannedServer server = serving(body)) {
            WolfResponse resp = transport(server).exchange(WolfRequest.get("/api/v1/apps"));

            assertThat(resp.bodyText()).isEqualTo(body);
        }
    }

    @Test
    void replyOneByteOverTheCapIsAProtocolErrorNamingTheCap() throws Exception {
        try (CannedServer server = serving("x".repeat(CAP + 1))) {
            HttpTransport t = transport(server);

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/apps")))
                    .isInstanceOf(WolfProtocolException.class)
                    .hasMessageContaining("/api/v1/apps exceeds the 20000-byte limit");
        }
    }

    @Test
    void replyShorterThanTheFirstBufferIsReadWhole() throws Exception {
        try (CannedServer server = serving("{\"success\":true}")) {
            assertThat(transport(server).exchange(WolfRequest.get("/api/v1/apps")).bodyText())
                    .isEqualTo("{\"success\":true}");
        }
    }

    @Test
    void replyFillingTheFirstBufferExactlyIsReadWhole() throws Exception {
        String body = "y".repeat(8192);
        try (CannedServer server = serving(body)) {
            assertThat(transport(server).exchange(WolfRequest.get("/api/v1/apps")).bodyText()).isEqualTo(body);
        }
    }

    @Test
    void statusAndHeadersOfTheReplyAreKeptHeaderNamesInLowerCase() throws Exception {
        try (CannedServer server = CannedServer.tcp(r -> CannedServer.raw(
                "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nX-Wolf: one\r\n"
                        + "Content-Length: 2\r\n\r\n{}"))) {
            WolfResponse resp = transport(server).exchange(WolfRequest.get("/api/v1/apps"));

            assertThat(resp.status()).isEqualTo(404);
            assertThat(resp.headers()).containsEntry("content-type", "application/json")
                    .containsEntry("x-wolf", "one");
        }
    }

    @Test
    void callWhoseDeadlineHasPassedIsNotSentAndTimesOut() throws Exception {
        try (CannedServer server = serving("{}")) {
            HttpTransport t = transport(server);
            CallDeadline passed = new CallDeadline(System.nanoTime() - 1, Duration.ofMillis(1500));

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/apps"), passed))
                    .isInstanceOfSatisfying(WolfUnavailableException.class, e -> assertThat(e.timedOut()).isTrue())
                    .hasMessageContaining("/api/v1/apps did not answer within 1500 ms");
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void closedTransportRefusesCallsAndStreams() throws Exception {
        try (CannedServer server = serving("{}")) {
            HttpTransport t = transport(server);
            t.close();

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/apps")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> t.openStream("/api/v1/events"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void interruptedCallerGetsAnUnavailableErrorAndKeepsItsInterrupt() throws Exception {
        try (CannedServer server = CannedServer.tcp(r -> new CannedServer.Silence())) {
            HttpTransport t = transport(server);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/apps")))
                        .isInstanceOfSatisfying(WolfUnavailableException.class,
                                e -> assertThat(e.timedOut()).isFalse())
                        .hasMessageContaining("Interrupted");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void nobodyListeningIsUnavailableNotATimeout() throws Exception {
        URI dead;
        try (CannedServer server = CannedServer.tcp(r -> new CannedServer.Silence())) {
            dead = base(server, "");
        }
        HttpTransport t = HttpTransport.builder(dead).settings(GENEROUS).build();

        assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                .isInstanceOfSatisfying(WolfUnavailableException.class, e -> assertThat(e.timedOut()).isFalse())
                .hasMessageContaining("/api/v1/lobbies could not be reached");
    }

    @Test
    void silentProxyIsATimeoutSayingSo() throws Exception {
        TransportSettings quick = GENEROUS.toBuilder().requestTimeout(Duration.ofMillis(300)).build();
        try (CannedServer server = CannedServer.tcp(r -> new CannedServer.Silence())) {
            HttpTransport t = HttpTransport.builder(base(server, "")).settings(quick).build();

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                    .isInstanceOfSatisfying(WolfUnavailableException.class, e -> assertThat(e.timedOut()).isTrue())
                    .hasMessageContaining("/api/v1/lobbies did not answer in time");
        }
    }

    @Test
    void apiPathsFollowTheBasePathWithOrWithoutItsSlash() throws Exception {
        try (CannedServer server = serving("{}")) {
            HttpTransport.builder(base(server, "")).settings(GENEROUS).build().exchange(WolfRequest.get("/api/v1/a"));
            HttpTransport.builder(base(server, "/wolf")).settings(GENEROUS).build().exchange(WolfRequest.get("/api/v1/b"));
            HttpTransport.builder(base(server, "/wolf/")).settings(GENEROUS).build().exchange(WolfRequest.get("/api/v1/c"));

            assertThat(server.requests()).extracting(r -> r.substring(0, r.indexOf("\r\n"))).containsExactly(
                    "GET /api/v1/a HTTP/1.1", "GET /wolf/api/v1/b HTTP/1.1", "GET /wolf/api/v1/c HTTP/1.1");
        }
    }

    @Test
    void callsAskForJsonAndStreamsForEvents() throws Exception {
        try (CannedServer server = CannedServer.tcp(r -> r.contains("/events")
                ? new CannedServer.Reply("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n:keepalive\n\n"
                        .getBytes(StandardCharsets.US_ASCII), true)
                : CannedServer.wolf(200, "{}"))) {
            HttpTransport t = transport(server);
            t.exchange(WolfRequest.get("/api/v1/apps"));
            try (WolfStream stream = t.openStream("/api/v1/events")) {
                assertThat(stream.status()).isEqualTo(200);
            }

            assertThat(server.requests().get(0)).containsIgnoringCase("accept: application/json\r\n");
            assertThat(server.requests().get(1)).startsWith("GET /api/v1/events HTTP/1.1\r\n")
                    .containsIgnoringCase("accept: text/event-stream\r\n");
        }
    }

    @Test
    void streamDeliversItsBodyThenTimesOutAfterTheReadTimeoutWithoutAFrame() throws Exception {
        TransportSettings quick = GENEROUS.toBuilder().readTimeout(Duration.ofMillis(400)).build();
        try (CannedServer server = CannedServer.tcp(r -> new CannedServer.Reply(
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n:keepalive\n\n"
                        .getBytes(StandardCharsets.US_ASCII), true))) {
            HttpTransport t = HttpTransport.builder(base(server, "")).settings(quick).build();
            try (WolfStream stream = t.openStream("/api/v1/events")) {
                assertThat(stream.header("content-type")).isEqualTo("text/event-stream");
                byte[] buf = new byte[64];
                int n = stream.body().read(buf);
                assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo(":keepalive\n\n");

                assertThatThrownBy(() -> stream.body().read(buf)).isInstanceOf(SocketTimeoutException.class);
            }
        }
    }

    @Test
    void endpointAndToStringShowTheBaseAndMaskTheToken() {
        URI base = URI.create("https://proxy.example/wolf");
        HttpTransport plain = HttpTransport.builder(base).build();
        HttpTransport withToken = HttpTransport.builder(base).bearerToken("t0ken").build();

        assertThat(plain.endpoint()).isEqualTo("https://proxy.example/wolf");
        assertThat(plain).hasToString("HttpTransport[https://proxy.example/wolf]");
        assertThat(withToken).hasToString("HttpTransport[https://proxy.example/wolf, token=****]");
    }

    @Test
    void tokenOfPrintableAsciiIsAcceptedFromBangToTilde() {
        HttpTransport.Builder b = HttpTransport.builder(URI.create("http://x"));

        assertThat(b.bearerToken("!")).isSameAs(b);
        assertThat(b.bearerToken("~")).isSameAs(b);
    }

    @Test
    void tokenWithASpaceADeleteOrNothingPrintableIsRefusedWithoutShowingIt() {
        HttpTransport.Builder b = HttpTransport.builder(URI.create("http://x"));

        for (String bad : new String[] {"sec ret", "sec\u007fret", "   ", "", "s\u00e9cret"}) {
            assertThatThrownBy(() -> b.bearerToken(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bearer token must be non-blank printable ASCII");
        }
        assertThatThrownBy(() -> b.bearerToken(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseMustBeHttpOrHttpsWithAHost() {
        assertThat(HttpTransport.builder(URI.create("https://x")).build().endpoint()).isEqualTo("https://x");
        assertThatThrownBy(() -> HttpTransport.builder(URI.create("http:///wolf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("with a host");
        assertThatThrownBy(() -> HttpTransport.builder(URI.create("/wolf")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpTransport.builder(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builderTakesSettingsAndATlsContextAndRefusesMissingOnes() throws Exception {
        HttpTransport.Builder b = HttpTransport.builder(URI.create("http://x"));

        assertThat(b.settings(GENEROUS)).isSameAs(b);
        assertThat(b.sslContext(SSLContext.getDefault())).isSameAs(b);

        assertThatThrownBy(() -> b.settings(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("settings");
        assertThatThrownBy(() -> b.sslContext(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("sslContext");
    }
}
