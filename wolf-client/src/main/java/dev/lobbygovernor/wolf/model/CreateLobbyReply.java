package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Reply to {@code POST /api/v1/lobbies/create}.
 *
 * @param success whether the lobby was set up
 * @param lobbyId the new lobby's id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateLobbyReply(boolean success, String lobbyId) {
}
