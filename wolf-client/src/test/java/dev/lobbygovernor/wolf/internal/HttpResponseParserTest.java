package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.wolf.WolfProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The strict HTTP/1.0 reply parser, case by case. */
class HttpResponseParserTest {

    private static WolfResponse parse(String reply) throws WolfProtocolException {
        byte[] b = reply.getBytes(StandardCharsets.ISO_8859_1);
        return HttpResponseParser.parse(b, b.length);
    }

    private static void refused(String reply, String why) {
        assertThatThrownBy(() -> parse(reply)).isInstanceOf(WolfProtocolException.class)
                .hasMessageContaining(why);
    }

    @Test
    void acceptsWolfs404WithEmptyBody() throws Exception {
        WolfResponse resp = parse("HTTP/1.0 404 OK\r\nContent-Length: 0\r\n\r\n");

        assertThat(resp.status()).isEqualTo(404);
        assertThat(resp.bodyLength()).isZero();
    }

    @Test
    void acceptsStatusLineWithoutReasonAndHeadersWithSpacesAroundValues() throws Exception {
        WolfResponse resp = parse("HTTP/1.1 200\r\nX-A:  b c \t\r\ncontent-LENGTH: 2\r\n\r\n{}");

        assertThat(resp.header("x-a")).isEqualTo("b c");
        assertThat(resp.bodyText()).isEqualTo("{}");
    }

    @Test
    void refusesMalformedStatusLines() {
        refused("HTTP/2.0 200 OK\r\n\r\n", "status line");
        refused("HTTP/1.0 20 OK\r\n\r\n", "status line");
        refused("HTTP/1.0  200 OK\r\n\r\n", "status line");
        refused("http/1.0 200 OK\r\n\r\n", "status line");
        refused("HTTP/1.0 200OK\r\n\r\n", "status line");
        refused("HTTP/1.0 200 O\u0001K\r\n\r\n", "control character");
    }

    @Test
    void refusesInformationalAndOutOfRangeStatuses() {
        refused("HTTP/1.0 100 Continue\r\n\r\n", "unexpected status 100");
        refused("HTTP/1.0 999 OK\r\n\r\n", "unexpected status 999");
    }

    @Test
    void refusesBareLineFeedsFoldedLinesAndBadHeaderNames() {
        refused("HTTP/1.0 200 OK\nContent-Length: 0\n\n", "ended before the end of its headers");
        refused("HTTP/1.0 200 OK\r\nA: b\r\n c\r\n\r\n", "header name");
        refused("HTTP/1.0 200 OK\r\nBad Name: x\r\n\r\n", "header name");
        refused("HTTP/1.0 200 OK\r\n: x\r\n\r\n", "header line");
        refused("HTTP/1.0 200 OK\r\nA: b\nC: d\r\n\r\n", "control character");
    }

    @Test
    void refusesMalformedOrConflictingContentLength() {
        refused("HTTP/1.0 200 OK\r\nContent-Length: -1\r\n\r\n", "malformed Content-Length");
        refused("HTTP/1.0 200 OK\r\nContent-Length: 1e3\r\n\r\n", "malformed Content-Length");
        refused("HTTP/1.0 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
                "malformed Content-Length");
        refused("HTTP/1.0 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                "conflicting Content-Length");
    }

    @Test
    void refusesChunkedReplies() {
        refused("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                "Transfer-Encoding");
    }

    @Test
    void refusesOversizedHeaders() {
        String big = "HTTP/1.0 200 OK\r\nX: " + "a".repeat(HttpResponseParser.MAX_HEAD_BYTES)
                + "\r\n\r\n";
        refused(big, "headers exceed");
        StringBuilder many = new StringBuilder("HTTP/1.0 200 OK\r\n");
        for (int i = 0; i <= HttpResponseParser.MAX_HEADERS; i++) {
            many.append("X").append(i).append(": y\r\n");
        }
        refused(many.append("\r\n").toString(), "more than");
    }

    @Test
    void excerptInTheErrorIsTruncatedAndPrintable() {
        String reply = "HTTP/1.0 OK\r\n\r\n" + "z".repeat(2000);

        assertThatThrownBy(() -> parse(reply))
                .isInstanceOfSatisfying(WolfProtocolException.class, e -> {
                    assertThat(e.excerpt()).startsWith("HTTP/1.0 OK\\r\\n\\r\\nzzz")
                            .endsWith("(2015 bytes)");
                    assertThat(e.excerpt().length()).isLessThan(Excerpts.MAX_CHARS + 20);
                });
    }
}
