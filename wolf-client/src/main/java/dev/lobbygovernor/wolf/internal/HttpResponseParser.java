package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.WolfProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A strict parser of HTTP/1.0 replies as Wolf writes them: {@code HTTP/1.0 <code> OK}, headers,
 * an empty line, then a body that ends where the server closes the connection.
 *
 * <p>Strict because a lenient parser turns a broken proxy or a truncated reply into wrong data:
 * lines end in CRLF; header names are tokens; no folded lines; {@code Content-Length}, when
 * present, must match the body exactly (Wolf sends it and then closes, so a mismatch means a
 * truncated or padded reply); {@code Transfer-Encoding} is refused (we speak HTTP/1.0). Any
 * input yields a response or a {@link WolfProtocolException}, never another exception.
 */
public final class HttpResponseParser {

    /** The most bytes a status line plus headers may take. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;
    /** The most header lines accepted. */
    public static final int MAX_HEADERS = 100;

    private HttpResponseParser() {
    }

    /**
     * A parsed status line and headers, and where the body starts.
     *
     * @param status the HTTP status
     * @param headers the headers, names lower-cased
     * @param bodyOffset where the body starts in the bytes parsed
     */
    public record Head(int status, Map<String, String> headers, int bodyOffset) {

        /**
         * The declared Content-Length.
         *
         * @return the length, or -1 when absent
         */
        public long contentLength() {
            String v = headers.get("content-length");
            return v == null ? -1 : Long.parseLong(v);
        }
    }

    /**
     * Where a reply's head ends.
     *
     * @param data the bytes read so far
     * @param length how many of them there are
     * @return the offset just past the first {@code CRLF CRLF} in {@code data[0, length)}, or
     *     -1 if the head is not complete yet
     */
    public static int headEnd(byte[] data, int length) {
        for (int i = 3; i < length; i++) {
            if (data[i] == '\n' && data[i - 1] == '\r' && data[i - 2] == '\n'
                    && data[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Parses a complete reply: everything read until the server closed the connection.
     *
     * @param data the bytes read; not copied
     * @param length how many of them there are
     * @return the reply, its body a window on {@code data}
     * @throws WolfProtocolException if the bytes are not a well-formed HTTP/1.x reply
     */
    public static WolfResponse parse(byte[] data, int length) throws WolfProtocolException {
        Objects.checkFromIndexSize(0, length, data.length);
        Head head = parseHead(data, length);
        int bodyLength = length - head.bodyOffset();
        long declared = head.contentLength();
        if (declared >= 0 && declared != bodyLength) {
            throw error("body is " + bodyLength + " bytes but Content-Length says " + declared,
                    data, length);
        }
        return new WolfResponse(head.status(), head.headers(), data, head.bodyOffset(), bodyLength);
    }

    /**
     * Parses the status line and headers at the start of {@code data[0, length)}.
     *
     * @param data the bytes read so far
     * @param length how many of them there are
     * @return the status, the headers and where the body starts
     * @throws WolfProtocolException if they are incomplete or malformed
     */
    public static Head parseHead(byte[] data, int length) throws WolfProtocolException {
        int end = headEnd(data, Math.min(length, MAX_HEAD_BYTES));
        if (end < 0) {
            throw error(length >= MAX_HEAD_BYTES
                    ? "reply headers exceed " + MAX_HEAD_BYTES + " bytes"
                    : "reply ended before the end of its headers", data, length);
        }
        int lineEnd = lineEnd(data, 0, end);
        int status = parseStatusLine(data, lineEnd, length);
        Map<String, String> headers = new HashMap<>();
        int pos = lineEnd + 2;
        int count = 0;
        while (pos < end - 2) {
            int le = lineEnd(data, pos, end);
            if (++count > MAX_HEADERS) {
                throw error("more than " + MAX_HEADERS + " headers", data, length);
            }
            parseHeader(data, pos, le, headers, length);
            pos = le + 2;
        }
        if (headers.containsKey("transfer-encoding")) {
            throw error("Transfer-Encoding is not supported over HTTP/1.0", data, length);
        }
        return new Head(status, Map.copyOf(headers), end);
    }

    private static int lineEnd(byte[] data, int from, int end) {
        for (int i = from; i < end - 1; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return end - 2;
    }

    private static int parseStatusLine(byte[] data, int lineEnd, int length)
            throws WolfProtocolException {
        // "HTTP/1.x SP ddd" then, optionally, SP and a reason of printable characters
        if (lineEnd < 12 || !startsWith(data, "HTTP/1.") || (data[7] != '0' && data[7] != '1')
                || data[8] != ' ' || !digit(data[9]) || !digit(data[10]) || !digit(data[11])
                || (lineEnd > 12 && data[12] != ' ')) {
            throw error("malformed status line", data, length);
        }
        for (int i = 13; i < lineEnd; i++) {
            if (!fieldChar(data[i])) {
                throw error("control character in the status line", data, length);
            }
        }
        int status = (data[9] - '0') * 100 + (data[10] - '0') * 10 + (data[11] - '0');
        if (status < 200 || status > 599) {
            throw error("unexpected status " + status, data, length);
        }
        return status;
    }

    private static void parseHeader(byte[] data, int from, int lineEnd, Map<String, String> headers,
            int length) throws WolfProtocolException {
        int colon = -1;
        for (int i = from; i < lineEnd; i++) {
            if (data[i] == ':') {
                colon = i;
                break;
            }
            if (!tokenChar(data[i])) {
                throw error("malformed header name", data, length);
            }
        }
        if (colon <= from) {
            throw error("malformed header line", data, length);
        }
        int vs = colon + 1;
        int ve = lineEnd;
        while (vs < ve && (data[vs] == ' ' || data[vs] == '\t')) {
            vs++;
        }
        while (ve > vs && (data[ve - 1] == ' ' || data[ve - 1] == '\t')) {
            ve--;
        }
        for (int i = vs; i < ve; i++) {
            if (!fieldChar(data[i])) {
                throw error("control character in a header value", data, length);
            }
        }
        String name = new String(data, from, colon - from, StandardCharsets.US_ASCII)
                .toLowerCase(Locale.ROOT);
        String value = new String(data, vs, ve - vs, StandardCharsets.ISO_8859_1);
        if (name.equals("content-length")) {
            checkContentLength(value, headers.get(name), data, length);
        }
        headers.putIfAbsent(name, value);
    }

    private static void checkContentLength(String value, String previous, byte[] data, int length)
            throws WolfProtocolException {
        if (value.isEmpty() || value.length() > 18
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error("malformed Content-Length", data, length);
        }
        if (previous != null && Long.parseLong(previous) != Long.parseLong(value)) {
            throw error("conflicting Content-Length headers", data, length);
        }
    }

    private static boolean startsWith(byte[] data, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Visible ASCII, space, tab and obs-text (bytes >= 0x80). */
    private static boolean fieldChar(byte b) {
        int c = b & 0xff;
        return c == '\t' || (c >= ' ' && c != 0x7f);
    }

    /** RFC 9110 tchar. */
    private static boolean tokenChar(byte b) {
        if (b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') {
            return true;
        }
        return b > 0 && "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    private static WolfProtocolException error(String what, byte[] data, int length) {
        return new WolfProtocolException("Malformed reply from Wolf: " + what,
                Excerpts.of(data, 0, Math.max(0, Math.min(length, data.length))), null);
    }
}
