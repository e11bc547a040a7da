package dev.lobbygovernor.wolf.sim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.wolf.model.GenericReply;
import dev.lobbygovernor.wolf.model.WolfJson;
import java.util.List;
import java.util.Map;

/** Reads request bodies into the shared wire model and writes replies with the same mapper. */
final class Bodies {

    private Bodies() {
    }

    /**
     * The body as {@code type}, or a refusal. Wolf answers a body it cannot read with 500 and its
     * JSON library's message; the simulator's message names the expected shape only, because
     * Jackson's own message can quote the input, and the input may hold a PIN.
     */
    static <T> T read(HttpRequest request, Class<T> type) throws WolfError {
        return read(request, type, Map.of(), List.of());
    }

    /**
     * Like {@link #read}, but fields absent from the body take Wolf's defaults first: the
     * model's primitive booleans would otherwise read an absent field as {@code false}.
     */
    static <T> T readWithDefaults(HttpRequest request, Class<T> type, Map<String, Boolean> defaults)
            throws WolfError {
        return read(request, type, defaults, List.of());
    }

    /**
     * Like {@link #read}, but refuses a body that lacks one of {@code required} (or has it null):
     * Wolf's reflected types hold those fields as plain values, so its reader refuses the body,
     * where the model's primitives would read an absent number as 0.
     */
    static <T> T readRequiring(HttpRequest request, Class<T> type, List<String> required) throws WolfError {
        return read(request, type, Map.of(), required);
    }

    private static <T> T read(HttpRequest request, Class<T> type, Map<String, Boolean> defaults,
            List<String> required) throws WolfError {
        try {
            JsonNode tree = WolfJson.mapper().readTree(request.body());
            if (!(tree instanceof ObjectNode object)) {
                throw WolfError.refused(invalid(type));
            }
            for (String field : required) {
                JsonNode value = object.get(field);
                if (value == null || value.isNull()) {
                    throw WolfError.refused("Invalid request body: field " + field + " is missing");
                }
            }
            defaults.forEach((field, value) -> {
                if (!object.has(field)) {
                    object.put(field, value);
                }
            });
            return WolfJson.mapper().treeToValue(object, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw WolfError.refused(invalid(type));
        }
    }

    private static String invalid(Class<?> type) {
        return "Invalid request body: expected a " + type.getSimpleName() + " JSON object";
    }

    /** Wolf's answer to a refused request: its status and the error body. */
    static HttpResponse refusal(WolfError e) {
        return new HttpResponse(e.status(), error(e.getMessage()));
    }

    /** Wolf's error body: {@code {"success":false,"error":message}}. */
    static String error(String message) {
        return write(GenericReply.failure(message));
    }

    /** A 200 reply with {@code value} as JSON. */
    static HttpResponse ok(Object value) {
        return HttpResponse.ok(write(value));
    }

    private static String write(Object value) {
        try {
            return WolfJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("simulator reply could not be serialised", e);
        }
    }
}
