package dev.lobbygovernor.wolf.sim;

import java.util.List;
import java.util.Objects;

/**
 * A lobby the simulated Wolf runs, as a test sees it through {@link WolfSimulator#lobbies()}.
 * Like Wolf's own listing it tells whether a PIN is required, never the PIN.
 *
 * @param id the lobby id (a UUID)
 * @param name the display name
 * @param profileId the profile that created it
 * @param pinRequired whether join and stop need a PIN
 * @param stopWhenEveryoneLeaves whether it stops when its last session leaves
 * @param connectedSessions the Moonlight session ids connected now
 * @param renderNode the render node its create request named ({@code wayland_render_node}), or
 *     empty if it named none
 */
public record SimLobby(String id, String name, String profileId, boolean pinRequired,
        boolean stopWhenEveryoneLeaves, List<String> connectedSessions, String renderNode) {

    /**
     * Requires the id; copies the session list.
     *
     * @param id the lobby id (a UUID)
     * @param name the display name
     * @param profileId the profile that created it
     * @param pinRequired whether join and stop need a PIN
     * @param stopWhenEveryoneLeaves whether it stops when its last session leaves
     * @param connectedSessions the Moonlight session ids connected now
     * @param renderNode the render node it was created on; {@code null} reads as empty
     */
    public SimLobby {
        Objects.requireNonNull(id, "id");
        connectedSessions = List.copyOf(connectedSessions);
        renderNode = renderNode == null ? "" : renderNode;
    }

    /**
     * A lobby on no render node in particular.
     *
     * @param id the lobby id (a UUID)
     * @param name the display name
     * @param profileId the profile that created it
     * @param pinRequired whether join and stop need a PIN
     * @param stopWhenEveryoneLeaves whether it stops when its last session leaves
     * @param connectedSessions the Moonlight session ids connected now
     */
    public SimLobby(String id, String name, String profileId, boolean pinRequired, boolean stopWhenEveryoneLeaves,
            List<String> connectedSessions) {
        this(id, name, profileId, pinRequired, stopWhenEveryoneLeaves, connectedSessions, "");
    }
}
