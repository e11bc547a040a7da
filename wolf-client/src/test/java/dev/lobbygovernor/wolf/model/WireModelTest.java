package dev.lobbygovernor.wolf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lobbygovernor.store.LobbyPin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire model against the shapes Wolf writes and reads. */
class WireModelTest {

    private static final ObjectMapper JSON = WolfJson.mapper();

    private static CreateLobbyRequest createRequest() {
        return CreateLobbyRequest.of("helix", "agent-42",
                new VideoSettings(1920, 1080, 60, "/dev/dri/renderD128", "/dev/dri/renderD128",
                        "video/x-raw", null),
                new AudioSettings(2), "/tmp/state",
                new Runner.Docker("zed-42", "helix/zed:latest", List.of("/a:/b"),
                        List.of("HELIX_SESSION_ID=ses_1"), List.of(), List.of(), null));
    }

    @Test
    void pinSerialisesAsWolfsIntegerArray() throws Exception {
        String json = JSON.writeValueAsString(new StopLobbyRequest("L1", LobbyPin.of("0472")));

        assertThat(json).isEqualTo("{\"lobby_id\":\"L1\",\"pin\":[0,4,7,2]}");
    }

    @Test
    void absentPinIsOmittedSoWolfSeesAnOpenLobby() throws Exception {
        String json = JSON.writeValueAsString(new StopLobbyRequest("L1", null));

        assertThat(json).isEqualTo("{\"lobby_id\":\"L1\"}");
    }

    @Test
    void pinArrayReadsBackIntoTheMaskedType() throws Exception {
        JoinLobbyRequest req = JSON.readValue(
                "{\"lobby_id\":\"L1\",\"moonlight_session_id\":\"18446744073709551615\","
                        + "\"pin\":[9,8,7,6]}", JoinLobbyRequest.class);

        assertThat(req.pin()).isEqualTo(LobbyPin.of("9876"));
        assertThat(req.moonlightSessionId()).isEqualTo("18446744073709551615");
    }

    @Test
    void malformedPinFailsWithoutRepeatingTheValues() {
        for (String pin : List.of("[1,2,77]", "\"1234\"", "[1,2,\"3\"]", "[123456789012]", "[]")) {
            assertThatThrownBy(() -> JSON.readValue(
                    "{\"lobby_id\":\"L1\",\"pin\":" + pin + "}", StopLobbyRequest.class))
                    .as(pin)
                    .isInstanceOf(JsonProcessingException.class)
                    .message().doesNotContain("77").doesNotContain("1234")
                    .doesNotContain("123456789012");
        }
    }

    @Test
    void requestToStringMasksThePin() {
        CreateLobbyRequest req = createRequest().withPin(LobbyPin.of("5813"));

        assertThat(req.toString()).doesNotContain("5813").contains("LobbyPin[****]");
        assertThat(new JoinLobbyRequest("L", "1", LobbyPin.of("5813")).toString())
                .doesNotContain("5813");
    }

    @Test
    void createRequestRoundTripsWithTaggedRunner() throws Exception {
        CreateLobbyRequest req = createRequest().withPin(LobbyPin.of("1234"));

        String json = JSON.writeValueAsString(req);
        JsonNode tree = JSON.readTree(json);

        assertThat(tree.get("runner").get("type").asText()).isEqualTo("docker");
        assertThat(tree.get("multi_user").asBoolean()).isTrue();
        assertThat(tree.get("stop_when_everyone_leaves").asBoolean()).isTrue();
        assertThat(tree.get("video_settings").get("refresh_rate").asInt()).isEqualTo(60);
        assertThat(tree.has("video_source_mode")).isFalse();
        assertThat(JSON.readValue(json, CreateLobbyRequest.class)).isEqualTo(req);
    }

    @Test
    void lobbyListIgnoresUnknownFieldsAndReadsSessionIdsAsStrings() throws Exception {
        String wolf = "{\"success\":true,\"future_field\":{\"x\":1},\"lobbies\":[{\"id\":\"u-1\","
                + "\"name\":\"a\",\"multi_user\":true,\"started_by_profile_id\":\"p\","
                + "\"pin_required\":true,\"stop_when_everyone_leaves\":false,"
                + "\"runner\":{\"type\":\"process\",\"run_cmd\":\"sleep 1\",\"extra\":2},"
                + "\"connected_sessions\":[\"123\",\"18446744073709551615\"]}]}";

        LobbiesReply reply = JSON.readValue(wolf, LobbiesReply.class);

        Lobby lobby = reply.lobbies().get(0);
        assertThat(lobby.id()).isEqualTo("u-1");
        assertThat(lobby.pinRequired()).isTrue();
        assertThat(lobby.runner()).isEqualTo(new Runner.Process("sleep 1"));
        assertThat(lobby.connectedSessions()).containsExactly("123", "18446744073709551615");
    }

    @Test
    void runnerOfUnknownTypeReadsAsUnknownInsteadOfFailing() throws Exception {
        Lobby lobby = JSON.readValue("{\"id\":\"x\",\"runner\":{\"type\":\"podman\",\"n\":1}}",
                Lobby.class);

        assertThat(lobby.runner()).isInstanceOf(Runner.Unknown.class);
    }

    @Test
    void systemMemoryReadsGpuStatsAndKeepsAbsentNumbersNull() throws Exception {
        String wolf = "{\"success\":true,\"process_rss_bytes\":1461000000,"
                + "\"gpu_stats\":{\"available\":false,"
                + "\"error\":\"nvidia-smi exited with code 255\",\"query_duration_ms\":12},"
                + "\"gstreamer_pipelines\":{\"producer_pipelines\":12,\"consumer_pipelines\":6,"
                + "\"total_pipelines\":18},\"lobbies\":[{\"lobby_id\":\"L\",\"lobby_name\":\"n\","
                + "\"client_count\":1,\"memory_bytes\":5}]}";

        SystemMemoryReply reply = JSON.readValue(wolf, SystemMemoryReply.class);

        assertThat(reply.gpuStats().available()).isFalse();
        assertThat(reply.gpuStats().error()).isEqualTo("nvidia-smi exited with code 255");
        assertThat(reply.gpuStats().memoryTotalMb()).isNull();
        assertThat(reply.gstreamerPipelines().producerPipelines()).isEqualTo(12);
        assertThat(reply.lobbies()).hasSize(1);
        assertThat(JSON.readValue(JSON.writeValueAsString(reply), SystemMemoryReply.class))
                .isEqualTo(reply);
    }

    @Test
    void systemHealthReadsIsStuckAndRoundTrips() throws Exception {
        String wolf = "{\"success\":true,\"process_uptime_seconds\":7,\"threads\":[{\"tid\":3,"
                + "\"name\":\"http\",\"is_stuck\":true,\"has_active_request\":true,"
                + "\"seconds_since_heartbeat\":40}],\"stuck_thread_count\":1,"
                + "\"total_thread_count\":4,\"can_create_new_pipelines\":true,"
                + "\"overall_status\":\"degraded\"}";

        SystemHealthReply reply = JSON.readValue(wolf, SystemHealthReply.class);

        assertThat(reply.threads().get(0).stuck()).isTrue();
        assertThat(reply.overallStatus()).isEqualTo(SystemHealthReply.STATUS_DEGRADED);
        String back = JSON.writeValueAsString(reply);
        assertThat(back).contains("\"is_stuck\":true").doesNotContain("\"stuck\"");
        assertThat(JSON.readValue(back, SystemHealthReply.class)).isEqualTo(reply);
    }

    @Test
    void genericErrorReplyKeepsWolfsText() throws Exception {
        GenericReply reply = JSON.readValue("{\"success\":false,\"error\":\"Invalid PIN\"}",
                GenericReply.class);

        assertThat(reply).isEqualTo(GenericReply.failure("Invalid PIN"));
        assertThat(JSON.writeValueAsString(GenericReply.ok())).isEqualTo("{\"success\":true}");
    }

    /** A session exactly as Wolf lists it: {@code client_id} is the id, no {@code session_id} key. */
    private static final String LISTED_SESSION = "{\"success\":true,\"sessions\":[{\"app_id\":\"desktop\","
            + "\"client_id\":\"18446744073709551615\",\"client_ip\":\"10.0.0.2\","
            + "\"aes_key\":\"SECRETKEY\",\"aes_iv\":\"SECRETIV\",\"rtsp_fake_ip\":\"10.1.0.9\","
            + "\"client_settings\":{\"run_uid\":1000,\"run_gid\":1000,\"controllers_override\":[],"
            + "\"mouse_acceleration\":1.0,\"v_scroll_acceleration\":1.0,\"h_scroll_acceleration\":1.0},"
            + "\"video_width\":1920,\"video_height\":1080,\"video_refresh_rate\":60,"
            + "\"audio_channel_count\":2}]}";

    @Test
    void aListedSessionsIdIsItsClientId() throws Exception {
        StreamSession session = JSON.readValue(LISTED_SESSION, SessionsReply.class).sessions().get(0);

        assertThat(session.id()).isEqualTo("18446744073709551615").isEqualTo(session.clientId());
        assertThat(session.rtspFakeIp()).isEqualTo("10.1.0.9");
        assertThat(session.clientSettings().runUid()).isEqualTo(1000);
        assertThat(session.audioChannelCount()).isEqualTo(2);
    }

    @Test
    void aSessionWritesBackTheKeysWolfListsAndNoSessionIdKey() throws Exception {
        StreamSession session = JSON.readValue(LISTED_SESSION, SessionsReply.class).sessions().get(0);

        JsonNode back = JSON.readTree(JSON.writeValueAsString(session));

        assertThat(back.get("client_id").asText()).isEqualTo("18446744073709551615");
        assertThat(back.has("session_id")).isFalse();
        assertThat(back.has("id")).isFalse();
        assertThat(back.get("aes_key").asText()).isEqualTo("SECRETKEY");
        assertThat(back.get("rtsp_fake_ip").asText()).isEqualTo("10.1.0.9");
    }

    @Test
    void aSessionsToStringKeepsTheAesSecretsOut() throws Exception {
        SessionsReply reply = JSON.readValue(LISTED_SESSION, SessionsReply.class);

        assertThat(reply.toString()).contains("18446744073709551615")
                .doesNotContain("SECRETKEY").doesNotContain("SECRETIV");
    }
}
