package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/lobbies/leave}.
 *
 * @param lobbyId the lobby to leave
 * @param moonlightSessionId the leaving Moonlight session (sent as a string)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LeaveLobbyRequest(String lobbyId, String moonlightSessionId) {

    /**
     * Requires both ids.
     *
     * @param lobbyId the lobby to leave
     * @param moonlightSessionId the leaving Moonlight session (sent as a string)
     */
    public LeaveLobbyRequest {
        Objects.requireNonNull(lobbyId, "lobbyId");
        Objects.requireNonNull(moonlightSessionId, "moonlightSessionId");
    }
}
