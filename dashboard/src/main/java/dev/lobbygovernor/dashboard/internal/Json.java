package dev.lobbygovernor.dashboard.internal;

/**
 * Writes JSON by hand: the dashboard ships without a JSON library so that hosts keep whichever
 * Jackson they have. Callers open and close objects and arrays; commas are placed here.
 */
final class Json {

    private final StringBuilder out = new StringBuilder(1024);
    private boolean needsComma;

    Json beginObject() {
        comma();
        out.append('{');
        needsComma = false;
        return this;
    }

    Json endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    Json beginArray(String name) {
        name(name);
        out.append('[');
        needsComma = false;
        return this;
    }

    Json endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    Json beginObject(String name) {
        name(name);
        out.append('{');
        needsComma = false;
        return this;
    }

    Json field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    Json field(String name, Number value) {
        name(name);
        if (value == null || (value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            out.append("null");
        } else {
            out.append(value);
        }
        needsComma = true;
        return this;
    }

    Json field(String name, boolean value) {
        name(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    Json value(String value) {
        comma();
        string(value);
        needsComma = true;
        return this;
    }

    private void name(String name) {
        comma();
        string(name);
        out.append(':');
        needsComma = false;
    }

    private void comma() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // '<' too, so the JSON stays inert if someone inlines it into a page
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
