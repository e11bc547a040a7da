package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lobbygovernor.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Wolf's published OpenAPI schema ({@code ../shared/reference/wolf-openapi.json}), read with
 * Jackson: its routes, the reply schema each declares per status, and {@code $ref} lookup.
 */
final class OpenApiSchema {

    /** A route the schema declares. */
    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode root;

    private OpenApiSchema(JsonNode root) {
        this.root = root;
    }

    /**
     * The schema beside the repository; skips the test where {@code ../shared} is absent,
     * except under {@code CI=true}, where that fails it.
     */
    static OpenApiSchema wolf() throws IOException {
        Path file = RepoPaths.sharedDir().resolve("reference/wolf-openapi.json");
        assertThat(file).as("Wolf's OpenAPI schema").isRegularFile();
        return parse(Files.readString(file));
    }

    static OpenApiSchema parse(String json) throws IOException {
        return new OpenApiSchema(new ObjectMapper().readTree(json));
    }

    /** Every route, in the schema's order; the method upper-case. */
    List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(
                    m -> out.add(new Route(m.toUpperCase(Locale.ROOT), path.getKey())));
        }
        return out;
    }

    /** Whether the schema declares any reply for the route (the event stream declares none). */
    boolean declaresReplies(Route route) {
        return operation(route).path("responses").size() > 0;
    }

    /** The JSON schema of the route's reply with {@code status}, empty if the schema declares none. */
    Optional<JsonNode> replySchema(Route route, int status) {
        JsonNode schema = operation(route).path("responses").path(Integer.toString(status))
                .path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** {@code schema} itself, or what its {@code $ref} ("#/components/schemas/...") names. */
    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        while (at.has("$ref")) {
            String ref = at.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            at = root.at(ref.substring(1));
            if (at.isMissingNode()) {
                throw new IllegalArgumentException("the schema has no " + ref);
            }
        }
        return at;
    }

    private JsonNode operation(Route route) {
        return root.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
    }
}
