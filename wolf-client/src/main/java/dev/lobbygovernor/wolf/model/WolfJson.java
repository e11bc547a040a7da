package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.lobbygovernor.store.LobbyPin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON configuration shared by the Wolf client and the Wolf simulator, so both speak the
 * same wire form.
 *
 * <p>Unknown fields are ignored (Wolf and its forks add fields freely); a {@link LobbyPin}
 * travels as Wolf's array of small integers ({@code "pin":[1,2,3,4]}) and is read back into the
 * masked type, so a PIN never exists as a plain string in a model object.
 */
public final class WolfJson {

    private static final ObjectMapper MAPPER = newMapper();

    /**
     * A "pin" key — quoted, single-quoted, JSON-escaped inside a string, or bare, any case, not
     * part of a longer name such as "pin_required" — and its value: an array, a string or a
     * bare token, maybe cut short by truncation.
     */
    private static final Pattern PIN_FIELD = Pattern.compile(
            "(?<![A-Za-z0-9_])[\"'\\\\]*pin[\"'\\\\]*\\s*[:=]\\s*"
                    + "(\\[[^\\]]*\\]?|\\\\?\"[^\"]*\"?|'[^']*'?|[^,}\\]\\s]*)",
            Pattern.CASE_INSENSITIVE);

    private WolfJson() {
    }

    /**
     * The shared, configured mapper. {@link ObjectMapper} is thread-safe once configured; do not
     * reconfigure this instance — call {@link #newMapper()} for a private copy.
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A fresh mapper with the Wolf configuration, for callers that want to change it.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(module())
                .build();
    }

    /**
     * The text with the value of every {@code "pin"} field replaced by {@code [redacted]}: for
     * raw JSON that may reach a log line or an exception message (excerpts of bad replies,
     * events this library does not model). Also redacts a value cut short by truncation.
     *
     * @param json the text; may be {@code null}
     * @return the text with PIN values redacted; {@code null} for {@code null}
     */
    public static String redactPins(String json) {
        if (json == null) {
            return json;
        }
        return PIN_FIELD.matcher(json).replaceAll("\"pin\":[redacted]");
    }

    /**
     * The Jackson module that maps {@link LobbyPin} to and from Wolf's integer array.
     *
     * @return a new module
     */
    public static Module module() {
        SimpleModule module = new SimpleModule("lobby-governor-wolf");
        module.addSerializer(LobbyPin.class, new PinSerializer());
        module.addDeserializer(LobbyPin.class, new PinDeserializer());
        return module;
    }

    /** Writes the digits as a JSON array of integers. */
    private static final class PinSerializer extends StdSerializer<LobbyPin> {
        private static final long serialVersionUID = 1L;

        PinSerializer() {
            super(LobbyPin.class);
        }

        @Override
        public void serialize(LobbyPin pin, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            int[] digits = pin.digits();
            gen.writeArray(digits, 0, digits.length);
        }
    }

    /**
     * Reads a JSON array of integers 0–9. Error messages never repeat the values read: a PIN
     * sent in a malformed shape is still a secret.
     */
    private static final class PinDeserializer extends StdDeserializer<LobbyPin> {
        private static final long serialVersionUID = 1L;

        PinDeserializer() {
            super(LobbyPin.class);
        }

        @Override
        public LobbyPin deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                ctxt.reportInputMismatch(LobbyPin.class, "a lobby PIN must be an array of digits");
            }
            List<Integer> digits = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                // the number type is checked first: getIntValue()'s overflow message quotes it
                if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                        || digits.size() >= 64) {
                    ctxt.reportInputMismatch(LobbyPin.class,
                            "a lobby PIN must be an array of at most 16 integers 0-9");
                }
                digits.add(p.getIntValue());
            }
            try {
                return LobbyPin.ofDigits(digits.stream().mapToInt(Integer::intValue).toArray());
            } catch (IllegalArgumentException e) {
                // LobbyPin's own messages never repeat the digits
                return ctxt.reportInputMismatch(LobbyPin.class, e.getMessage());
            }
        }
    }
}
