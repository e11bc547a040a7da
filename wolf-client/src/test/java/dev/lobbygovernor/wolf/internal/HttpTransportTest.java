package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfApiException;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import dev.lobbygovernor.wolf.testing.CannedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The TCP/TLS transport for Wolf behind a reverse proxy, against a canned TCP server. */
class HttpTransportTest {

    /** Generous timeouts where a reply is expected: the build machine may be loaded. */
    private static final TransportSettings GENEROUS = TransportSettings.builder()
            .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10))
            .maxResponseBytes(2048).build();
    /** A short request timeout for the tests that expect it to fire. */
    private static final TransportSettings SHORT = GENEROUS.toBuilder()
            .requestTimeout(Duration.ofMillis(500)).build();

    private static URI base(CannedServer server, String path) throws Exception {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void sendsTheBearerTokenAndKeepsTheBasePath() throws Exception {
        try (CannedServer server = CannedServer.tcp(
                r -> CannedServer.wolf(200, "{\"success\":true,\"lobbies\":[]}"))) {
            WolfClient client = WolfClient.builder()
                    .http(base(server, "/wolf/"), Optional.of("s3cr3t-token")).settings(GENEROUS).build();

            assertThat(client.listLobbies()).isEmpty();
            assertThat(server.requests()).singleElement().satisfies(req -> assertThat(req)
                    .startsWith("GET /wolf/api/v1/lobbies HTTP/1.1\r\n")
                    .containsIgnoringCase("authorization: Bearer s3cr3t-token\r\n"));
            assertThat(client.toString()).doesNotContain("s3cr3t-token");
        }
    }

    @Test
    void postsJsonAndKeepsWolfsErrorText() throws Exception {
        try (CannedServer server = CannedServer.tcp(
                r -> CannedServer.wolf(500, "{\"success\":false,\"error\":\"Invalid lobby ID\"}"))) {
            WolfClient client = WolfClient.builder().http(base(server, ""), Optional.empty())
                    .settings(GENEROUS).build();

            assertThatThrownBy(() -> client.stopLobby("nope", Optional.empty()))
                    .isInstanceOfSatisfying(WolfApiException.class,
                            e -> assertThat(e.wolfError()).isEqualTo("Invalid lobby ID"));
            assertThat(server.requests().get(0)).startsWith("POST /api/v1/lobbies/stop HTTP/1.1")
                    .containsIgnoringCase("content-type: application/json")
                    .endsWith("{\"lobby_id\":\"nope\"}");
        }
    }

    @Test
    void replyOverTheCapIsAProtocolError() throws Exception {
        try (CannedServer server = CannedServer.tcp(
                r -> CannedServer.wolf(200, "{\"x\":\"" + "a".repeat(5000) + "\"}"))) {
            HttpTransport t = HttpTransport.builder(base(server, "")).settings(GENEROUS).build();

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/apps")))
                    .isInstanceOf(WolfProtocolException.class).hasMessageContaining("2048-byte");
        }
    }

    @Test
    void proxyThatStallsMidBodyHitsTheRequestTimeout() throws Exception {
        byte[] partial = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"succ"
                .getBytes(StandardCharsets.US_ASCII);
        try (CannedServer server = CannedServer.tcp(r -> new CannedServer.Reply(partial, true))) {
            HttpTransport t = HttpTransport.builder(base(server, "")).settings(SHORT).build();
            long start = System.nanoTime();

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                    .isInstanceOfSatisfying(WolfUnavailableException.class,
                            e -> assertThat(e.timedOut()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(SHORT.requestTimeout().plusSeconds(5));
        }
    }

    @Test
    void proxyThatNeverAnswersHitsTheRequestTimeout() throws Exception {
        try (CannedServer server = CannedServer.tcp(r -> new CannedServer.Silence())) {
            HttpTransport t = HttpTransport.builder(base(server, "")).settings(SHORT).build();

            assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                    .isInstanceOfSatisfying(WolfUnavailableException.class,
                            e -> assertThat(e.timedOut()).isTrue());
        }
    }

    @Test
    void nobodyListeningIsUnavailable() throws Exception {
        URI dead;
        try (CannedServer server = CannedServer.tcp(r -> new CannedServer.Silence())) {
            dead = base(server, "");
        }
        HttpTransport t = HttpTransport.builder(dead).settings(GENEROUS).build();

        assertThatThrownBy(() -> t.exchange(WolfRequest.get("/api/v1/lobbies")))
                .isInstanceOf(WolfUnavailableException.class);
    }

    @Test
    void refusesABaseThatIsNotHttpAndATokenThatCouldInjectAHeader() {
        assertThatThrownBy(() -> HttpTransport.builder(URI.create("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpTransport.builder(URI.create("http://x")).bearerToken("a\r\nb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("a\r\nb");
    }
}
