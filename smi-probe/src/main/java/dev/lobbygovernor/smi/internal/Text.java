package dev.lobbygovernor.smi.internal;

/**
 * Makes untrusted tool output safe to put in a message: bounded in length and free of control
 * characters, so a megabyte of binary garbage cannot flood a log line or an exception.
 */
public final class Text {

    /** Longest quotation of an offending line, in characters. */
    public static final int QUOTE_LIMIT = 160;

    /** Longest raw text kept in a {@code ProbeException}, in characters. */
    public static final int RAW_LIMIT = 8 * 1024;

    private Text() {
    }

    /**
     * A line made safe to quote in a message.
     *
     * @param line the line
     * @return the line in single quotes, control characters shown as {@code ?}, cut to
     *     {@link #QUOTE_LIMIT}
     */
    public static String quote(String line) {
        return "'" + sanitize(cut(line, QUOTE_LIMIT)) + "'";
    }

    /**
     * The text cut to {@link #RAW_LIMIT}, for {@code ProbeException.rawMessage()}.
     *
     * @param text the text
     * @return the text, cut if longer than the limit
     */
    public static String raw(String text) {
        return cut(text, RAW_LIMIT);
    }

    /**
     * The first non-blank line of the text.
     *
     * @param text the text
     * @return the line, trimmed; empty if there is none
     */
    public static String firstLine(String text) {
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                return line;
            }
            start = end + 1;
        }
        return "";
    }

    private static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        return text.substring(0, limit) + "… (" + (text.length() - limit) + " more characters)";
    }

    private static String sanitize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\uFFFD' ? '?' : c);
        }
        return sb.toString();
    }
}
