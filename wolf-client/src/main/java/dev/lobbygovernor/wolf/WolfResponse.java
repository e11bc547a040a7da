package dev.lobbygovernor.wolf;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A complete reply from Wolf: status, headers (names lower-cased) and body.
 *
 * <p>The body is a window on the buffer it was read into, to spare a copy per call.
 */
public final class WolfResponse {

    private final int status;
    private final Map<String, String> headers;
    private final byte[] data;
    private final int offset;
    private final int length;

    /**
     * A reply whose body is {@code data[offset, offset + length)}; the array is not copied and
     * must not be changed afterwards.
     */
    public WolfResponse(int status, Map<String, String> headers, byte[] data, int offset,
            int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.data = data;
        this.offset = offset;
        this.length = length;
    }

    /** A reply with the whole array as its body. */
    public WolfResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, 0, body.length);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** A header's value by case-insensitive name, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** All headers, names lower-cased. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return length;
    }

    /** A copy of the body. */
    public byte[] body() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** The body as a stream, without copying. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(data, offset, length);
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(data, offset, length, StandardCharsets.UTF_8);
    }

    byte[] data() {
        return data;
    }

    int offset() {
        return offset;
    }

    /** Status and body length only: the body is not shown. */
    @Override
    public String toString() {
        return "WolfResponse[status=" + status + ", bodyLength=" + length + "]";
    }
}
