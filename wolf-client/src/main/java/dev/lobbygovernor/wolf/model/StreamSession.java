package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A Moonlight streaming session as {@code GET /api/v1/sessions} lists it, and the body of
 * {@code POST /api/v1/sessions/add}: Wolf uses one reflected shape for both.
 *
 * <p>Wolf lists no {@code session_id} key: a listed session's {@code client_id} <em>is</em> its
 * id (Wolf writes its 64-bit session id there, which is the paired client's id), and
 * {@code sessions/stop}, a lobby's {@code connected_sessions} and the fork's
 * {@code system/memory} all use that value. {@link #id()} names it so.
 *
 * <p>The AES key and IV encrypt the stream; Wolf lists them, so they are modelled, but
 * {@link #toString()} never shows them.
 *
 * @param appId the app streamed, or {@code null}
 * @param clientId the session's id: the paired client's id, an unsigned 64-bit number as a
 *     string; or {@code null} where a reply lacks it
 * @param clientIp the streaming client's address
 * @param aesKey the stream's AES key (hex), a secret
 * @param aesIv the stream's AES IV, a secret
 * @param rtspFakeIp the address Wolf's RTSP server knows this session by
 * @param clientSettings the client's settings, or {@code null}
 * @param videoWidth stream width
 * @param videoHeight stream height
 * @param videoRefreshRate stream refresh rate
 * @param audioChannelCount audio channels
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamSession(
        String appId,
        String clientId,
        String clientIp,
        String aesKey,
        String aesIv,
        String rtspFakeIp,
        ClientSettings clientSettings,
        int videoWidth,
        int videoHeight,
        int videoRefreshRate,
        int audioChannelCount) {

    /**
     * The session's id, as {@code POST /api/v1/sessions/stop} and
     * {@link JoinLobbyRequest#moonlightSessionId()} take it: the listed {@code client_id}.
     *
     * @return the id, or {@code null} where the reply lacked {@code client_id}
     */
    @JsonIgnore
    public String id() {
        return clientId;
    }

    /**
     * Every field but the AES key and IV, which are shown only as present or absent.
     *
     * @return a description without the stream's secrets
     */
    @Override
    public String toString() {
        return "StreamSession[appId=" + appId + ", clientId=" + clientId + ", clientIp=" + clientIp
                + ", aesKey=" + secret(aesKey) + ", aesIv=" + secret(aesIv) + ", rtspFakeIp="
                + rtspFakeIp + ", clientSettings=" + clientSettings + ", videoWidth=" + videoWidth
                + ", videoHeight=" + videoHeight + ", videoRefreshRate=" + videoRefreshRate
                + ", audioChannelCount=" + audioChannelCount + "]";
    }

    private static String secret(String value) {
        return value == null ? "null" : "[redacted]";
    }
}
