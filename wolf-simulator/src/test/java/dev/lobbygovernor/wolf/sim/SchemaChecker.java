package dev.lobbygovernor.wolf.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a JSON value against a schema of Wolf's OpenAPI document: types, required fields,
 * {@code enum}, {@code anyOf}, array items, and keys the schema does not name (Wolf writes its
 * reflected structs, so a key outside the schema is drift as much as a missing one). Each
 * violation reads as {@code $.sessions[0].aes_key: required field missing}.
 */
final class SchemaChecker {

    private final OpenApiSchema spec;

    SchemaChecker(OpenApiSchema spec) {
        this.spec = spec;
    }

    /** Every way {@code value} departs from {@code schema}; empty when it conforms. */
    List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check("$", schema, value, out);
        return out;
    }

    private void check(String at, JsonNode schemaOrRef, JsonNode value, List<String> out) {
        JsonNode schema = spec.resolve(schemaOrRef);
        if (schema.has("anyOf")) {
            anyOf(at, schema.get("anyOf"), value, out);
            return;
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            out.add(at + ": expected " + type + ", got " + kind(value));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            object(at, schema, value, out);
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(at + "[" + i + "]", schema.get("items"), value.get(i), out);
            }
        }
    }

    private void object(String at, JsonNode schema, JsonNode value, List<String> out) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(at + "." + required.asText() + ": required field missing");
            }
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (properties.has(field.getKey())) {
                check(at + "." + field.getKey(), properties.get(field.getKey()), field.getValue(), out);
            } else {
                out.add(at + "." + field.getKey() + ": not in the schema");
            }
        }
    }

    /** Conforms if one alternative fits; else reports the alternative that came closest. */
    private void anyOf(String at, JsonNode alternatives, JsonNode value, List<String> out) {
        List<String> closest = null;
        for (JsonNode alternative : alternatives) {
            List<String> found = new ArrayList<>();
            check(at, alternative, value, found);
            if (found.isEmpty()) {
                return;
            }
            if (closest == null || found.size() < closest.size()) {
                closest = found;
            }
        }
        out.add(at + ": matches none of its anyOf alternatives");
        if (closest != null) {
            out.addAll(closest);
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type) {
            case "object": return value.isObject();
            case "array": return value.isArray();
            case "string": return value.isTextual();
            case "boolean": return value.isBoolean();
            case "null": return value.isNull();
            case "number": return value.isNumber();
            case "integer": return value.isIntegralNumber();
            default: throw new IllegalArgumentException("unknown schema type " + type);
        }
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + value;
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
