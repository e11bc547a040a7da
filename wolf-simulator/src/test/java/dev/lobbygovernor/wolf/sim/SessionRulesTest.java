package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.wolf.model.WolfJson;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wolf's streaming-session rules as the simulator enforces them, seen over the raw socket. */
class SessionRulesTest {

    @TempDir
    Path dir;

    private WolfSimulator sim;

    @BeforeEach
    void start() throws IOException {
        sim = WolfSimulator.builder().start(dir);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String add(String body) throws IOException {
        return RawWolf.post(sim.socketPath(), "/api/v1/sessions/add", body);
    }

    private JsonNode listed() throws IOException {
        return WolfJson.mapper().readTree(RawWolf.body(RawWolf.get(sim.socketPath(), "/api/v1/sessions")))
                .get("sessions");
    }

    @Test
    void answersAnAddedSessionWithThePairedClientsIdAsItsId() throws IOException {
        String client = sim.pairClient();

        String reply = add(RawWolf.addSessionBody("desktop", client, "10.0.0.7"));

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 200 OK");
        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":true,\"session_id\":\"" + client + "\"}");
    }

    @Test
    void listsASessionUnderClientIdWithNoSessionIdKey() throws IOException {
        String client = sim.pairClient();
        add(RawWolf.addSessionBody("desktop", client, "10.0.0.7"));

        JsonNode session = listed().get(0);

        assertThat(session.get("client_id").asText()).isEqualTo(client);
        assertThat(session.has("session_id")).isFalse();
        assertThat(session.get("app_id").asText()).isEqualTo("desktop");
        assertThat(session.get("aes_key").asText()).isEqualTo("0123456789ABCDEF0123456789ABCDEF");
        assertThat(session.get("aes_iv").asText()).isEqualTo("00112233445566778899AABBCCDDEEFF");
        assertThat(session.get("rtsp_fake_ip").asText()).isEqualTo("10.0.0.7");
        assertThat(session.get("client_settings").get("run_uid").asInt()).isEqualTo(1000);
    }

    @Test
    void stopsASessionByTheClientIdItIsListedWith() throws IOException {
        add(RawWolf.addSessionBody("desktop", sim.pairClient(), "10.0.0.7"));
        String listedId = listed().get(0).get("client_id").asText();

        String reply = RawWolf.post(sim.socketPath(), "/api/v1/sessions/stop",
                "{\"session_id\":\"" + listedId + "\"}");

        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":true}");
        assertThat(listed()).isEmpty();
    }

    @Test
    void refusesToStopASessionItDoesNotRunWithInvalidSessionId() throws IOException {
        String reply = RawWolf.post(sim.socketPath(), "/api/v1/sessions/stop", "{\"session_id\":\"42\"}");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":false,\"error\":\"Invalid session_id\"}");
    }

    @Test
    void refusesASessionForAnAppItDoesNotHave() throws IOException {
        String reply = add(RawWolf.addSessionBody("no-such-app", sim.pairClient(), "10.0.0.7"));

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":false,\"error\":\"Invalid app_id\"}");
        assertThat(listed()).isEmpty();
    }

    @Test
    void refusesASessionForAClientThatIsNotPaired() throws IOException {
        String reply = add(RawWolf.addSessionBody("desktop", "12345", "10.0.0.7"));

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":false,\"error\":\"Invalid client_id\"}");
        assertThat(listed()).isEmpty();
    }

    @Test
    void refusesASessionWithoutItsAesKey() throws IOException {
        String body = RawWolf.addSessionBody("desktop", sim.pairClient(), "10.0.0.7")
                .replace("\"aes_key\":\"0123456789ABCDEF0123456789ABCDEF\",", "");

        String reply = add(body);

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(reply)).contains("\"success\":false").contains("aes_key");
        assertThat(listed()).isEmpty();
    }

    @Test
    void listsTheSessionIdsALobbyConnectsUnderTheSameValue() throws IOException {
        String lobby = WolfJson.mapper().readTree(RawWolf.body(RawWolf.post(sim.socketPath(),
                "/api/v1/lobbies/create", RawWolf.createBody("shared", null)))).get("lobby_id").asText();
        String session = sim.createSession("10.0.0.8");

        RawWolf.post(sim.socketPath(), "/api/v1/lobbies/join",
                "{\"lobby_id\":\"" + lobby + "\",\"moonlight_session_id\":\"" + session + "\"}");

        assertThat(listed().get(0).get("client_id").asText()).isEqualTo(session);
        assertThat(sim.lobbies().get(0).connectedSessions()).containsExactly(session);
    }
}
