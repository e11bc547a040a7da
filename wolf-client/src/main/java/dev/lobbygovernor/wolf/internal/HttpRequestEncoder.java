package dev.lobbygovernor.wolf.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes a {@link WolfRequest} as the HTTP/1.0 bytes Wolf's minimal server expects. */
public final class HttpRequestEncoder {

    private HttpRequestEncoder() {
    }

    /**
     * The request head: request line, {@code Host: localhost} (Wolf's clients use that host),
     * and for a body {@code Content-Type} and {@code Content-Length} — Wolf reads a body only
     * when {@code Content-Length} is present, and rejects chunked encoding.
     *
     * @param request the request
     * @param accept the {@code Accept} header's value, or {@code null} for none
     * @return the head's bytes, ready to write
     */
    public static ByteBuffer head(WolfRequest request, String accept) {
        StringBuilder sb = new StringBuilder(128)
                .append(request.method()).append(' ').append(request.path())
                .append(" HTTP/1.0\r\nHost: localhost\r\n");
        if (accept != null) {
            sb.append("Accept: ").append(accept).append("\r\n");
        }
        if (request.body() != null) {
            sb.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(request.body().length).append("\r\n");
        }
        sb.append("\r\n");
        return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The head and body as one array, for a caller that wants the exact bytes.
     *
     * @param request the request
     * @return the request's bytes, as written to Wolf
     */
    public static byte[] encode(WolfRequest request) {
        ByteBuffer head = head(request, null);
        byte[] body = request.body() == null ? new byte[0] : request.body();
        byte[] all = new byte[head.remaining() + body.length];
        head.get(all, 0, head.remaining());
        System.arraycopy(body, 0, all, all.length - body.length, body.length);
        return all;
    }
}
