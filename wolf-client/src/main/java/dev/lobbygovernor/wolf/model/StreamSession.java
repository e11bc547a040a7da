package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A Moonlight streaming session as {@code GET /api/v1/sessions} lists it. Wolf also sends the
 * session's AES key and IV; they are secrets this library has no use for, so they are not
 * modelled and are dropped on reading.
 *
 * @param sessionId the session id (unsigned 64-bit, a string on the wire), or {@code null}
 * @param clientId the paired client's id, or {@code null}
 * @param clientIp the client's address
 * @param appId the app streamed, or {@code null}
 * @param videoWidth stream width
 * @param videoHeight stream height
 * @param videoRefreshRate stream refresh rate
 * @param audioChannelCount audio channels
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamSession(
        String sessionId,
        String clientId,
        String clientIp,
        String appId,
        int videoWidth,
        int videoHeight,
        int videoRefreshRate,
        int audioChannelCount) {
}
