package dev.lobbygovernor.examples.spring;

import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.LobbyStatus;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates a session's lobby and lists the sessions' lobbies. There is no error handling here for
 * a refusal: {@code acquire} throws {@code AdmissionDeniedException}, and the starter answers
 * 429 with the problem the front end shows.
 */
@RestController
public class SessionsController {

    private final LobbyGovernor governor;
    private final WolfClient wolf;
    private final InMemorySessionStore sessions;

    /**
     * The controller.
     *
     * @param governor the starter's governor
     * @param wolf the client lobbies are created with
     * @param sessions where a session is recorded as live
     */
    public SessionsController(LobbyGovernor governor, WolfClient wolf, InMemorySessionStore sessions) {
        this.governor = governor;
        this.wolf = wolf;
        this.sessions = sessions;
    }

    /**
     * Starts a lobby for a session.
     *
     * @param sessionId the session
     * @return 201 with the lobby's id, host and the host's count after it
     * @throws WolfException if Wolf failed to create it
     */
    @PostMapping("/sessions/{sessionId}/lobby")
    public ResponseEntity<Map<String, Object>> createLobby(@PathVariable("sessionId") String sessionId)
            throws WolfException {
        sessions.putSession(sessionId);
        try (Permit permit = governor.acquire(AdmissionRequest.forSession(sessionId))) {
            String lobbyId = permit.create(c -> wolf.createLobby(desktopFor(sessionId), c));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("lobbyId", lobbyId);
            body.put("host", permit.hostId());
            body.put("active", permit.activeAfter());
            body.put("cap", permit.cap());
            body.put("nearlyFull", permit.warning());
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        }
    }

    /**
     * The sessions list the refusal links to: every host's lobbies, oldest first, with their
     * sessions and idle times, so a user can pick one to close.
     *
     * @return the lobbies
     */
    @GetMapping("/sessions")
    public List<Map<String, Object>> sessions() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HostStatus h : governor.status().hosts()) {
            for (LobbyStatus l : h.lobbies()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("host", h.hostId());
                m.put("lobbyId", l.lobbyId());
                m.put("session", l.sessionId().orElse(null));
                m.put("idleSeconds", l.idle().map(d -> d.toSeconds()).orElse(null));
                out.add(m);
            }
        }
        return out;
    }

    private static CreateLobbyRequest desktopFor(String sessionId) {
        return CreateLobbyRequest.builder().profileId("lobby-governor-examples").name("agent " + sessionId)
                .runner(new Runner.Docker("agent-" + sessionId, "registry.local/agent:1", List.of(),
                        List.of("SESSION_ID=" + sessionId), List.of("/dev/dri"), List.of(), null))
                .build();
    }
}
