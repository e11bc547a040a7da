package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.AppsReply;
import dev.lobbygovernor.wolf.model.GenericReply;
import dev.lobbygovernor.wolf.model.SessionsReply;
import dev.lobbygovernor.wolf.model.StopSessionRequest;
import dev.lobbygovernor.wolf.model.StreamSession;
import java.util.List;
import java.util.Map;

/** The streaming-session endpoints (list, add, stop) and the app list. */
final class SessionRoutes {

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
                .add("GET", "/api/v1/apps", r -> Bodies.ok(new AppsReply(true, apps)));
    }

    private HttpResponse add(HttpRequest request) throws WolfError {
        StreamSession body = Bodies.read(request, StreamSession.class);
        String id = state.addSession(body);
        // Wolf writes the unsigned 64-bit id as a string: {"success":true,"session_id":"..."}
        return Bodies.ok(Map.of("success", true, "session_id", id));
    }

    private HttpResponse stop(HttpRequest request) throws WolfError {
        StopSessionRequest body = Bodies.read(request, StopSessionRequest.class);
        state.stopSession(body.sessionId());
        return Bodies.ok(GenericReply.ok());
    }
}
