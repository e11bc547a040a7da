package dev.lobbygovernor.examples;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Admission in one screen: six sessions ask a simulated Wolf for a lobby, each through a permit
 * (acquire, create the lobby, commit); the default cap admits five and refuses the sixth with
 * the message its user would see. Needs no GPU: {@code main} starts a Wolf simulator.
 */
public final class AdmissionExample {

    private AdmissionExample() {
    }

    /**
     * Starts a Wolf simulator in a temporary folder and runs the example against it.
     *
     * @param args ignored
     * @throws Exception if the simulator cannot start or Wolf fails
     */
    public static void main(String[] args) throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(Files.createTempDirectory("admission"))) {
            run(sim.socketPath(), System.out);
        }
    }

    /**
     * Asks for six lobbies on the Wolf listening at {@code wolfSocket}, printing each outcome.
     *
     * @param wolfSocket Wolf's UNIX socket
     * @param out where the outcomes are printed
     * @return the ids of the lobbies created
     * @throws WolfException if Wolf fails to create an admitted lobby
     */
    public static List<String> run(Path wolfSocket, PrintStream out) throws WolfException {
        InMemorySessionStore store = new InMemorySessionStore();
        List<String> created = new ArrayList<>();
        try (WolfClient wolf = WolfClient.builder().unixSocket(wolfSocket).build()) {
            LobbyGovernor governor = LobbyGovernor.builder().store(store)
                    .host(Host.of("wolf-1", new WolfLobbyRuntime(wolf))).build();
            for (int i = 1; i <= 6; i++) {
                String sessionId = "session-" + i;
                store.putSession(sessionId);
                try (Permit permit = governor.acquire(AdmissionRequest.forSession(sessionId))) {
                    // the lobby gets the permit's unique name and generated PIN, stored already
                    String lobbyId = permit.create(c -> wolf.createLobby(desktopFor(sessionId), c));
                    created.add(lobbyId);
                    out.printf("%s: lobby %d/%d started%n", sessionId, permit.activeAfter(), permit.cap());
                } catch (AdmissionDeniedException e) {
                    out.println(sessionId + ": refused: " + e.getMessage());
                }
            }
        }
        return created;
    }

    /** A 1080p60 desktop in a container, as a control plane would ask Wolf; add a PIN with withPin. */
    static CreateLobbyRequest desktopFor(String sessionId) {
        return CreateLobbyRequest.builder()
                .profileId("lobby-governor-examples")
                .name("agent " + sessionId)
                .runner(new Runner.Docker("agent-" + sessionId, "registry.local/agent:1", List.of(),
                        List.of("SESSION_ID=" + sessionId), List.of("/dev/dri"), List.of(), null))
                .build(); // 1080p60 on renderD128, stereo: the builder's documented defaults
    }
}
