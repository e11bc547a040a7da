package dev.lobbygovernor.cli;

import dev.lobbygovernor.wolf.model.AudioSettings;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.model.VideoSettings;
import java.util.List;

/** The lobby the demo and the tests ask Wolf for: a 1080p60 desktop in a container, as a control plane would. */
final class LobbyRequests {

    private LobbyRequests() {
    }

    /** An open lobby for {@code sessionId}; add a PIN with {@link CreateLobbyRequest#withPin}. */
    static CreateLobbyRequest desktopFor(String sessionId) {
        return CreateLobbyRequest.of("lobby-governor-examples", "agent " + sessionId,
                new VideoSettings(1920, 1080, 60, "/dev/dri/renderD128", "/dev/dri/renderD128",
                        "video/x-raw(memory:DMABuf)", "wayland"),
                new AudioSettings(2), "/var/lib/lobbies/" + sessionId,
                new Runner.Docker("agent-" + sessionId, "registry.local/agent:1", List.of(),
                        List.of("SESSION_ID=" + sessionId), List.of("/dev/dri"), List.of(), null));
    }
}
