package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.wolf.WolfApiException;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.model.Lobby;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** WolfClient's HTTP transport against the simulator's TCP listener (Wolf behind a proxy). */
@ExtendWith(PinLeakGuard.class)
class ClientOverTcpIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void createsListsAndStopsALobbyOverTcp() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().tcp().start(dir)) {
            InetSocketAddress address = sim.tcpAddress().orElseThrow();
            URI base = URI.create("http://127.0.0.1:" + address.getPort());
            try (WolfClient client = WolfClient.builder().http(base, Optional.empty())
                    .settings(Clients.FAST).readRetries(Clients.QUICK_RETRIES).build()) {
                String id = client.createLobby(Clients.protectedLobby("tcp"));
                assertThat(client.listLobbies()).extracting(Lobby::id).containsExactly(id);

                WolfApiException wrong = catchThrowableOfType(WolfApiException.class,
                        () -> client.stopLobby(id, Optional.of(Clients.WRONG_PIN)));
                client.stopLobby(id, Optional.of(Clients.PIN));

                assertThat(wrong.wolfError()).isEqualTo("Invalid PIN");
                assertThat(sim.lobbies()).isEmpty();
            }
        }
    }
}
