package dev.lobbygovernor.wolf.sim.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A reply in Wolf's own format.
 *
 * <p>Wolf's hand-written server answers {@code HTTP/1.0 {code} OK} whatever the code, sends
 * {@code Content-Length} and no {@code Content-Type} on JSON, and closes the connection after
 * the reply; {@link #writeTo} reproduces exactly that.
 *
 * @param status the status code
 * @param body the body (JSON or empty)
 */
record HttpResponse(int status, String body) implements Reply {

    /** Requires a body (possibly empty). */
    public HttpResponse {
        Objects.requireNonNull(body, "body");
    }

    /** A reply with an empty body, as Wolf sends for an unknown route. */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, "");
    }

    /** A 200 reply with a JSON body. */
    public static HttpResponse ok(String json) {
        return new HttpResponse(200, json);
    }

    /** Writes status line, {@code Content-Length}, blank line and body. */
    public void writeTo(OutputStream out) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.0 " + status + " OK\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }
}
