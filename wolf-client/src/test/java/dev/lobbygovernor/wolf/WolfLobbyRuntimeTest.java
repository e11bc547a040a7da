package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LiveSession;
import dev.lobbygovernor.core.runtime.SessionListing;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException.Kind;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.testing.ScriptedTransport;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    @Test
    void listsSessionsWithThoseInLobbiesAndThoseStreaming() throws Exception {
        transport.reply(200, "{\"success\":true,\"sessions\":[{\"client_id\":\"7\",\"app_id\":\"desktop\"},"
                        + "{\"client_id\":\"8\",\"app_id\":\"steam\"}]}")
                .reply(200, "{\"success\":true,\"lobbies\":[{\"id\":\"L1\",\"connected_sessions\":[\"7\"]}]}")
                .reply(200, "{\"success\":true,\"clients\":[{\"session_id\":\"8\"},{\"client_ip\":\"x\"}]}");

        SessionListing listing = runtime.listSessions();

        assertThat(listing).isEqualTo(new SessionListing(List.of(new LiveSession("7", "desktop"),
                new LiveSession("8", "steam")), Set.of("7"), true, Set.of("8")));
    }

    @Test
    void sessionListingOfAWolfWithoutTheMemoryReportDoesNotKnowItsClients() throws Exception {
        transport.reply(200, "{\"success\":true,\"sessions\":[]}")
                .reply(200, "{\"success\":true,\"lobbies\":[]}")
                .reply(404, "");

        SessionListing listing = runtime.listSessions();

        assertThat(listing.clientsKnown()).isFalse();
        assertThat(listing.sessions()).isEmpty();
    }

    @Test
    void stopSessionAsksWolfAndARefusalIsRejectedNamingTheSession() throws Exception {
        transport.reply(200, "{\"success\":true}").reply(500, "{\"success\":false,\"error\":\"Invalid session_id\"}");

        runtime.stopSession("7");
        assertThat(transport.requests()).singleElement().satisfies(r -> assertThat(r.path()).contains("stop"));

        assertThatThrownBy(() -> runtime.stopSession("9"))
                .isInstanceOfSatisfying(LobbyRuntimeException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("stop streaming session 9").hasMessageContaining("Invalid session_id");
    }

    @Test
    void toStringNamesTheWolf() {
        assertThat(runtime).hasToString("WolfLobbyRuntime[scripted:]");
    }
}
