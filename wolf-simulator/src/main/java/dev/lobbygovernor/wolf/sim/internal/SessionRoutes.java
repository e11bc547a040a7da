package dev.lobbygovernor.wolf.sim.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.GenericReply;
import dev.lobbygovernor.wolf.model.SessionsReply;
import dev.lobbygovernor.wolf.model.StopSessionRequest;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.model.WolfJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The streaming-session endpoints (list, add, stop) and the app list. */
final class SessionRoutes {

    /**
     * The fields {@code sessions/add} cannot do without. Wolf reads the body into its reflected
     * session type, where these are plain values; the helixml fork holds {@code app_id} and
     * {@code client_id} as plain strings too (upstream Wolf makes them optional and invents a
     * stand-in app and client; the simulator follows the fork).
     */
    static final List<String> ADD_REQUIRED = List.of("app_id", "client_id", "client_ip", "aes_key",
            "aes_iv", "rtsp_fake_ip", "video_width", "video_height", "video_refresh_rate",
            "audio_channel_count");

    /**
     * GStreamer pipeline texts listed with every app. Wolf lists each app's pipelines (the schema
     * requires them) and the client does not model them, so the simulator adds fixed ones.
     */
    private static final Map<String, String> PIPELINES = new TreeMap<>(Map.of(
            "h264_gst_pipeline", "interpipesrc ! nvh264enc ! h264parse ! rtpmoonlightpay_video",
            "hevc_gst_pipeline", "interpipesrc ! nvh265enc ! h265parse ! rtpmoonlightpay_video",
            "av1_gst_pipeline", "interpipesrc ! nvav1enc ! av1parse ! rtpmoonlightpay_video",
            "opus_gst_pipeline", "interpipesrc ! opusenc ! rtpmoonlightpay_audio"));

    private final WolfState state;
    private final List<App> apps;

    SessionRoutes(WolfState state, List<App> apps) {
        this.state = state;
        this.apps = List.copyOf(apps);
    }

    void register(Router router) {
        router.add("GET", "/api/v1/sessions", r -> Bodies.ok(new SessionsReply(true, state.sessions())))
                .add("POST", "/api/v1/sessions/add", r -> LobbyRoutes.guarded(() -> add(r)))
                .add("POST", "/api/v1/sessions/stop", r -> LobbyRoutes.guarded(() -> stop(r)))
                .add("GET", "/api/v1/apps", r -> Bodies.ok(appList()));
    }

    private HttpResponse add(HttpRequest request) throws WolfError {
        StreamSession body = Bodies.readRequiring(request, StreamSession.class, ADD_REQUIRED);
        String id = state.addSession(body);
        // Wolf writes its struct in field order, the unsigned 64-bit id as a string:
        // {"success":true,"session_id":"..."}
        return Bodies.ok(WolfJson.mapper().createObjectNode().put("success", true).put("session_id", id));
    }

    private HttpResponse stop(HttpRequest request) throws WolfError {
        StopSessionRequest body = Bodies.read(request, StopSessionRequest.class);
        state.stopSession(body.sessionId());
        return Bodies.ok(GenericReply.ok());
    }

    private ObjectNode appList() {
        ObjectNode reply = WolfJson.mapper().createObjectNode().put("success", true);
        ArrayNode list = reply.putArray("apps");
        for (App app : apps) {
            ObjectNode node = WolfJson.mapper().valueToTree(app);
            PIPELINES.forEach(node::put);
            list.add(node);
        }
        return reply;
    }
}
