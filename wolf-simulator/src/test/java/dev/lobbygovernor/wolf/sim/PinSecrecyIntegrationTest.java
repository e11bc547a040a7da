package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.StopLobbyRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PIN never leaves as text: not in a log line (the guard checks every line, at TRACE), an
 * exception message, a {@code toString}, a reply or an event.
 */
@ExtendWith(PinLeakGuard.class)
class PinSecrecyIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void keepsThePinOutOfEveryMessageAndToStringOfAFullLobbyLifecycle() throws Exception {
        List<String> texts = new ArrayList<>();
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);
            var request = Clients.protectedLobby("secret");
            String id = client.createLobby(request);
            String session = sim.createSession("10.0.0.9");
            texts.add(request.toString());
            texts.add(new StopLobbyRequest(id, Clients.PIN).toString());
            texts.add(new JoinLobbyRequest(id, session, Clients.PIN).toString());
            texts.add(catchThrowable(() -> client.joinLobby(new JoinLobbyRequest(id, session, Clients.WRONG_PIN))).toString());
            client.joinLobby(new JoinLobbyRequest(id, session, Clients.PIN));
            texts.add(catchThrowable(() -> client.stopLobby(id, Optional.of(Clients.WRONG_PIN))).toString());
            texts.add(catchThrowable(() -> runtime.stopLobby(id, Optional.of(Clients.WRONG_PIN))).toString());
            texts.add(client.listLobbies().toString());
            texts.add(runtime.listLobbies().toString());
            texts.add(sim.lobbies().toString());
            texts.add(client.systemMemory().toString());
            texts.add(client.toString());
            texts.add(runtime.toString());
            runtime.stopLobby(id, Optional.of(Clients.PIN));
        }

        assertThat(texts).hasSize(12);
        texts.forEach(PinLeakGuard::assertNoPin);
    }

    @Test
    void keepsThePinOutOfTheRefusalOfAMalformedBody() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            String reply = RawWolf.post(sim.socketPath(), "/api/v1/lobbies/stop",
                    "{\"lobby_id\":7,\"pin\":[7,3,0,5,1,9],\"x\":");

            assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
            PinLeakGuard.assertNoPin(reply);
        }
    }

    @Test
    void keepsThePinOutOfTheListingWolfServes() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            client.createLobby(Clients.protectedLobby("secret"));

            String listing = RawWolf.get(sim.socketPath(), "/api/v1/lobbies");

            assertThat(listing).contains("\"pin_required\":true").doesNotContain("\"pin\"");
            PinLeakGuard.assertNoPin(listing);
        }
    }
}
