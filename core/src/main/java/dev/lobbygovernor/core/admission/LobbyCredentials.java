package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.store.LobbyPin;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lobby must be created with, stored with its reservation before it exists: its unique
 * name (how the runtime's listing shows that it was created), its PIN and, on a host whose GPUs
 * are told apart ({@link Host#gpus()}), the render node of the GPU it was placed on.
 * {@link #toString()} masks the PIN.
 *
 * @param lobbyName the name to create the lobby with, exactly
 * @param pin the PIN to create it with, or {@code null} for an open lobby
 * @param renderNode the render node to create it on (Wolf's {@code wayland_render_node} and
 *     {@code runner_render_node}), or {@code null} where the host does not place lobbies per GPU
 */
public record LobbyCredentials(String lobbyName, LobbyPin pin, String renderNode) {

    /**
     * Requires a name.
     *
     * @param lobbyName the lobby's name; not null
     * @param pin the PIN, or {@code null} for an open lobby
     * @param renderNode the render node, or {@code null} for none
     */
    public LobbyCredentials {
        Objects.requireNonNull(lobbyName, "lobbyName");
    }

    /**
     * Credentials on no render node in particular.
     *
     * @param lobbyName the lobby's name; not null
     * @param pin the PIN, or {@code null} for an open lobby
     */
    public LobbyCredentials(String lobbyName, LobbyPin pin) {
        this(lobbyName, pin, null);
    }

    /**
     * The render node of the GPU the lobby was placed on, if the host places lobbies per GPU.
     *
     * @return the render node, such as {@code /dev/dri/renderD129}, or empty
     */
    public Optional<String> optionalRenderNode() {
        return Optional.ofNullable(renderNode);
    }

    /**
     * The PIN, if the lobby has one.
     *
     * @return the PIN, or empty for an open lobby
     */
    public Optional<LobbyPin> optionalPin() {
        return Optional.ofNullable(pin);
    }
}
