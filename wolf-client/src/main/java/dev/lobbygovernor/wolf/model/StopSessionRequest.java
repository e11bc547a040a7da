package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/sessions/stop}.
 *
 * @param sessionId the session to stop (a string on the wire)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StopSessionRequest(String sessionId) {

    /**
     * Requires the id.
     *
     * @param sessionId the session to stop (a string on the wire)
     */
    public StopSessionRequest {
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
