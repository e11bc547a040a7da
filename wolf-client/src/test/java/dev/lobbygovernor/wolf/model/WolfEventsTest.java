package dev.lobbygovernor.wolf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and writing the data of Wolf's SSE frames. */
class WolfEventsTest {

    @Test
    void decodesStopLobbyEvent() throws Exception {
        WolfEvent event = WolfEvents.decode("wolf::core::events::StopLobbyEvent",
                "{\"lobby_id\":\"L1\"}");

        assertThat(event).isEqualTo(new WolfEvent.LobbyStopped("L1"));
    }

    @Test
    void createEventTakesTheLobbyIdFromIdAndNeverReadsThePin() throws Exception {
        WolfEvent event = WolfEvents.decode(WolfEvents.CREATE_LOBBY,
                "{\"id\":\"L2\",\"name\":\"n\",\"profile_id\":\"p\",\"pin\":[4,4,1,9]}");

        assertThat(event).isEqualTo(new WolfEvent.LobbyCreated("L2", "n", "p"));
        assertThat(event.toString()).doesNotContain("4, 4").doesNotContain("4419");
    }

    @Test
    void joinEventAcceptsSessionIdAsNumberOrString() throws Exception {
        assertThat(WolfEvents.decode(WolfEvents.JOIN_LOBBY,
                "{\"lobby_id\":\"L\",\"moonlight_session_id\":42}"))
                .isEqualTo(new WolfEvent.LobbyJoined("L", "42"));
        assertThat(WolfEvents.decode(WolfEvents.JOIN_LOBBY,
                "{\"lobby_id\":\"L\",\"moonlight_session_id\":\"42\"}"))
                .isEqualTo(new WolfEvent.LobbyJoined("L", "42"));
    }

    @Test
    void unknownTypeKeepsDataWithPinsRedacted() throws Exception {
        WolfEvent event = WolfEvents.decode("wolf::core::events::PauseLobbyEvent",
                "{\"lobby_id\":\"L\",\"pin\":[7,3,1,5]}");

        assertThat(event).isInstanceOf(WolfEvent.Unknown.class);
        assertThat(event.wireType()).isEqualTo("wolf::core::events::PauseLobbyEvent");
        assertThat(((WolfEvent.Unknown) event).data())
                .isEqualTo("{\"lobby_id\":\"L\",\"pin\":[redacted]}");
    }

    @Test
    void malformedDataOfKnownTypeIsAJsonError() {
        assertThatThrownBy(() -> WolfEvents.decode(WolfEvents.STOP_LOBBY, "{\"lobby_id\":"))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> WolfEvents.decode(WolfEvents.STOP_LOBBY, "null"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void everyModelledEventRoundTripsThroughItsWireType() throws Exception {
        List<WolfEvent> events = List.of(
                new WolfEvent.LobbyCreated("L", "n", "p"),
                new WolfEvent.LobbyStopped("L"),
                new WolfEvent.LobbyJoined("L", "1"),
                new WolfEvent.LobbyLeft("L", "1"),
                new WolfEvent.StreamStarted("1", "10.0.0.1", "app"),
                new WolfEvent.StreamStopped("1"),
                new WolfEvent.StreamPaused("1"),
                new WolfEvent.StreamResumed("1"),
                new WolfEvent.DockerPullStarted("img"),
                new WolfEvent.DockerPullEnded("img", true));

        for (WolfEvent e : events) {
            String data = WolfEvents.encode(e);
            assertThat(data).doesNotContain("wire_type");
            assertThat(WolfEvents.decode(e.wireType(), data)).isEqualTo(e);
        }
    }

    @Test
    void redactionCoversStringsBareValuesAndTruncatedArrays() {
        assertThat(WolfJson.redactPins("{\"pin\":\"1234\"}")).isEqualTo("{\"pin\":[redacted]}");
        assertThat(WolfJson.redactPins("{\"PIN\": 1234,\"a\":1}"))
                .isEqualTo("{\"pin\":[redacted],\"a\":1}");
        assertThat(WolfJson.redactPins("{\"a\":1,\"pin\":[1,2,")).doesNotContain("1,2");
        assertThat(WolfJson.redactPins("bad json: {\\\"pin\\\":[5,6,7,8]}"))
                .doesNotContain("5,6,7,8");
        assertThat(WolfJson.redactPins("{'pin':[5,6,7,8]}")).doesNotContain("5,6,7,8");
        assertThat(WolfJson.redactPins("pin=5678&x=1")).doesNotContain("5678");
        assertThat(WolfJson.redactPins("{\"pin_required\":true,\"spin\":2}"))
                .isEqualTo("{\"pin_required\":true,\"spin\":2}");
    }

    @Test
    void anEventIsEncodedAsTheDataItIsDecodedFromAndAnUnknownOneAsReceived() throws Exception {
        WolfEvent stopped = new WolfEvent.LobbyStopped("lobby-1");
        assertThat(WolfEvents.decode(WolfEvents.STOP_LOBBY, WolfEvents.encode(stopped))).isEqualTo(stopped);
        assertThat(WolfEvents.encode(new WolfEvent.Unknown("x::Y", "{\"a\":1}"))).isEqualTo("{\"a\":1}");
    }
}
