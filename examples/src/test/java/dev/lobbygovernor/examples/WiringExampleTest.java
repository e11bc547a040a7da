package dev.lobbygovernor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's wiring example does what the README says, against the Wolf simulator. */
class WiringExampleTest {

    @TempDir
    Path temp;

    @Test
    void startsLobbiesWithStoredCredentialsUntilTheCapThenRefuses() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore();
        try (WolfSimulator sim = WolfSimulator.builder().start(temp);
                WiringExample host = new WiringExample(store, sim.socketPath())) {
            for (int i = 1; i <= 5; i++) {
                store.putSession("s-" + i);
                String lobbyId = host.startLobby("s-" + i, AdmissionExample.desktopFor("s-" + i));

                LobbyRecord record = store.findLobby(lobbyId).orElseThrow();
                assertThat(record.sessionId()).isEqualTo("s-" + i);
                assertThat(record.pin()).isNotNull();
            }
            assertThat(sim.lobbies()).hasSize(5).allMatch(l -> l.pinRequired());

            store.putSession("s-6");
            assertThatThrownBy(() -> host.startLobby("s-6", AdmissionExample.desktopFor("s-6")))
                    .isInstanceOf(AdmissionDeniedException.class)
                    .hasMessage("GPU resource limit reached (5/5 lobbies active). "
                            + "Please close an unused session and try again.");
            assertThat(sim.lobbies()).hasSize(5);
        }
    }
}
