package dev.lobbygovernor.spring;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.IdleLobbySuggestion;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a refused lobby into an RFC 9457 {@code application/problem+json} response a front end
 * can show: status 429, {@code detail} the exact message for the user, and extensions
 * {@code host}, {@code active}, {@code cap}, {@code reason}, {@code idleLobbies} (lobby ids with
 * age and idle seconds, never a PIN) and {@code sessions} (the sessions list, from
 * {@code lobby-governor.problem.sessions-url}). {@code Retry-After} is set when it is known: a
 * full host whose idle lobbies the reaper will stop, after the soonest of them.
 *
 * <p>Off with {@code lobby-governor.problem.enabled=false}. It is ordered ahead of a host's own
 * catch-all advice, so that a generic handler does not hide the numbers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public final class AdmissionProblemAdvice {

    /** The problem's title. */
    public static final String TITLE = "Lobby limit reached";

    private final LobbyGovernorProperties.Refusal settings;
    private final Optional<Duration> idleTimeout;

    /**
     * An advice with these settings.
     *
     * @param settings the problem's type and sessions link; not null
     * @param idleTimeout after how long the reaper stops an idle lobby, or empty if no reaper runs
     */
    public AdmissionProblemAdvice(LobbyGovernorProperties.Refusal settings, Optional<Duration> idleTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /**
     * The problem response for a refusal.
     *
     * @param denial the refusal
     * @return status 429 with the problem
     */
    @ExceptionHandler(AdmissionDeniedException.class)
    public ResponseEntity<ProblemDetail> refused(AdmissionDeniedException denial) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, denial.getMessage());
        problem.setTitle(TITLE);
        if (settings.type() != null) {
            problem.setType(settings.type());
        }
        problem.setProperty("host", denial.hostId());
        problem.setProperty("active", denial.active());
        problem.setProperty("cap", denial.cap());
        problem.setProperty("reason", denial.reason().name());
        problem.setProperty("idleLobbies", idleLobbies(denial.suggestions()));
        sessionsLink(denial.hostId()).ifPresent(link -> problem.setProperty("sessions", link.toString()));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        retryAfter(denial).ifPresent(s -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(s)));
        return response.body(problem);
    }

    private static List<Map<String, Object>> idleLobbies(List<IdleLobbySuggestion> suggestions) {
        return suggestions.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lobbyId", s.lobbyId());
            m.put("ageSeconds", s.age().toSeconds());
            m.put("idleSeconds", s.idle().toSeconds());
            return Map.copyOf(m);
        }).toList();
    }

    private Optional<URI> sessionsLink(String hostId) {
        String template = settings.sessionsUrl();
        if (template == null || template.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(template.replace("{host}",
                java.net.URLEncoder.encode(hostId, java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** Seconds until the reaper stops the soonest idle lobby of a full host; unknown otherwise. */
    private Optional<Long> retryAfter(AdmissionDeniedException denial) {
        if (idleTimeout.isEmpty() || !denial.reason().isCapacity() || denial.suggestions().isEmpty()) {
            return Optional.empty();
        }
        Duration timeout = idleTimeout.get();
        return denial.suggestions().stream().map(s -> timeout.minus(s.idle()))
                .min(Duration::compareTo).map(d -> Math.max(1, d.toSeconds()));
    }
}
