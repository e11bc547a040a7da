package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;
import dev.lobbygovernor.store.LobbyPin;

/**
 * Body of {@code POST /api/v1/lobbies/join}.
 *
 * @param lobbyId the lobby to join
 * @param moonlightSessionId the joining Moonlight session (unsigned 64-bit, sent as a string)
 * @param pin the lobby's PIN, {@code null} (omitted) for an open lobby; masked in
 *     {@code toString}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JoinLobbyRequest(String lobbyId, String moonlightSessionId, LobbyPin pin) {

    /**
     * Requires the lobby and session ids.
     *
     * @param lobbyId the lobby to join
     * @param moonlightSessionId the joining Moonlight session (unsigned 64-bit, sent as a string)
     * @param pin the lobby's PIN, {@code null} (omitted) for an open lobby; masked in {@code
     *     toString}
     */
    public JoinLobbyRequest {
        Objects.requireNonNull(lobbyId, "lobbyId");
        Objects.requireNonNull(moonlightSessionId, "moonlightSessionId");
    }
}
