package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lobbygovernor.store.LobbyPin;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/lobbies/stop}. Wolf compares the PIN array exactly: a protected
 * lobby needs the identical array, an open lobby needs {@code pin} omitted ({@code null} here).
 *
 * @param lobbyId the lobby to stop
 * @param pin its PIN or {@code null}; masked in {@code toString}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StopLobbyRequest(String lobbyId, LobbyPin pin) {

    /**
     * Requires the lobby id.
     *
     * @param lobbyId the lobby to stop
     * @param pin its PIN or {@code null}; masked in {@code toString}
     */
    public StopLobbyRequest {
        Objects.requireNonNull(lobbyId, "lobbyId");
    }
}
