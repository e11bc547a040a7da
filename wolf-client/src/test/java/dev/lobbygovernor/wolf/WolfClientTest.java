package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.internal.WolfRequest;
import dev.lobbygovernor.wolf.model.AudioSettings;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.model.VideoSettings;
import dev.lobbygovernor.wolf.testing.ScriptedTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The typed client: decoding, Wolf's error text, "not supported", and when it retries. */
class WolfClientTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final WolfClient client = WolfClient.builder().transport(transport)
            .sleeper(sleeps::add).random(() -> 0.5).build();

    private static CreateLobbyRequest create() {
        return CreateLobbyRequest.of("p", "n", new VideoSettings(1280, 720, 60, "", "", "", null),
                new AudioSettings(2), "/tmp", new Runner.Process("true"));
    }

    @Test
    void listsLobbies() throws Exception {
        transport.reply(200, "{\"success\":true,\"lobbies\":[{\"id\":\"L1\",\"name\":\"a\","
                + "\"pin_required\":true,\"connected_sessions\":[\"7\"]}]}");

        assertThat(client.listLobbies()).singleElement()
                .satisfies(l -> assertThat(l.id()).isEqualTo("L1"));
        assertThat(transport.requests()).containsExactly(WolfRequest.get("/api/v1/lobbies"));
    }

    @Test
    void createReturnsTheNewLobbyIdAndSendsThePinAsAnArray() throws Exception {
        transport.reply(200, "{\"success\":true,\"lobby_id\":\"L9\"}");

        assertThat(client.createLobby(create().withPin(LobbyPin.of("1234")))).isEqualTo("L9");
        String sent = new String(transport.requests().get(0).body(), StandardCharsets.UTF_8);
        assertThat(sent).contains("\"pin\":[1,2,3,4]");
    }

    @Test
    void refusalKeepsWolfsOwnErrorText() {
        transport.reply(500, "{\"success\":false,\"error\":\"Invalid PIN\"}");

        assertThatThrownBy(() -> client.stopLobby("L1", Optional.of(LobbyPin.of("1111"))))
                .isInstanceOfSatisfying(WolfApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.wolfError()).isEqualTo("Invalid PIN");
                    assertThat(e.path()).isEqualTo("/api/v1/lobbies/stop");
                })
                .hasMessageContaining("Invalid PIN");
    }

    @Test
    void successFalseOnA200IsARefusalWithWolfsText() {
        transport.reply(200, "{\"success\":false,\"error\":\"Lobby setup timed out\"}");

        assertThatThrownBy(() -> client.createLobby(create()))
                .isInstanceOfSatisfying(WolfApiException.class,
                        e -> assertThat(e.wolfError()).isEqualTo("Lobby setup timed out"));
    }

    @Test
    void systemMemoryOfAWolfWithoutTheRouteIsEmpty() throws Exception {
        transport.reply(404, "");

        assertThat(client.systemMemory()).isEmpty();
    }

    @Test
    void systemHealthOfAWolfWithoutTheRouteIsEmpty() throws Exception {
        transport.reply(404, "");

        assertThat(client.systemHealth()).isEmpty();
    }

    @Test
    void unknownRouteOnOtherCallsSaysTheRouteIsNotServed() {
        transport.reply(404, "");

        assertThatThrownBy(client::listApps).isInstanceOf(WolfApiException.class)
                .hasMessageContaining("does not serve that route");
    }

    @Test
    void malformedJsonIsAProtocolErrorWithAnExcerpt() {
        transport.reply(200, "{\"success\":true,\"lobbies\":[{\"id\":");

        assertThatThrownBy(client::listLobbies)
                .isInstanceOfSatisfying(WolfProtocolException.class,
                        e -> assertThat(e.excerpt()).contains("\"lobbies\":[{\"id\":"));
    }

    @Test
    void wrongJsonShapeIsAProtocolErrorNamingTheField() {
        transport.reply(200, "{\"success\":true,\"lobbies\":{\"id\":\"x\"}}");

        assertThatThrownBy(client::listLobbies).isInstanceOf(WolfProtocolException.class)
                .hasMessageContaining("lobbies");
    }

    @Test
    void readsAreRetriedWithGrowingJitteredBackoff() throws Exception {
        transport.unavailable(2).reply(200, "{\"success\":true,\"sessions\":[]}");

        assertThat(client.listSessions()).isEmpty();
        assertThat(transport.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void readsGiveUpAfterTheLastAttempt() {
        transport.unavailable(RetryPolicy.DEFAULT_MAX_ATTEMPTS);

        assertThatThrownBy(client::listLobbies).isInstanceOf(WolfUnavailableException.class);
        assertThat(transport.requests()).hasSize(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void createIsNeverRetried() {
        transport.unavailable(1).reply(200, "{\"success\":true,\"lobby_id\":\"L\"}");

        assertThatThrownBy(() -> client.createLobby(create()))
                .isInstanceOf(WolfUnavailableException.class);
        assertThat(transport.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void stopIsNeverRetried() {
        transport.unavailable(1).reply(200, "{\"success\":true}");

        assertThatThrownBy(() -> client.stopLobby("L", Optional.empty()))
                .isInstanceOf(WolfUnavailableException.class);
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void refusalsAreNotRetriedEvenForReads() {
        transport.reply(500, "{\"success\":false,\"error\":\"boom\"}");

        assertThatThrownBy(client::listLobbies).isInstanceOf(WolfApiException.class);
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void proxyGatewayErrorCountsAsUnavailableAndIsRetriedForReads() throws Exception {
        transport.reply(502, "<html>Bad Gateway</html>")
                .reply(200, "{\"success\":true,\"apps\":[]}");

        assertThat(client.listApps()).isEmpty();
        assertThat(transport.requests()).hasSize(2);
    }

    @Test
    void nonJsonErrorBodyIsKeptAsTheErrorText() {
        transport.reply(403, "<html>Forbidden</html>");

        assertThatThrownBy(client::listApps)
                .isInstanceOfSatisfying(WolfApiException.class,
                        e -> assertThat(e.wolfError()).isEqualTo("<html>Forbidden</html>"));
    }

    @Test
    void stopOfAnOpenLobbyOmitsThePin() throws Exception {
        transport.reply(200, "{\"success\":true}");

        client.stopLobby("L1", Optional.empty());

        assertThat(new String(transport.requests().get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"lobby_id\":\"L1\"}");
    }

    @Test
    void sslContextIsRefusedForAUnixSocket() throws Exception {
        WolfClient.Builder b = WolfClient.builder().unixSocket(Path.of("/tmp/w.sock"))
                .sslContext(SSLContext.getDefault());

        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("http()");
    }

    @Test
    void builderRefusesABadProxyBaseOrTokenAtOnce() {
        assertThatThrownBy(() -> WolfClient.builder().http(URI.create("unix:/x"),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WolfClient.builder().http(URI.create("https://wolf"),
                Optional.of("bad token"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("bad token");
        assertThatThrownBy(() -> WolfClient.builder().settings(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void sessionStopSendsTheIdAsAString() throws Exception {
        transport.reply(200, "{\"success\":true}");

        client.stopSession("18446744073709551615");

        assertThat(new String(transport.requests().get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"session_id\":\"18446744073709551615\"}");
    }
}
