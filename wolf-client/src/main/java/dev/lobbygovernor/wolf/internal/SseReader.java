package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.WolfProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads Server-Sent-Events frames from a byte stream: lines end in LF, CR or CRLF; {@code event:}
 * names the type, {@code data:} lines are joined with LF, a blank line ends the frame, and a
 * line starting with {@code :} is a comment (Wolf's {@code :keepalive}). Frames and lines are
 * bounded, so a broken server cannot exhaust memory.
 */
public final class SseReader {

    /** What the stream yielded. */
    public sealed interface Frame {
    }

    /**
     * A complete event.
     *
     * @param type the {@code event:} value, {@code "message"} when absent
     * @param data the joined {@code data:} lines
     */
    public record Event(String type, String data) implements Frame {
    }

    /**
     * A comment line, such as a keep-alive.
     *
     * @param text the text after the colon
     */
    public record Comment(String text) implements Frame {
    }

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    private boolean skipLf;

    /**
     * A reader of {@code in} that refuses frames over {@code maxFrameBytes}.
     *
     * @param in the event stream's body
     * @param maxFrameBytes the largest frame, and line, accepted
     */
    public SseReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next frame, or {@code null} at end of stream (a partial frame is dropped, as the
     * SSE rules say).
     *
     * @return an {@link Event} or a {@link Comment}; {@code null} at end of stream
     * @throws IOException if reading fails or times out
     * @throws WolfProtocolException if a line or frame is over the limit
     */
    public Frame next() throws IOException, WolfProtocolException {
        String type = null;
        StringBuilder data = null;
        int frameBytes = 0;
        while (true) {
            String line = readLine();
            if (line == null) {
                return null;
            }
            frameBytes += line.length();
            if (frameBytes > maxFrameBytes) {
                throw new WolfProtocolException("Event from Wolf exceeds " + maxFrameBytes
                        + " bytes", Excerpts.of(line), null);
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(type == null ? "message" : type, data.toString());
                }
                type = null;
                frameBytes = 0;
                continue;
            }
            if (line.charAt(0) == ':') {
                if (data == null && type == null) {
                    return new Comment(line.substring(1).strip());
                }
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                type = value;
            } else if (field.equals("data")) {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            // "id" and "retry" are not used: reconnection follows the subscription's backoff
        }
    }

    private String readLine() throws IOException, WolfProtocolException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit < 0) {
                    limit = 0;
                    return null;
                }
            }
            byte b = buf[pos++];
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n' || b == '\r') {
                skipLf = b == '\r';
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= maxFrameBytes) {
                throw new WolfProtocolException("Event line from Wolf exceeds " + maxFrameBytes
                        + " bytes", Excerpts.of(line.toByteArray()), null);
            }
            line.write(b);
        }
    }
}
