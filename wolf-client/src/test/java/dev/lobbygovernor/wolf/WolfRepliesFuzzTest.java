package dev.lobbygovernor.wolf;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.SeededFuzz;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.model.WolfEvents;
import dev.lobbygovernor.wolf.testing.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wolf's JSON replies and events, mutated, over 100,000 seeded inputs each, decoded the way a
 * host meets them: through the client's calls (only a {@link WolfException}), the GPU probe
 * over Wolf's stats (only a {@link ProbeException}) and the event decoder (only a
 * {@link JsonProcessingException}); and decoding time grows linearly with the reply.
 */
@Timeout(60)
class WolfRepliesFuzzTest {

    private static final String LOBBIES = "{\"success\":true,\"lobbies\":[{\"id\":\"u-1\",\"name\":\"a\","
            + "\"multi_user\":true,\"started_by_profile_id\":\"p\",\"pin_required\":true,"
            + "\"stop_when_everyone_leaves\":false,\"runner\":{\"type\":\"process\",\"run_cmd\":\"sleep 1\"},"
            + "\"connected_sessions\":[\"123\",\"18446744073709551615\"]}]}";
    private static final String SESSIONS = "{\"success\":true,\"sessions\":[{\"session_id\":\"99\","
            + "\"client_ip\":\"10.0.0.2\",\"video_width\":1920}]}";
    private static final String APPS = "{\"success\":true,\"apps\":[{\"title\":\"Desktop\",\"id\":\"1\"}]}";
    private static final String CREATED = "{\"success\":true,\"lobby_id\":\"L9\"}";
    private static final String MEMORY = "{\"success\":true,\"process_rss_bytes\":1461000000,\"gpu_stats\":"
            + "{\"available\":true,\"gpu_name\":\"NVIDIA RTX 2000 Ada\",\"encoder_session_count\":2,"
            + "\"encoder_average_fps\":59,\"encoder_average_latency_us\":1800,\"encoder_utilization_percent\":31,"
            + "\"gpu_utilization_percent\":40,\"memory_utilization_percent\":12,\"memory_used_mb\":6720,"
            + "\"memory_total_mb\":16380,\"temperature_celsius\":61},\"gstreamer_pipelines\":"
            + "{\"producer_pipelines\":12,\"consumer_pipelines\":6,\"total_pipelines\":18},"
            + "\"lobbies\":[{\"lobby_id\":\"L\",\"lobby_name\":\"n\",\"client_count\":1,\"memory_bytes\":5}]}";
    private static final String HEALTH = "{\"success\":true,\"process_uptime_seconds\":7,\"threads\":[{\"tid\":3,"
            + "\"name\":\"http\",\"is_stuck\":true,\"has_active_request\":true,\"seconds_since_heartbeat\":40}],"
            + "\"stuck_thread_count\":1,\"total_thread_count\":4,\"can_create_new_pipelines\":true,"
            + "\"overall_status\":\"degraded\"}";
    private static final List<String> REPLIES = List.of(LOBBIES, SESSIONS, APPS, CREATED, MEMORY, HEALTH);
    private static final List<String[]> EVENTS = List.of(
            new String[] {WolfEvents.STOP_LOBBY, "{\"lobby_id\":\"L1\"}"},
            new String[] {WolfEvents.CREATE_LOBBY, "{\"id\":\"L2\",\"name\":\"n\",\"profile_id\":\"p\",\"pin\":[4,4,1,9]}"},
            new String[] {WolfEvents.JOIN_LOBBY, "{\"lobby_id\":\"L\",\"moonlight_session_id\":42}"},
            new String[] {WolfEvents.DOCKER_PULL_END, "{\"image_name\":\"i\",\"success\":true}"},
            new String[] {"wolf::core::events::Unknown", "{\"x\":[1,2,{\"y\":null}]}"});
    private static final String[] DICTIONARY = {"null", "true", "-1", "1e999", "18446744073709551616", "\"\"",
        "[]", "{}", "[", "{", "}", "]", ",", ":", "\\u0000", "\\ud800", "\"success\":false", "\"error\":\"x\"",
        "NaN", "0.5", "\"available\":true", "\"gpu_name\":\"\""};

    private static final CreateLobbyRequest CREATE = CreateLobbyRequest.builder().profileId("p").name("n")
            .runner(new Runner.Process("true")).build();

    /** One generated case: which call, and the reply body it gets. */
    private record Case(int kind, String body) {
        @Override
        public String toString() {
            return "call " + kind + ": " + body;
        }
    }

    private static String mutated(SplittableRandom r, String valid) {
        return new String(SeededFuzz.mutate(r, valid.getBytes(StandardCharsets.UTF_8), DICTIONARY),
                StandardCharsets.UTF_8);
    }

    private final ScriptedTransport transport = new ScriptedTransport();
    private final WolfClient client = WolfClient.builder().transport(transport).readRetries(RetryPolicy.none())
            .build();
    private final WolfGpuProbe probe = new WolfGpuProbe(client, MutableClock.at("2026-01-01T12:00:00Z"));

    private void call(Case c) throws Exception {
        transport.reply(200, c.body());
        try {
            switch (c.kind()) {
                case 0 -> client.listLobbies();
                case 1 -> client.listSessions();
                case 2 -> client.listApps();
                case 3 -> client.createLobby(CREATE);
                case 4 -> client.systemMemory();
                case 5 -> client.systemHealth();
                default -> probe.sample();
            }
        } catch (WolfException | ProbeException expected) {
            // the client's and the probe's typed failures are the only ones allowed
        }
    }

    @Test
    void aHundredThousandMutatedRepliesGiveAValueOrATypedFailure() {
        SeededFuzz.run("Wolf replies", 100_000, r -> {
            int kind = r.nextInt(REPLIES.size() + 1);
            String valid = kind < REPLIES.size() ? REPLIES.get(kind) : MEMORY;
            return new Case(kind, mutated(r, valid));
        }, this::call);
    }

    @Test
    void aHundredThousandMutatedEventsGiveAnEventOrAJsonError() {
        SeededFuzz.run("Wolf events", 100_000, r -> {
            String[] e = EVENTS.get(r.nextInt(EVENTS.size()));
            return new String[] {e[0], mutated(r, e[1])};
        }, e -> {
            try {
                WolfEvents.decode(e[0], e[1]);
            } catch (JsonProcessingException expected) {
                // the one failure the decoder may report
            }
        });
    }

    @Test
    void decodingTimeIsLinearInTheReplySize() {
        String lobby = LOBBIES.substring(LOBBIES.indexOf('[') + 1, LOBBIES.lastIndexOf(']'));
        SeededFuzz.assertLinear(n -> {
            StringBuilder b = new StringBuilder("{\"success\":true,\"lobbies\":[");
            for (int i = 0; b.length() < n; i++) {
                b.append(i == 0 ? "" : ",").append(lobby);
            }
            return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }, b -> call(new Case(0, new String(b, StandardCharsets.UTF_8))), 64 * 1024);
        SeededFuzz.assertLinear(n -> ("[".repeat(n / 2) + "]".repeat(n / 2)).getBytes(StandardCharsets.UTF_8),
                b -> call(new Case(0, new String(b, StandardCharsets.UTF_8))), 64 * 1024);
    }
}
