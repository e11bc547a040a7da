package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.wolf.internal.WolfRequest;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.StopLobbyRequest;
import dev.lobbygovernor.wolf.model.WolfEvent;
import dev.lobbygovernor.wolf.testing.CannedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4: a lobby PIN never appears in a log line, an exception message or a
 * {@code toString} — requests carrying a PIN included — whatever Wolf answers.
 */
class PinSecrecyTest {

    private static final String PIN = "9173";
    private static final List<String> FORMS = List.of("9173", "9,1,7,3", "9, 1, 7, 3");

    @TempDir
    Path dir;

    private static void assertNoPin(String text) {
        for (String form : FORMS) {
            assertThat(text).as("text must not carry the PIN").doesNotContain(form);
        }
    }

    private static void assertNoPin(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertNoPin(String.valueOf(c.getMessage()));
            assertNoPin(c.toString());
        }
    }

    private static WolfClient client(Path socket) {
        return WolfClient.builder().unixSocket(socket).readRetries(RetryPolicy.none())
                .settings(TransportSettings.builder().requestTimeout(Duration.ofMillis(300))
                        .readTimeout(Duration.ofMillis(300)).build())
                .build();
    }

    @Test
    void requestsCarryingAPinShowItMasked() {
        LobbyPin pin = LobbyPin.of(PIN);

        assertNoPin(new StopLobbyRequest("L", pin).toString());
        assertNoPin(new JoinLobbyRequest("L", "1", pin).toString());
        assertNoPin(WolfRequest.post("/api/v1/lobbies/stop", ("{\"lobby_id\":\"L\",\"pin\":"
                + "[9,1,7,3]}").getBytes()).toString());
    }

    @Test
    void noPinInLogsOrErrorsWhateverWolfAnswers() throws Exception {
        List<CannedServer.Script> answers = List.of(
                r -> CannedServer.wolf(500, "{\"success\":false,\"error\":\"Invalid PIN\"}"),
                // a Wolf that echoes the request body in its error
                r -> CannedServer.wolf(500, "{\"success\":false,\"error\":\"bad json: "
                        + r.substring(r.indexOf("\r\n\r\n") + 4).replace("\"", "'") + "\"}"),
                r -> CannedServer.wolf(400, r.substring(r.indexOf("\r\n\r\n") + 4)),
                r -> CannedServer.raw("HTTP/1.0 200 OK\r\n\r\n" + r.substring(r.indexOf("{"))),
                r -> CannedServer.raw("garbage " + r),
                r -> new CannedServer.Silence());
        try (LogCapture logs = LogCapture.library()) {
            for (CannedServer.Script answer : answers) {
                Path socket = dir.resolve("w" + answers.indexOf(answer) + ".sock");
                try (CannedServer server = CannedServer.unix(socket, answer);
                        WolfClient client = client(socket)) {
                    Throwable direct = catchThrowable(
                            () -> client.stopLobby("L1", Optional.of(LobbyPin.of(PIN))));
                    Throwable viaRuntime = catchThrowable(() -> new WolfLobbyRuntime(client)
                            .stopLobby("L1", Optional.of(LobbyPin.of(PIN))));
                    Throwable join = catchThrowable(() -> client.joinLobby(
                            new JoinLobbyRequest("L1", "5", LobbyPin.of(PIN))));

                    assertThat(direct).isInstanceOf(WolfException.class);
                    assertThat(viaRuntime).isInstanceOf(LobbyRuntimeException.class);
                    assertNoPin(direct);
                    assertNoPin(viaRuntime);
                    assertNoPin(join);
                    assertThat(server.requests()).allSatisfy(
                            req -> assertThat(req).contains("\"pin\":[9,1,7,3]"));
                }
            }
            for (String form : FORMS) {
                assertThat(logs.anyLineContains(form)).isFalse();
            }
        }
    }

    @Test
    void eventsWithPinsAreNeitherLoggedNorShownWithTheirPin() throws Exception {
        String stream = "HTTP/1.0 200 OK\r\n\r\n"
                + "event: wolf::core::events::JoinLobbyEvent\ndata: {\"lobby_id\":\"L\","
                + "\"moonlight_session_id\":\"1\",\"pin\":[9,1,7,3]}\n\n"
                + "event: wolf::core::events::PauseLobbyEvent\ndata: {\"pin\":[9,1,7,3]}\n\n"
                + "event: wolf::core::events::StopLobbyEvent\ndata: {\"lobby_id\":1,\"pin\":[9,1,7,3\n\n"
                + "event: wolf::core::events::StopLobbyEvent\ndata: {\"lobby_id\":\"end\"}\n\n";
        List<WolfEvent> events = new ArrayList<>();
        CountDownLatch sawEnd = new CountDownLatch(1);
        try (LogCapture logs = LogCapture.library();
                CannedServer server = CannedServer.unix(dir.resolve("e.sock"), stream);
                EventSubscription sub = client(server.socketPath()).events(e -> {
                    events.add(e);
                    if (e.equals(new WolfEvent.LobbyStopped("end"))) {
                        sawEnd.countDown();
                    }
                }, Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            sub.start();
            assertThat(sawEnd.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(events).hasSize(3);
            events.forEach(e -> assertNoPin(e.toString()));
            for (String form : FORMS) {
                assertThat(logs.anyLineContains(form)).isFalse();
            }
        }
    }
}
