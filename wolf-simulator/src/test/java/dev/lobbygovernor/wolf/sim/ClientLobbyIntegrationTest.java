package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.wolf.WolfApiException;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.LeaveLobbyRequest;
import dev.lobbygovernor.wolf.model.Lobby;
import dev.lobbygovernor.wolf.model.Runner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** WolfClient's lobby methods against the simulator over a real UNIX socket. */
@ExtendWith(PinLeakGuard.class)
class ClientLobbyIntegrationTest {

    @TempDir
    Path dir;

    private WolfSimulator sim;
    private WolfClient client;

    @BeforeEach
    void start() throws IOException {
        sim = WolfSimulator.builder().start(dir);
        client = Clients.of(sim);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void createsALobbyAndListsItAsWolfDoes() throws Exception {
        String id = client.createLobby(Clients.protectedLobby("alpha"));

        assertThat(client.listLobbies()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(id);
            assertThat(l.name()).isEqualTo("alpha");
            assertThat(l.startedByProfileId()).isEqualTo("profile-7");
            assertThat(l.pinRequired()).isTrue();
            assertThat(l.multiUser()).isTrue();
            assertThat(l.stopWhenEveryoneLeaves()).isTrue();
            assertThat(l.runner()).isInstanceOfSatisfying(Runner.Docker.class,
                    d -> assertThat(d.env()).containsExactly("AGENT_SESSION_ID=alpha"));
            assertThat(l.connectedSessions()).isEmpty();
        });
        assertThat(sim.lobbies()).extracting(SimLobby::id).containsExactly(id);
    }

    @Test
    void stopsAProtectedLobbyWithItsPin() throws Exception {
        String id = client.createLobby(Clients.protectedLobby("alpha"));

        client.stopLobby(id, Optional.of(Clients.PIN));

        assertThat(client.listLobbies()).isEmpty();
    }

    @Test
    void stopsAnOpenLobbyWithoutAPin() throws Exception {
        String id = client.createLobby(Clients.lobby("open"));

        client.stopLobby(id, Optional.empty());

        assertThat(sim.lobbies()).isEmpty();
    }

    @Test
    void refusesAWrongPinWithWolfsInvalidPinAndKeepsTheLobby() throws Exception {
        String id = client.createLobby(Clients.protectedLobby("alpha"));

        WolfApiException e = catchThrowableOfType(WolfApiException.class,
                () -> client.stopLobby(id, Optional.of(Clients.WRONG_PIN)));

        assertThat(e.wolfError()).isEqualTo("Invalid PIN");
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getMessage()).contains("Invalid PIN");
        PinLeakGuard.assertNoPin(e.getMessage());
        PinLeakGuard.assertNoPin(e.toString());
        assertThat(client.listLobbies()).extracting(Lobby::id).containsExactly(id);
    }

    @Test
    void refusesAMissingPinForAProtectedLobby() throws Exception {
        String id = client.createLobby(Clients.protectedLobby("alpha"));

        WolfApiException e = catchThrowableOfType(WolfApiException.class,
                () -> client.stopLobby(id, Optional.empty()));

        assertThat(e.wolfError()).isEqualTo("Invalid PIN");
    }

    @Test
    void refusesAnUnknownLobbyWithInvalidLobbyId() {
        WolfApiException e = catchThrowableOfType(WolfApiException.class,
                () -> client.stopLobby("00000000-0000-0000-0000-000000000000", Optional.empty()));

        assertThat(e.wolfError()).isEqualTo("Invalid lobby ID");
    }

    @Test
    void joinsAndLeavesASessionWithThePin() throws Exception {
        String id = client.createLobby(Clients.protectedLobby("shared").withStopWhenEveryoneLeaves(false));
        String session = sim.createSession("10.1.2.3");

        client.joinLobby(new JoinLobbyRequest(id, session, Clients.PIN));
        assertThat(client.listLobbies().get(0).connectedSessions()).containsExactly(session);

        client.leaveLobby(new LeaveLobbyRequest(id, session));
        assertThat(client.listLobbies()).singleElement()
                .satisfies(l -> assertThat(l.connectedSessions()).isEmpty());
    }

    @Test
    void refusesAJoinWithAWrongPin() throws Exception {
        String id = client.createLobby(Clients.protectedLobby("shared"));
        String session = sim.createSession("10.1.2.3");

        WolfApiException e = catchThrowableOfType(WolfApiException.class,
                () -> client.joinLobby(new JoinLobbyRequest(id, session, Clients.WRONG_PIN)));

        assertThat(e.wolfError()).isEqualTo("Invalid PIN");
        assertThat(sim.lobbies().get(0).connectedSessions()).isEmpty();
    }

    @Test
    void stopsALobbyWhenItsLastSessionLeaves() throws Exception {
        String id = client.createLobby(Clients.lobby("ephemeral"));
        String session = sim.createSession("10.1.2.3");
        client.joinLobby(new JoinLobbyRequest(id, session, null));

        client.leaveLobby(new LeaveLobbyRequest(id, session));

        assertThat(client.listLobbies()).isEmpty();
    }

    @Test
    void listsALeakedLobbyNobodyCreatedThroughTheClient() throws Exception {
        String leaked = sim.createLeakedLobby("orphan", Optional.of(Clients.PIN));

        assertThat(client.listLobbies()).extracting(Lobby::id, Lobby::pinRequired)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(leaked, true));
    }
}
