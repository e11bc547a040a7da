package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * An event from Wolf's Server-Sent-Events stream ({@code GET /api/v1/events}): each frame is
 * {@code event: <type>} and {@code data: <json>}, where the type is a C++ name such as
 * {@code wolf::core::events::StopLobbyEvent}. The records here are the {@code data} payloads;
 * {@link #wireType()} gives the frame's type. {@link WolfEvents#decode} reads a frame.
 *
 * <p>PINs are never read into an event: Wolf may include the PIN in the data of create, join
 * and stop events, and those fields are deliberately not modelled; {@link Unknown} keeps its
 * data with PIN arrays redacted.
 */
public sealed interface WolfEvent {

    /**
     * The type Wolf writes in the frame's {@code event:} line.
     *
     * @return such as {@code wolf::core::events::StopLobbyEvent}
     */
    @JsonIgnore
    String wireType();

    /**
     * A lobby was created ({@code wolf::core::events::CreateLobbyEvent}).
     *
     * @param lobbyId the new lobby's id ({@code id} on the wire)
     * @param name its name
     * @param profileId the profile that created it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LobbyCreated(@JsonProperty("id") @JsonAlias("lobby_id") String lobbyId, String name,
            String profileId) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.CREATE_LOBBY;
        }
    }

    /**
     * A lobby was stopped ({@code wolf::core::events::StopLobbyEvent}).
     *
     * @param lobbyId the lobby
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LobbyStopped(String lobbyId) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.STOP_LOBBY;
        }
    }

    /**
     * A session joined a lobby ({@code wolf::core::events::JoinLobbyEvent}).
     *
     * @param lobbyId the lobby
     * @param moonlightSessionId the session (a string)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LobbyJoined(String lobbyId, String moonlightSessionId) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.JOIN_LOBBY;
        }
    }

    /**
     * A session left a lobby ({@code wolf::core::events::LeaveLobbyEvent}).
     *
     * @param lobbyId the lobby
     * @param moonlightSessionId the session (a string)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LobbyLeft(String lobbyId, String moonlightSessionId) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.LEAVE_LOBBY;
        }
    }

    /**
     * A streaming session started ({@code wolf::core::events::StreamSession}).
     *
     * @param sessionId the session (a string), or {@code null} if not sent
     * @param clientIp the client's address
     * @param appId the app, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamStarted(String sessionId, String clientIp, String appId) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.STREAM_SESSION;
        }
    }

    /**
     * A streaming session stopped ({@code wolf::core::events::StopStreamEvent}).
     *
     * @param sessionId the session (a string)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamStopped(String sessionId) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.STOP_STREAM;
        }
    }

    /**
     * A streaming session paused ({@code wolf::core::events::PauseStreamEvent}).
     *
     * @param sessionId the session (a string)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamPaused(String sessionId) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.PAUSE_STREAM;
        }
    }

    /**
     * A streaming session resumed ({@code wolf::core::events::ResumeStreamEvent}).
     *
     * @param sessionId the session (a string)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamResumed(String sessionId) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.RESUME_STREAM;
        }
    }

    /**
     * Wolf began pulling a Docker image ({@code DockerPullImageStartEvent}).
     *
     * @param imageName the image
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DockerPullStarted(String imageName) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.DOCKER_PULL_START;
        }
    }

    /**
     * Wolf finished pulling a Docker image ({@code DockerPullImageEndEvent}).
     *
     * @param imageName the image
     * @param success whether the pull worked
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DockerPullEnded(String imageName, boolean success) implements WolfEvent {
        @Override
        public String wireType() {
            return WolfEvents.DOCKER_PULL_END;
        }
    }

    /**
     * An event of a type this library does not model.
     *
     * @param type the frame's type
     * @param data the frame's data, with any {@code "pin":[...]} redacted
     */
    record Unknown(String type, String data) implements WolfEvent {

        /**
         * Requires the type; redacts PIN arrays from the data.
         *
         * @param type the frame's type
         * @param data the frame's data, with any {@code "pin":[...]} redacted
         */
        public Unknown {
            Objects.requireNonNull(type, "type");
            data = WolfJson.redactPins(Objects.requireNonNullElse(data, ""));
        }

        @Override
        public String wireType() {
            return type;
        }
    }
}
