package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.WolfJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reply the simulator serves, successes and refusals, checked against the schemas of
 * Wolf's published OpenAPI document (required fields, types, no keys it does not name), so a
 * simulator that drifts from Wolf fails the build.
 */
class WolfConformanceTest {

    /**
     * The schema's routes the simulator does not serve: it answers them 404 with an empty body,
     * as Wolf answers a route it lacks. The package Javadoc lists them as a known difference.
     */
    static final Set<String> NOT_SERVED = Set.of(
            "POST /api/v1/apps/add", "POST /api/v1/apps/delete", "POST /api/v1/clients/settings",
            "GET /api/v1/docker/images/inspect", "POST /api/v1/docker/images/pull",
            "POST /api/v1/lobbies/pause", "POST /api/v1/lobbies/resume",
            "GET /api/v1/openapi-schema", "GET /api/v1/profiles", "POST /api/v1/profiles/add",
            "POST /api/v1/profiles/remove", "POST /api/v1/runners/start", "POST /api/v1/sessions/input",
            "POST /api/v1/sessions/pause", "POST /api/v1/sessions/start", "POST /api/v1/unpair/client",
            "GET /api/v1/utils/get-icon");
    /** Kept open as a Server-Sent Events stream; the schema declares no reply body for it. */
    static final OpenApiSchema.Route EVENTS = new OpenApiSchema.Route("GET", "/api/v1/events");

    /** One request and the simulator's reply. */
    record Exchange(OpenApiSchema.Route route, String request, int status, String body) {
        @Override
        public String toString() {
            return route + (request.isEmpty() ? "" : " " + request) + " -> " + status;
        }
    }

    @TempDir
    Path dir;

    private OpenApiSchema spec;
    private SchemaChecker checker;

    @BeforeEach
    void readSchema() throws IOException {
        spec = OpenApiSchema.wolf();
        checker = new SchemaChecker(spec);
    }

    @Test
    void everyReplyTheSimulatorServesConformsToWolfsSchema() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            List<Exchange> exchanges = exercise(sim);
            exchanges.addAll(probeTheRest(sim, exchanges));

            List<String> violations = new ArrayList<>();
            for (Exchange e : exchanges) {
                if (!notServed(e)) {
                    violations(e).forEach(v -> violations.add(e + ": " + v));
                }
            }

            assertThat(violations).isEmpty();
            Set<String> checked = new TreeSet<>();
            exchanges.stream().filter(e -> !notServed(e)).forEach(e -> checked.add(e.route().toString()));
            Set<String> served = new TreeSet<>();
            spec.routes().stream().map(OpenApiSchema.Route::toString)
                    .filter(r -> !NOT_SERVED.contains(r) && !r.equals(EVENTS.toString())).forEach(served::add);
            assertThat(checked).as("every schema route the simulator serves is checked").isEqualTo(served);
        }
    }

    @Test
    void servesEveryRouteOfTheSchemaButTheKnownGaps() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            List<Exchange> probes = probeTheRest(sim, List.of());

            Set<String> unserved = new TreeSet<>();
            probes.stream().filter(WolfConformanceTest::notServed).forEach(e -> unserved.add(e.route().toString()));

            assertThat(unserved).containsExactlyInAnyOrderElementsOf(NOT_SERVED);
        }
    }

    @Test
    void failsOnAListingDriftedBackToASessionIdKey() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            sim.createSession("10.0.0.7");
            Exchange served = get(sim, "/api/v1/sessions");
            ObjectNode listed = (ObjectNode) WolfJson.mapper().readTree(served.body());
            ObjectNode session = (ObjectNode) listed.get("sessions").get(0);
            // the shape the simulator served before it followed Wolf: a session_id key, no keys
            session.set("session_id", session.remove("client_id"));
            session.remove("aes_key");
            Exchange drifted = new Exchange(served.route(), served.request(), 200, listed.toString());

            assertThat(violations(served)).isEmpty();
            assertThat(violations(drifted)).contains("$.sessions[0].aes_key: required field missing",
                    "$.sessions[0].session_id: not in the schema");
        }
    }

    @Test
    void failsOnARefusalDriftedToAnUndeclaredStatusOrShape() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir)) {
            Exchange served = post(sim, "/api/v1/sessions/stop", "{\"session_id\":\"42\"}", "unknown");

            assertThat(violations(served)).isEmpty();
            assertThat(violations(new Exchange(served.route(), "", 400, served.body())))
                    .containsExactly("status 400 is not among the schema's replies");
            assertThat(violations(new Exchange(served.route(), "", 500, "{\"success\":false}")))
                    .containsExactly("$.error: required field missing");
            assertThat(violations(new Exchange(served.route(), "", 500, "{\"success\":\"false\",\"error\":\"x\"}")))
                    .containsExactly("$.success: expected boolean, got string \"false\"");
        }
    }

    /** The schema's verdict on one reply: empty when it conforms. */
    private List<String> violations(Exchange e) {
        Optional<JsonNode> schema = spec.replySchema(e.route(), e.status());
        if (schema.isEmpty()) {
            return spec.declaresReplies(e.route())
                    ? List.of("status " + e.status() + " is not among the schema's replies")
                    : List.of();
        }
        try {
            return checker.violations(schema.get(), WolfJson.mapper().readTree(e.body()));
        } catch (JsonProcessingException ex) {
            return List.of("the body is not JSON: " + ex.getOriginalMessage());
        }
    }

    private static boolean notServed(Exchange e) {
        return e.status() == 404 && e.body().isEmpty();
    }

    /** Builds up state a client could meet (paired clients, both runner kinds, joined sessions) and captures every reply. */
    private static List<Exchange> exercise(WolfSimulator sim) throws Exception {
        List<Exchange> out = new ArrayList<>();
        String paired = sim.pairClient();
        String secret = sim.requestPairing("10.0.0.20");
        sim.requestPairing("10.0.0.21");
        String streaming = sim.createSession("10.0.0.22");
        String open;
        try (WolfClient client = Clients.of(sim)) {
            open = client.createLobby(Clients.lobby("docker-runner"));
            client.joinLobby(new JoinLobbyRequest(open, streaming, null));
        }
        out.add(post(sim, "/api/v1/lobbies/create", RawWolf.createBody("process-runner", "[1,2,3,4]"), "protected"));
        String locked = WolfJson.mapper().readTree(out.get(0).body()).get("lobby_id").asText();
        out.add(post(sim, "/api/v1/lobbies/create", "{\"name\":", "malformed"));
        out.add(post(sim, "/api/v1/sessions/add", RawWolf.addSessionBody("desktop", paired, "10.0.0.23"), "paired"));
        out.add(post(sim, "/api/v1/sessions/add", RawWolf.addSessionBody("nope", paired, "10.0.0.23"), "unknown app"));
        out.add(post(sim, "/api/v1/sessions/add", RawWolf.addSessionBody("desktop", "7", "10.0.0.23"), "unpaired"));
        out.add(post(sim, "/api/v1/sessions/add", "{\"app_id\":\"desktop\"}", "incomplete"));
        out.add(post(sim, "/api/v1/lobbies/join", join(locked, paired, "[1,2,3,4]"), "right PIN"));
        out.add(post(sim, "/api/v1/lobbies/join", join(locked, paired, "[4,3,2,1]"), "wrong PIN"));
        for (String path : List.of("/api/v1/apps", "/api/v1/clients", "/api/v1/pair/pending",
                "/api/v1/sessions", "/api/v1/lobbies")) {
            out.add(get(sim, path));
        }
        out.add(post(sim, "/api/v1/pair/client", "{\"pair_secret\":\"" + secret + "\",\"pin\":\"5309\"}", "waiting"));
        out.add(post(sim, "/api/v1/pair/client", "{\"pair_secret\":\"" + secret + "\",\"pin\":\"5309\"}", "gone"));
        out.add(post(sim, "/api/v1/pair/client", "{\"pin\":\"5309\"}", "no secret"));
        out.add(post(sim, "/api/v1/lobbies/leave", "{\"lobby_id\":\"" + locked + "\",\"moonlight_session_id\":\""
                + paired + "\"}", "joined"));
        out.add(post(sim, "/api/v1/sessions/stop", "{\"session_id\":\"" + streaming + "\"}", "listed"));
        out.add(post(sim, "/api/v1/sessions/stop", "{\"session_id\":\"" + streaming + "\"}", "stopped"));
        out.add(post(sim, "/api/v1/lobbies/stop", "{\"lobby_id\":\"" + open + "\"}", "open"));
        out.add(post(sim, "/api/v1/lobbies/stop", "{\"lobby_id\":\"" + open + "\"}", "gone"));
        out.add(post(sim, "/api/v1/lobbies/stop", "{\"lobby_id\":\"" + locked + "\",\"pin\":[9,9,9,9]}", "wrong PIN"));
        return out;
    }

    /** One request to each schema route not yet exercised: a GET, or a POST of {@code {}}. */
    private List<Exchange> probeTheRest(WolfSimulator sim, List<Exchange> done) throws IOException {
        Set<OpenApiSchema.Route> seen = new LinkedHashSet<>();
        done.forEach(e -> seen.add(e.route()));
        List<Exchange> out = new ArrayList<>();
        for (OpenApiSchema.Route route : spec.routes()) {
            if (seen.contains(route) || route.equals(EVENTS)) {
                continue;
            }
            out.add(route.method().equals("GET") ? get(sim, route.path()) : post(sim, route.path(), "{}", "probe"));
        }
        return out;
    }

    private static String join(String lobby, String session, String pin) {
        return "{\"lobby_id\":\"" + lobby + "\",\"moonlight_session_id\":\"" + session + "\",\"pin\":" + pin + "}";
    }

    private static Exchange get(WolfSimulator sim, String path) throws IOException {
        return exchange(new OpenApiSchema.Route("GET", path), "", RawWolf.get(sim.socketPath(), path));
    }

    private static Exchange post(WolfSimulator sim, String path, String body, String what) throws IOException {
        return exchange(new OpenApiSchema.Route("POST", path), "(" + what + ")",
                RawWolf.post(sim.socketPath(), path, body));
    }

    private static Exchange exchange(OpenApiSchema.Route route, String what, String reply) {
        String status = RawWolf.statusLine(reply);
        return new Exchange(route, what, Integer.parseInt(status.split(" ")[1]), RawWolf.body(reply));
    }
}
