package dev.lobbygovernor.wolf.internal;

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
     *
     * @param status the HTTP status
     * @param headers the headers, names lower-cased
     * @param data the buffer holding the body
     * @param offset where the body starts in {@code data}
     * @param length the body's length
     * @throws IndexOutOfBoundsException if the body is not inside {@code data}
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

    /**
     * A reply with the whole array as its body.
     *
     * @param status the HTTP status
     * @param headers the headers, names lower-cased
     * @param body the body; not copied
     */
    public WolfResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, 0, body.length);
    }

    /**
     * The HTTP status code.
     *
     * @return such as 200
     */
    public int status() {
        return status;
    }

    /**
     * A header's value.
     *
     * @param name the header's name, in any case
     * @return its value, or {@code null} when absent
     */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * All headers.
     *
     * @return an unmodifiable map, names lower-cased
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The body's length.
     *
     * @return its length in bytes
     */
    public int bodyLength() {
        return length;
    }

    /**
     * A copy of the body.
     *
     * @return a new array
     */
    public byte[] body() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /**
     * The body as a stream, without copying.
     *
     * @return a stream over the body
     */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(data, offset, length);
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body's text
     */
    public String bodyText() {
        return new String(data, offset, length, StandardCharsets.UTF_8);
    }

    /**
     * The buffer the body was read into, for decoding without a copy; not to be changed.
     *
     * @return the buffer; the body is at {@link #offset()}, {@link #bodyLength()} bytes long
     */
    public byte[] data() {
        return data;
    }

    /**
     * Where the body starts in {@link #data()}.
     *
     * @return the offset
     */
    public int offset() {
        return offset;
    }

    /**
     * Status and body length only: the body may carry what Wolf echoed, a PIN included.
     *
     * @return such as {@code WolfResponse[status=200, bodyLength=42]}
     */
    @Override
    public String toString() {
        return "WolfResponse[status=" + status + ", bodyLength=" + length + "]";
    }
}
