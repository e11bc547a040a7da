package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Map;
import java.util.Objects;

/** Wolf's SSE event type names and the reading of one frame into a {@link WolfEvent}. */
public final class WolfEvents {

    /** A lobby was created. */
    public static final String CREATE_LOBBY = "wolf::core::events::CreateLobbyEvent";
    /** A lobby was stopped. */
    public static final String STOP_LOBBY = "wolf::core::events::StopLobbyEvent";
    /** A session joined a lobby. */
    public static final String JOIN_LOBBY = "wolf::core::events::JoinLobbyEvent";
    /** A session left a lobby. */
    public static final String LEAVE_LOBBY = "wolf::core::events::LeaveLobbyEvent";
    /** A streaming session started. */
    public static final String STREAM_SESSION = "wolf::core::events::StreamSession";
    /** A streaming session stopped. */
    public static final String STOP_STREAM = "wolf::core::events::StopStreamEvent";
    /** A streaming session paused. */
    public static final String PAUSE_STREAM = "wolf::core::events::PauseStreamEvent";
    /** A streaming session resumed. */
    public static final String RESUME_STREAM = "wolf::core::events::ResumeStreamEvent";
    /** An image pull began; Wolf writes this type unqualified. */
    public static final String DOCKER_PULL_START = "DockerPullImageStartEvent";
    /** An image pull ended; Wolf writes this type unqualified. */
    public static final String DOCKER_PULL_END = "DockerPullImageEndEvent";

    private static final Map<String, Class<? extends WolfEvent>> TYPES = Map.of(
            CREATE_LOBBY, WolfEvent.LobbyCreated.class,
            STOP_LOBBY, WolfEvent.LobbyStopped.class,
            JOIN_LOBBY, WolfEvent.LobbyJoined.class,
            LEAVE_LOBBY, WolfEvent.LobbyLeft.class,
            STREAM_SESSION, WolfEvent.StreamStarted.class,
            STOP_STREAM, WolfEvent.StreamStopped.class,
            PAUSE_STREAM, WolfEvent.StreamPaused.class,
            RESUME_STREAM, WolfEvent.StreamResumed.class,
            DOCKER_PULL_START, WolfEvent.DockerPullStarted.class,
            DOCKER_PULL_END, WolfEvent.DockerPullEnded.class);

    private WolfEvents() {
    }

    /**
     * Reads one frame: a known type becomes its record, any other type {@link WolfEvent.Unknown}.
     *
     * @param type the frame's {@code event:} value
     * @param data the frame's {@code data:} JSON
     * @return the typed event
     * @throws JsonProcessingException if a known type's data is not valid JSON of its shape
     */
    public static WolfEvent decode(String type, String data) throws JsonProcessingException {
        Class<? extends WolfEvent> cls = TYPES.get(Objects.requireNonNull(type, "type"));
        if (cls == null) {
            return new WolfEvent.Unknown(type, data);
        }
        WolfEvent event = WolfJson.mapper().readValue(data, cls);
        if (event == null) {
            // "null" is valid JSON but no event
            throw MismatchedInputException.from(null, cls, "event data is null");
        }
        return event;
    }

    /**
     * The JSON data of an event, as Wolf would write it in the frame's {@code data:} line.
     *
     * @param event the event
     * @return its JSON; an {@link WolfEvent.Unknown}'s data as received
     * @throws JsonProcessingException if the event cannot be written
     */
    public static String encode(WolfEvent event) throws JsonProcessingException {
        if (event instanceof WolfEvent.Unknown unknown) {
            return unknown.data();
        }
        return WolfJson.mapper().writeValueAsString(event);
    }
}
