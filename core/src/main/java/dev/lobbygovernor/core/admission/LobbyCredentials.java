package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.store.LobbyPin;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lobby must be created with, stored with its reservation before it exists: its unique
 * name (how the runtime's listing shows that it was created) and its PIN. {@link #toString()}
 * masks the PIN.
 *
 * @param lobbyName the name to create the lobby with, exactly
 * @param pin the PIN to create it with, or {@code null} for an open lobby
 */
public record LobbyCredentials(String lobbyName, LobbyPin pin) {

    /**
     * Requires a name.
     *
     * @param lobbyName the lobby's name; not null
     * @param pin the PIN, or {@code null} for an open lobby
     */
    public LobbyCredentials {
        Objects.requireNonNull(lobbyName, "lobbyName");
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
