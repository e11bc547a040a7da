package dev.lobbygovernor.wolf.sim.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one request the way Wolf's HTTP/1.0 server does: headers up to the first blank line,
 * then a body only when {@code Content-Length} says so. Chunked bodies are refused, because
 * Wolf refuses them.
 */
final class RequestReader {

    /** Wolf's refusal text for {@code Transfer-Encoding: chunked}, verbatim. */
    public static final String CHUNKED_REFUSAL = "Chunked encoding not supported, use HTTP/1.0 instead";

    private final int maxHeaderBytes;
    private final int maxBodyBytes;

    /** A reader with the given limits; bigger headers or bodies are answered 413. */
    public RequestReader(int maxHeaderBytes, int maxBodyBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads one request.
     *
     * @return the request, or {@code null} when the peer closed before sending a byte
     * @throws HttpError when the request is refused before routing
     * @throws IOException when the connection fails, or ends inside a request
     */
    public HttpRequest read(InputStream in) throws IOException, HttpError {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")
                || !requestLine[1].startsWith("/")) {
            throw new HttpError(HttpResponse.empty(400), "malformed request line");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new HttpError(HttpResponse.empty(400), "malformed header line");
            }
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            throw new HttpError(new HttpResponse(500, Bodies.error(CHUNKED_REFUSAL)), "chunked request");
        }
        String body = readBody(in, headers.get("content-length"));
        String target = requestLine[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        return new HttpRequest(requestLine[0], path, query, headers, body);
    }

    private String readHead(InputStream in) throws IOException, HttpError {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside the request headers");
            }
            head.write(b);
            if (head.size() > maxHeaderBytes) {
                throw new HttpError(HttpResponse.empty(413), "headers too large");
            }
            // \r\n\r\n: positions 0 and 2 want '\r', 1 and 3 want '\n'
            matched = b == ((matched % 2 == 0) ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        byte[] bytes = head.toByteArray();
        return new String(bytes, 0, bytes.length - 4, StandardCharsets.ISO_8859_1);
    }

    private String readBody(InputStream in, String contentLength) throws IOException, HttpError {
        if (contentLength == null) {
            return "";
        }
        long length;
        try {
            length = Long.parseLong(contentLength);
        } catch (NumberFormatException e) {
            throw new HttpError(HttpResponse.empty(400), "malformed Content-Length");
        }
        if (length < 0) {
            throw new HttpError(HttpResponse.empty(400), "negative Content-Length");
        }
        if (length > maxBodyBytes) {
            throw new HttpError(HttpResponse.empty(413), "body too large");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new IOException("connection closed inside the request body");
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
