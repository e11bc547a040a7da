package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException.Kind;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.testing.ScriptedTransport;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Wolf as the governor's LobbyRuntime: what it lists, and how refusals map to kinds. */
class WolfLobbyRuntimeTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final WolfLobbyRuntime runtime = new WolfLobbyRuntime(WolfClient.builder()
            .transport(transport).readRetries(RetryPolicy.none()).build());

    @Test
    void listsLiveLobbiesWithTheirConnectedSessionCount() throws Exception {
        transport.reply(200, "{\"success\":true,\"lobbies\":[{\"id\":\"L1\",\"name\":\"a\","
                + "\"pin_required\":true,\"connected_sessions\":[\"1\",\"2\"]},{\"id\":\"L2\"}]}");

        assertThat(runtime.listLobbies()).containsExactly(
                new LiveLobby("L1", "a", true, 2), new LiveLobby("L2", "", false, 0));
    }

    @Test
    void invalidPinIsRejectedWithWolfsText() {
        transport.reply(500, "{\"success\":false,\"error\":\"Invalid PIN\"}");

        assertThatThrownBy(() -> runtime.stopLobby("L1", Optional.of(LobbyPin.of("1234"))))
                .isInstanceOfSatisfying(LobbyRuntimeException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("stop lobby L1").hasMessageContaining("Invalid PIN");
    }

    @Test
    void invalidLobbyIdIsRejected() {
        transport.reply(500, "{\"success\":false,\"error\":\"Invalid lobby ID\"}");

        assertThatThrownBy(() -> runtime.stopLobby("gone", Optional.empty()))
                .isInstanceOfSatisfying(LobbyRuntimeException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("Invalid lobby ID");
    }

    @Test
    void unreachableWolfIsUnavailable() {
        transport.unavailable(1);

        assertThatThrownBy(runtime::listLobbies)
                .isInstanceOfSatisfying(LobbyRuntimeException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void garbledReplyIsAProtocolFailure() {
        transport.reply(200, "not json");

        assertThatThrownBy(runtime::listLobbies)
                .isInstanceOfSatisfying(LobbyRuntimeException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    }

    @Test
    void lobbyWithoutAnIdIsAProtocolFailure() {
        transport.reply(200, "{\"success\":true,\"lobbies\":[{\"name\":\"x\"}]}");

        assertThatThrownBy(runtime::listLobbies)
                .isInstanceOfSatisfying(LobbyRuntimeException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    }

    @Test
    void stopSendsThePinAndSucceedsOnWolfsOk() throws Exception {
        transport.reply(200, "{\"success\":true}");

        runtime.stopLobby("L1", Optional.of(LobbyPin.of("0042")));

        assertThat(new String(transport.requests().get(0).body()))
                .isEqualTo("{\"lobby_id\":\"L1\",\"pin\":[0,0,4,2]}");
    }
}
