package dev.lobbygovernor.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A refusal as RFC 9457 problem+json: 429, the exact user message, the numbers, idle lobbies and a link. */
class AdmissionProblemAdviceTest {

    private static final String EXACT = "GPU resource limit reached (5/5 lobbies active). Please close an unused"
            + " session and try again.";

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .host(Host.of("wolf-1", runtime)).build();
    private final LobbyGovernorProperties.Refusal settings = new LobbyGovernorProperties.Refusal(true,
            "https://play.example/sessions?host={host}", URI.create("urn:lobby-governor:problem:lobby-refused"));

    private AdmissionDeniedException sixthLobby() {
        for (int i = 1; i <= 5; i++) {
            String id = "lobby-" + i;
            store.putSession("s" + i);
            try (Permit p = governor.acquire(AdmissionRequest.forSession("s" + i).withPin(LobbyPin.of("90817" + i)))) {
                p.create(c -> runtime.create(id, c));
            }
            clock.advance(Duration.ofMinutes(4));
        }
        clock.advance(Duration.ofSeconds(5));
        return catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("sixth")));
    }

    @Test
    void sixthLobbyIsA429ProblemWithTheExactUserMessageAndTheNumbers() {
        ResponseEntity<ProblemDetail> response = new AdmissionProblemAdvice(settings, Optional.empty())
                .refused(sixthLobby());

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getStatus()).isEqualTo(429);
        assertThat(problem.getDetail()).isEqualTo(EXACT);
        assertThat(problem.getTitle()).isEqualTo(AdmissionProblemAdvice.TITLE);
        assertThat(problem.getProperties()).containsEntry("host", "wolf-1").containsEntry("active", 5)
                .containsEntry("cap", 5).containsEntry("reason", "LOBBY_LIMIT")
                .containsEntry("sessions", "https://play.example/sessions?host=wolf-1");
    }

    @Test
    void listsTheIdleLobbiesToCloseButNeverAPin() {
        ProblemDetail problem = new AdmissionProblemAdvice(settings, Optional.empty()).refused(sixthLobby()).getBody();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> idle = (List<Map<String, Object>>) problem.getProperties().get("idleLobbies");
        assertThat(idle).isNotEmpty();
        assertThat(idle.get(0)).containsEntry("lobbyId", "lobby-1").containsKeys("ageSeconds", "idleSeconds");
        assertThat(problem.toString() + problem.getProperties()).doesNotContain("90817");
    }

    @Test
    void saysWhenToRetryOnlyWhenTheReaperWillFreeASlot() {
        AdmissionDeniedException denial = sixthLobby();
        ResponseEntity<ProblemDetail> withReaper = new AdmissionProblemAdvice(settings,
                Optional.of(Duration.ofMinutes(30))).refused(denial);
        // lobby-1 has been idle 20 min 5 s: the reaper stops it 9 min 55 s from now
        assertThat(withReaper.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("595");

        ResponseEntity<ProblemDetail> withoutReaper = new AdmissionProblemAdvice(settings, Optional.empty())
                .refused(denial);
        assertThat(withoutReaper.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void leavesTheLinkOutWhenNoSessionsUrlIsConfigured() {
        LobbyGovernorProperties.Refusal noLink = new LobbyGovernorProperties.Refusal(true, null, null);

        assertThat(new AdmissionProblemAdvice(noLink, Optional.empty()).refused(sixthLobby()).getBody()
                .getProperties()).doesNotContainKey("sessions");
    }
}
