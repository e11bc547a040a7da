package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.model.CreateLobbyReply;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.GenericReply;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.LeaveLobbyRequest;
import dev.lobbygovernor.wolf.model.LobbiesReply;
import dev.lobbygovernor.wolf.model.StopLobbyRequest;
import java.util.Map;

/** The lobby endpoints: list, create, join, leave, stop. */
final class LobbyRoutes {

    /**
     * The error a create answers when the GPU stack fails, built from the incident's log lines
     * (CUDA refused the context, EGL could not import the DMA-BUF).
     */
    /** Wolf's answer when a lobby's setup outlasts its 20 s wait; the lobby stays. */
    static final String SETUP_TIMED_OUT = "Lobby setup timed out";
    static final String GPU_STACK_FAILURE =
            "Failed to create EGLImage from DMA-BUF: CUDA_ERROR_NOT_PERMITTED, GL_OUT_OF_MEMORY";

    /** Wolf's defaults for create fields a request may omit. */
    private static final Map<String, Boolean> CREATE_DEFAULTS = Map.of(
            "multi_user", CreateLobbyRequest.DEFAULT_MULTI_USER,
            "stop_when_everyone_leaves", CreateLobbyRequest.DEFAULT_STOP_WHEN_EVERYONE_LEAVES);

    private final WolfState state;

    LobbyRoutes(WolfState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/lobbies", r -> Bodies.ok(new LobbiesReply(true, state.wireLobbies())))
                .add("POST", "/api/v1/lobbies/create", this::create)
                .add("POST", "/api/v1/lobbies/join", r -> guarded(() -> join(r)))
                .add("POST", "/api/v1/lobbies/leave", r -> guarded(() -> leave(r)))
                .add("POST", "/api/v1/lobbies/stop", r -> guarded(() -> stop(r)));
    }

    private Reply create(HttpRequest request) {
        CreateLobbyRequest body;
        try {
            body = Bodies.readWithDefaults(request, CreateLobbyRequest.class, CREATE_DEFAULTS);
        } catch (WolfError e) {
            return Bodies.refusal(e);
        }
        WolfState.Created created = state.create(body, true);
        if (created.outcome() == WolfState.CreateOutcome.GPU_STACK_FAILED) {
            return new CrashAfter(new HttpResponse(500, Bodies.error(GPU_STACK_FAILURE)));
        }
        if (created.outcome() == WolfState.CreateOutcome.SETUP_TIMED_OUT) {
            // answered at once: Wolf would wait 20 s first, which a test has no use for
            return new HttpResponse(500, Bodies.error(SETUP_TIMED_OUT));
        }
        return Bodies.ok(new CreateLobbyReply(true, created.lobbyId()));
    }

    private HttpResponse join(HttpRequest request) throws WolfError {
        JoinLobbyRequest body = Bodies.read(request, JoinLobbyRequest.class);
        state.join(body.lobbyId(), body.moonlightSessionId(), body.pin());
        return Bodies.ok(GenericReply.ok());
    }

    private HttpResponse leave(HttpRequest request) throws WolfError {
        LeaveLobbyRequest body = Bodies.read(request, LeaveLobbyRequest.class);
        state.leave(body.lobbyId(), body.moonlightSessionId());
        return Bodies.ok(GenericReply.ok());
    }

    private HttpResponse stop(HttpRequest request) throws WolfError {
        StopLobbyRequest body = Bodies.read(request, StopLobbyRequest.class);
        state.stop(body.lobbyId(), body.pin());
        return Bodies.ok(GenericReply.ok());
    }

    /** A route body that may refuse. */
    @FunctionalInterface
    interface Action {
        HttpResponse run() throws WolfError;
    }

    /** Runs {@code action}, answering a refusal as Wolf's error body. */
    static Reply guarded(Action action) {
        try {
            return action.run();
        } catch (WolfError e) {
            return Bodies.refusal(e);
        }
    }
}
