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

/** Wolf's pairing endpoints: paired clients, clients waiting for a PIN, and pairing one. */
class PairingEndpointsTest {

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

    private JsonNode get(String path) throws IOException {
        return WolfJson.mapper().readTree(RawWolf.body(RawWolf.get(sim.socketPath(), path)));
    }

    @Test
    void listsPairedClientsWithTheirFolderAndSettings() throws IOException {
        String id = sim.pairClient();

        JsonNode client = get("/api/v1/clients").get("clients").get(0);

        assertThat(client.get("client_id").asText()).isEqualTo(id).matches("[0-9]{1,20}");
        assertThat(client.get("app_state_folder").asText()).isNotEmpty();
        assertThat(client.get("settings").get("controllers_override").isArray()).isTrue();
        assertThat(client.get("settings").get("mouse_acceleration").asDouble()).isEqualTo(1.0);
    }

    @Test
    void listsAClientWaitingForItsPin() throws IOException {
        String secret = sim.requestPairing("10.0.0.5");

        JsonNode pending = get("/api/v1/pair/pending");

        assertThat(pending.get("success").asBoolean()).isTrue();
        assertThat(pending.get("requests").get(0).get("pair_secret").asText()).isEqualTo(secret);
        assertThat(pending.get("requests").get(0).get("client_ip").asText()).isEqualTo("10.0.0.5");
    }

    @Test
    void pairsAWaitingClientThatMayThenStream() throws IOException {
        String secret = sim.requestPairing("10.0.0.5");

        String reply = RawWolf.post(sim.socketPath(), "/api/v1/pair/client",
                "{\"pair_secret\":\"" + secret + "\",\"pin\":\"4821\"}");

        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":true}");
        assertThat(get("/api/v1/pair/pending").get("requests")).isEmpty();
        String client = get("/api/v1/clients").get("clients").get(0).get("client_id").asText();
        String added = RawWolf.post(sim.socketPath(), "/api/v1/sessions/add",
                RawWolf.addSessionBody("desktop", client, "10.0.0.5"));
        assertThat(RawWolf.statusLine(added)).isEqualTo("HTTP/1.0 200 OK");
    }

    @Test
    void refusesAPinForASecretNoClientWaitsWith() throws IOException {
        String reply = RawWolf.post(sim.socketPath(), "/api/v1/pair/client",
                "{\"pair_secret\":\"feedface\",\"pin\":\"4821\"}");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":false,\"error\":\"Invalid pair secret\"}")
                .doesNotContain("4821");
    }

    @Test
    void keepsPairedClientsAcrossARestartButNotClientsWaitingForAPin() throws IOException {
        String id = sim.pairClient();
        sim.requestPairing("10.0.0.5");

        sim.restart();

        assertThat(get("/api/v1/clients").get("clients").get(0).get("client_id").asText()).isEqualTo(id);
        assertThat(get("/api/v1/pair/pending").get("requests")).isEmpty();
    }
}
