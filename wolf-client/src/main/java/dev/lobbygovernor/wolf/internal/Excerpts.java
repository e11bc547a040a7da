package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.model.WolfJson;

/** Short, printable, PIN-redacted excerpts of received bytes, for exception messages. */
public final class Excerpts {

    /** Excerpts longer than this are cut, with the total length noted. */
    public static final int MAX_CHARS = 160;

    private Excerpts() {
    }

    /**
     * An excerpt of {@code data[offset, offset + length)}.
     *
     * @param data the bytes
     * @param offset where the excerpt starts
     * @param length how many bytes there are from there
     * @return printable text, control bytes escaped, PIN arrays redacted, cut at
     *     {@link #MAX_CHARS} with the total length noted
     */
    public static String of(byte[] data, int offset, int length) {
        int take = Math.min(length, MAX_CHARS * 2);
        StringBuilder sb = new StringBuilder(take);
        for (int i = 0; i < take; i++) {
            int b = data[offset + i] & 0xff;
            // control bytes are shown as escapes so an excerpt cannot forge a log line
            if (b == '\r') {
                sb.append("\\r");
            } else if (b == '\n') {
                sb.append("\\n");
            } else if (b < 0x20 || b >= 0x7f) {
                sb.append('.');
            } else {
                sb.append((char) b);
            }
        }
        return cut(WolfJson.redactPins(sb.toString()), length);
    }

    /**
     * An excerpt of a whole array.
     *
     * @param data the bytes
     * @return printable, PIN-redacted text, as {@link #of(byte[], int, int)}
     */
    public static String of(byte[] data) {
        return of(data, 0, data.length);
    }

    /**
     * An excerpt of text already decoded.
     *
     * @param text the text
     * @return printable, PIN-redacted text, as {@link #of(byte[], int, int)}
     */
    public static String of(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return of(bytes, 0, bytes.length);
    }

    private static String cut(String redacted, int totalBytes) {
        if (redacted.length() <= MAX_CHARS) {
            return redacted;
        }
        // redacted again: the cut may leave the start of a PIN value at the end
        return WolfJson.redactPins(redacted.substring(0, MAX_CHARS)) + "… (" + totalBytes
                + " bytes)";
    }
}
