package dev.lobbygovernor.wolf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lobbygovernor.store.LobbyPin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The create request's builder: documented defaults, and bad values refused at once. */
class CreateLobbyRequestBuilderTest {

    private static final ObjectMapper JSON = WolfJson.mapper();
    private static final Runner RUNNER = new Runner.Process("/usr/bin/sleep infinity");

    private static CreateLobbyRequest.Builder minimal() {
        return CreateLobbyRequest.builder().profileId("helix").name("agent-42").runner(RUNNER);
    }

    @Test
    void onlyProfileNameAndRunnerAreNeededTheRestIsTheDocumentedDefaults() {
        CreateLobbyRequest r = minimal().build();

        assertThat(r.profileId()).isEqualTo("helix");
        assertThat(r.name()).isEqualTo("agent-42");
        assertThat(r.runner()).isEqualTo(RUNNER);
        assertThat(r.multiUser()).isEqualTo(CreateLobbyRequest.DEFAULT_MULTI_USER).isTrue();
        assertThat(r.stopWhenEveryoneLeaves())
                .isEqualTo(CreateLobbyRequest.DEFAULT_STOP_WHEN_EVERYONE_LEAVES).isTrue();
        assertThat(r.pin()).as("an open lobby").isNull();
        assertThat(r.iconPngPath()).isNull();
        assertThat(r.clientSettings()).isNull();
        assertThat(r.videoSettings()).isEqualTo(CreateLobbyRequest.DEFAULT_VIDEO)
                .isEqualTo(new VideoSettings(1920, 1080, 60, "/dev/dri/renderD128",
                        "/dev/dri/renderD128", "video/x-raw", null));
        assertThat(r.audioSettings()).isEqualTo(CreateLobbyRequest.DEFAULT_AUDIO)
                .isEqualTo(new AudioSettings(2));
        assertThat(r.runnerStateFolder()).isEqualTo("/etc/wolf/lobbies/agent-42");
    }

    @Test
    void defaultStateFolderIsOneSafePathSegmentPerLobbyName() {
        assertThat(minimal().name("../agent 42/x").build().runnerStateFolder())
                .isEqualTo(CreateLobbyRequest.DEFAULT_RUNNER_STATE_ROOT + "/___agent_42_x");
        assertThat(minimal().runnerStateFolder("/srv/state/a").build().runnerStateFolder())
                .isEqualTo("/srv/state/a");
    }

    @Test
    void builtRequestHasTheSameWireShapeAsTheCanonicalConstructor() throws Exception {
        CreateLobbyRequest built = minimal().pin(LobbyPin.of("5813")).build();
        CreateLobbyRequest canonical = CreateLobbyRequest.of("helix", "agent-42",
                CreateLobbyRequest.DEFAULT_VIDEO, CreateLobbyRequest.DEFAULT_AUDIO,
                "/etc/wolf/lobbies/agent-42", RUNNER).withPin(LobbyPin.of("5813"));

        assertThat(built).isEqualTo(canonical);
        JsonNode tree = JSON.readTree(JSON.writeValueAsString(built));
        assertThat(tree.get("pin").toString()).isEqualTo("[5,8,1,3]");
        assertThat(tree.has("icon_png_path")).isFalse();
        assertThat(tree.has("client_settings")).isFalse();
        assertThat(tree.has("to_builder")).isFalse();
        assertThat(tree.get("video_settings").get("video_producer_buffer_caps").asText())
                .isEqualTo("video/x-raw");
        assertThat(tree.get("audio_settings").get("channel_count").asInt()).isEqualTo(2);
    }

    @Test
    void everyOptionalFieldCanBeSet() {
        ClientSettings client = new ClientSettings(1000, 1000, List.of("XBOX"), null, null, null);
        VideoSettings video = new VideoSettings(1280, 720, 30, "/dev/dri/renderD129",
                "/dev/dri/renderD129", "video/x-raw(memory:DMABuf)", "wayland");

        CreateLobbyRequest r = minimal().iconPngPath("/icons/a.png").multiUser(false)
                .stopWhenEveryoneLeaves(false).videoSettings(video)
                .audioSettings(new AudioSettings(6)).clientSettings(client).build();

        assertThat(r).isEqualTo(new CreateLobbyRequest("helix", "agent-42", "/icons/a.png", false,
                null, false, video, new AudioSettings(6), client, "/etc/wolf/lobbies/agent-42",
                RUNNER));
    }

    @Test
    void toBuilderRoundTrips() {
        CreateLobbyRequest r = minimal().pin(LobbyPin.of("1234")).multiUser(false).build();

        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThat(r.toBuilder().name("other").build().runnerStateFolder())
                .as("a folder set, even by default, is kept").isEqualTo(r.runnerStateFolder());
    }

    @Test
    void missingRequiredFieldIsNamedOnBuild() {
        assertThatThrownBy(() -> CreateLobbyRequest.builder().name("a").runner(RUNNER).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("profileId");
        assertThatThrownBy(() -> CreateLobbyRequest.builder().profileId("p").runner(RUNNER).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> CreateLobbyRequest.builder().profileId("p").name("a").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("runner");
    }

    @Test
    void settersRefuseBadValuesAtOnce() {
        CreateLobbyRequest.Builder b = CreateLobbyRequest.builder();

        assertThatThrownBy(() -> b.profileId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profileId");
        assertThatThrownBy(() -> b.name(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> b.runner(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.runnerStateFolder("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.videoSettings(new VideoSettings(0, 1080, 60, "", "", "", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x1080@60");
        assertThatThrownBy(() -> b.audioSettings(new AudioSettings(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
        assertThatThrownBy(() -> b.videoSettings(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void pinStaysMaskedInTheBuiltRequestsText() {
        assertThat(minimal().pin(LobbyPin.of("5813")).build().toString())
                .doesNotContain("5813").contains("LobbyPin[****]");
    }
}
