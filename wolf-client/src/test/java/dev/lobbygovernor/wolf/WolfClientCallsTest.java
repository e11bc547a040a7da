package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.LobbyCredentials;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.internal.WolfRequest;
import dev.lobbygovernor.wolf.model.AudioSettings;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.LeaveLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.model.VideoSettings;
import dev.lobbygovernor.wolf.testing.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each call of the client asks the right path and returns what Wolf answered, not a default. */
class WolfClientCallsTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final WolfClient client = WolfClient.builder().transport(transport).readRetries(RetryPolicy.none())
            .build();

    private String sent(int i) {
        return new String(transport.requests().get(i).body(), StandardCharsets.UTF_8);
    }

    @Test
    void listsAppsAsWolfListsThem() throws Exception {
        transport.reply(200, "{\"success\":true,\"apps\":[{\"id\":\"1\",\"title\":\"Desktop\"}]}");

        assertThat(client.listApps()).singleElement().satisfies(a -> assertThat(a.title()).isEqualTo("Desktop"));
        assertThat(transport.requests()).containsExactly(WolfRequest.get("/api/v1/apps"));
    }

    @Test
    void listsSessionsAsWolfListsThem() throws Exception {
        transport.reply(200, "{\"success\":true,\"sessions\":[{\"client_id\":\"7\",\"app_id\":\"desktop\"}]}");

        assertThat(client.listSessions()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("7"));
        assertThat(transport.requests()).containsExactly(WolfRequest.get("/api/v1/sessions"));
    }

    @Test
    void systemHealthIsWolfsAnswerWhenItServesIt() throws Exception {
        transport.reply(200, "{\"success\":true,\"overall_status\":\"healthy\",\"can_create_new_pipelines\":true}");

        assertThat(client.systemHealth()).hasValueSatisfying(h -> assertThat(h.overallStatus()).isEqualTo("healthy"));
        assertThat(transport.requests()).containsExactly(WolfRequest.get("/api/v1/system/health"));
    }

    @Test
    void joinAndLeaveArePostedToTheirPaths() throws Exception {
        transport.reply(200, "{\"success\":true}").reply(200, "{\"success\":true}");

        client.joinLobby(new JoinLobbyRequest("L1", "7", null));
        client.leaveLobby(new LeaveLobbyRequest("L1", "7"));

        assertThat(transport.requests()).extracting(WolfRequest::path)
                .containsExactly("/api/v1/lobbies/join", "/api/v1/lobbies/leave");
        assertThat(sent(0)).contains("\"lobby_id\":\"L1\"");
        assertThat(sent(1)).contains("\"lobby_id\":\"L1\"");
    }

    @Test
    void createWithCredentialsSendsTheirNameAndPinAndReturnsTheId() throws Exception {
        transport.reply(200, "{\"success\":true,\"lobby_id\":\"L9\"}");
        CreateLobbyRequest request = CreateLobbyRequest.of("p", "placeholder",
                new VideoSettings(1280, 720, 60, "", "", "", null), new AudioSettings(2), "/tmp",
                new Runner.Process("true"));

        String id = client.createLobby(request, new LobbyCredentials("lg-7f3a", LobbyPin.of("5813")));

        assertThat(id).isEqualTo("L9");
        assertThat(sent(0)).contains("\"name\":\"lg-7f3a\"", "\"pin\":[5,8,1,3]").doesNotContain("placeholder");
    }

    @Test
    void eventsGivesASubscriptionNotYetStarted() {
        try (EventSubscription subscription = client.events(e -> { })) {
            assertThat(subscription).isNotNull();
            assertThat(transport.requests()).isEmpty();
        }
    }

    @Test
    void endpointAndToStringNameTheTransportsEndpoint() {
        assertThat(client.endpoint()).isEqualTo("scripted:");
        assertThat(client).hasToString("WolfClient[scripted:]");
    }
}
