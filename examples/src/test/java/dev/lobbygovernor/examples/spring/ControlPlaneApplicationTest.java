package dev.lobbygovernor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lobbygovernor.wolf.sim.GpuModel;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot example over HTTP, against the Wolf simulator: five lobbies are created, the
 * sixth gets the problem response, and Actuator shows the governor's health and metrics.
 */
class ControlPlaneApplicationTest {

    private static final String EXACT = "GPU resource limit reached (5/5 lobbies active). Please close an unused"
            + " session and try again.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static WolfSimulator wolf;
    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        wolf = WolfSimulator.builder().gpu(GpuModel.rtx2000Ada()).start(dir);
        app = SpringApplication.run(ControlPlaneApplication.class, "--server.port=0",
                "--control-plane.wolf-socket=" + wolf.socketPath());
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (wolf != null) {
            wolf.close();
        }
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sixthLobbyGetsTheProblemResponseAndActuatorShowsTheGovernor() throws Exception {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> created = post("/sessions/user-" + i + "/lobby");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).path("active").asInt()).isEqualTo(i);
        }

        HttpResponse<String> sixth = post("/sessions/user-6/lobby");

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(sixth.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText()).isEqualTo(EXACT);
        assertThat(problem.path("host").asText()).isEqualTo("wolf-1");
        assertThat(problem.path("active").asInt()).isEqualTo(5);
        assertThat(problem.path("cap").asInt()).isEqualTo(5);
        assertThat(problem.path("reason").asText()).isEqualTo("LOBBY_LIMIT");
        assertThat(problem.path("idleLobbies").isArray()).isTrue();
        assertThat(problem.path("sessions").asText()).isEqualTo("/sessions?host=wolf-1");
        assertThat(get("/sessions?host=wolf-1").body()).contains("user-1", "user-5");

        HttpResponse<String> health = get("/actuator/health");
        JsonNode governor = JSON.readTree(health.body()).path("components").path("lobbyGovernor");
        assertThat(governor.path("status").asText()).as(health.body()).isEqualTo("UP");
        assertThat(governor.path("details").path("hosts").path("wolf-1").path("active").asInt()).isEqualTo(5);
        assertThat(get("/actuator/health/readiness").body()).contains("lobbyGovernor");
        assertThat(get("/actuator/health/liveness").body()).doesNotContain("lobbyGovernor");

        String prometheus = get("/actuator/prometheus").body();
        assertThat(prometheus).contains("lobbygovernor_host_lobbies_active{host=\"wolf-1\"} 5.0",
                "lobbygovernor_host_lobbies_cap{host=\"wolf-1\"} 5.0");
        assertThat(prometheus).containsPattern(
                "lobbygovernor_admissions_total\\{[^}]*outcome=\"refused\"[^}]*reason=\"lobby_limit\"[^}]*} 1.0");

        assertThat(get("/lobby-governor/dashboard/status.json").body()).contains("\"active\":5");
    }
}
