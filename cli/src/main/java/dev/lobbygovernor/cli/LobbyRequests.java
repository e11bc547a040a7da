package dev.lobbygovernor.cli;

import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import java.util.List;

/** The lobby the demo and the tests ask Wolf for: a 1080p60 desktop in a container, as a control plane would. */
final class LobbyRequests {

    private LobbyRequests() {
    }

    /** An open lobby for {@code sessionId}; add a PIN with {@link CreateLobbyRequest#withPin}. */
    static CreateLobbyRequest desktopFor(String sessionId) {
        return CreateLobbyRequest.builder()
                .profileId("lobby-governor-examples")
                .name("agent " + sessionId)
                .runner(new Runner.Docker("agent-" + sessionId, "registry.local/agent:1", List.of(),
                        List.of("SESSION_ID=" + sessionId), List.of("/dev/dri"), List.of(), null))
                .build(); // 1080p60 on renderD128, stereo: the builder's documented defaults
    }
}
