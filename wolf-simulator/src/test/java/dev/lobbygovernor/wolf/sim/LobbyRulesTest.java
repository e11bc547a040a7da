package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.model.WolfJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wolf's lobby rules as the simulator enforces them, seen over the raw socket. */
class LobbyRulesTest {

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

    private String create(String name, String pinJson) throws IOException {
        String reply = RawWolf.post(sim.socketPath(), "/api/v1/lobbies/create",
                RawWolf.createBody(name, pinJson));
        JsonNode json = WolfJson.mapper().readTree(RawWolf.body(reply));
        assertThat(json.get("success").asBoolean()).as(reply).isTrue();
        return json.get("lobby_id").asText();
    }

    private String stop(String lobbyId, String pinJson) throws IOException {
        String body = "{\"lobby_id\":\"" + lobbyId + "\"" + (pinJson == null ? "" : ",\"pin\":" + pinJson) + "}";
        return RawWolf.post(sim.socketPath(), "/api/v1/lobbies/stop", body);
    }

    @Test
    void createsALobbyWithAUuidAndListsItWithoutItsPin() throws IOException {
        String id = create("agent-1", "[4,8,1,5]");

        String listing = RawWolf.body(RawWolf.get(sim.socketPath(), "/api/v1/lobbies"));
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(listing).contains("\"id\":\"" + id + "\"", "\"pin_required\":true",
                "\"started_by_profile_id\":\"p1\"", "\"connected_sessions\":[]")
                .doesNotContain("\"pin\"").doesNotContain("4,8,1,5");
    }

    @Test
    void stopsAProtectedLobbyOnlyWithTheIdenticalPin() throws IOException {
        String id = create("agent-1", "[4,8,1,5]");

        String wrong = stop(id, "[4,8,1,6]");
        String missing = stop(id, null);
        String prefix = stop(id, "[4,8,1]");
        assertThat(sim.lobbies()).hasSize(1);
        String right = stop(id, "[4,8,1,5]");

        assertThat(RawWolf.body(wrong)).isEqualTo("{\"success\":false,\"error\":\"Invalid PIN\"}");
        assertThat(RawWolf.statusLine(wrong)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(missing)).contains("Invalid PIN");
        assertThat(RawWolf.body(prefix)).contains("Invalid PIN");
        assertThat(RawWolf.body(right)).isEqualTo("{\"success\":true}");
        assertThat(sim.lobbies()).isEmpty();
    }

    @Test
    void refusesAPinForAnOpenLobby() throws IOException {
        String id = create("open", null);

        assertThat(RawWolf.body(stop(id, "[1,2,3,4]"))).contains("Invalid PIN");
        assertThat(RawWolf.body(stop(id, null))).isEqualTo("{\"success\":true}");
    }

    @Test
    void refusesAnUnknownLobbyWithInvalidLobbyId() throws IOException {
        assertThat(RawWolf.body(stop("3f1c2d4e-0000-0000-0000-000000000000", null)))
                .isEqualTo("{\"success\":false,\"error\":\"Invalid lobby ID\"}");
    }

    @Test
    void stopsALobbyWhenItsLastSessionLeavesIfAskedTo() throws IOException {
        String lobby = create("shared", null);
        String added = RawWolf.body(RawWolf.post(sim.socketPath(), "/api/v1/sessions/add",
                RawWolf.addSessionBody("desktop", sim.pairClient(), "10.0.0.7")));
        String session = WolfJson.mapper().readTree(added).get("session_id").asText();
        RawWolf.post(sim.socketPath(), "/api/v1/lobbies/join",
                "{\"lobby_id\":\"" + lobby + "\",\"moonlight_session_id\":\"" + session + "\"}");
        assertThat(sim.lobbies().get(0).connectedSessions()).containsExactly(session);

        RawWolf.post(sim.socketPath(), "/api/v1/lobbies/leave",
                "{\"lobby_id\":\"" + lobby + "\",\"moonlight_session_id\":\"" + session + "\"}");

        assertThat(sim.lobbies()).isEmpty();
    }

    @Test
    void writesSessionIdsAsUnsignedDecimalStrings() throws IOException {
        String added = RawWolf.body(RawWolf.post(sim.socketPath(), "/api/v1/sessions/add",
                RawWolf.addSessionBody("desktop", sim.pairClient(), "10.0.0.7")));

        assertThat(WolfJson.mapper().readTree(added).get("session_id").isTextual()).isTrue();
        assertThat(WolfJson.mapper().readTree(added).get("session_id").asText()).matches("[0-9]{1,20}");
    }

    @Test
    void refusesToJoinWithAnUnknownSession() throws IOException {
        String lobby = create("solo", null);

        String reply = RawWolf.post(sim.socketPath(), "/api/v1/lobbies/join",
                "{\"lobby_id\":\"" + lobby + "\",\"moonlight_session_id\":\"42\"}");

        assertThat(RawWolf.body(reply)).contains("Invalid session ID");
    }

    @Test
    void plantsALeakedLobbyThatTheListingShows() throws IOException {
        String id = sim.createLeakedLobby("leaked", Optional.of(LobbyPin.of("9071")));

        assertThat(RawWolf.body(RawWolf.get(sim.socketPath(), "/api/v1/lobbies"))).contains(id);
        assertThat(sim.lobbies()).singleElement()
                .satisfies(l -> assertThat(l.pinRequired()).isTrue());
        assertThat(RawWolf.body(stop(id, "[9,0,7,1]"))).isEqualTo("{\"success\":true}");
    }
}
