package dev.lobbygovernor.core.runtime;

import java.util.Objects;

/**
 * A lobby as the streaming server lists it.
 *
 * @param id the server's lobby id
 * @param name its display name (may be empty)
 * @param pinRequired whether stopping or joining it needs a PIN
 * @param connectedSessions how many streaming clients are connected now
 */
public record LiveLobby(String id, String name, boolean pinRequired, int connectedSessions) {

    /**
     * Validates the id and count.
     *
     * @param id the server's lobby id; not blank
     * @param name its display name; {@code null} reads as empty
     * @param pinRequired whether stopping or joining it needs a PIN
     * @param connectedSessions how many streaming clients are connected now; not negative
     * @throws IllegalArgumentException if {@code id} is null or blank, or
     *     {@code connectedSessions} is negative
     */
    public LiveLobby {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("lobby id must not be blank");
        }
        name = Objects.requireNonNullElse(name, "");
        if (connectedSessions < 0) {
            throw new IllegalArgumentException("connectedSessions must not be negative");
        }
    }
}
