package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.testing.SeededFuzz;
import dev.lobbygovernor.wolf.WolfProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP/1.0 reply parser over 100,000 seeded inputs (Wolf's replies mutated, and noise in
 * HTTP's alphabet): each gives a response or a {@link WolfProtocolException}, nothing else; and
 * its time grows linearly with the input.
 */
@Timeout(60)
class HttpResponseParserFuzzTest {

    private static final List<byte[]> VALID = List.of(
            bytes("HTTP/1.0 500 OK\r\nContent-Length: 40\r\n\r\n{\"success\":false,\"error\":\"Invalid PIN\"}"),
            bytes("HTTP/1.0 200 OK\r\n\r\n{\"success\":true,\"lobbies\":[]}"),
            bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n"
                    + "Connection: close\r\n\r\n{\"success\":true}"),
            bytes("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
    private static final String[] DICTIONARY = {"\r\n", "\r\n\r\n", "Content-Length: ", "-1", "99999999999999999999",
        "Transfer-Encoding: chunked\r\n", " ", ":", "HTTP/1.0 ", "\n", "\u0000", "\u00ff", "0x10"};

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] input(SplittableRandom r) {
        return r.nextInt(4) == 0 ? SeededFuzz.noise(r, 300, "HTP/1.0 2345\r\n:Content-Lgh-ak{}\"")
                : SeededFuzz.mutate(r, VALID.get(r.nextInt(VALID.size())), DICTIONARY);
    }

    private static void parse(byte[] b) {
        try {
            HttpResponseParser.parse(b, b.length);
        } catch (WolfProtocolException refused) {
            // the one failure the parser may report
        }
    }

    @Test
    void aHundredThousandMutatedRepliesGiveAResponseOrAProtocolError() {
        SeededFuzz.run("HTTP reply parser", 100_000, HttpResponseParserFuzzTest::input,
                HttpResponseParserFuzzTest::parse);
    }

    @Test
    void parsingTimeIsLinearInTheReplySize() {
        SeededFuzz.assertLinear(n -> bytes("HTTP/1.0 200 OK\r\nContent-Length: " + n + "\r\n\r\n" + "x".repeat(n)),
                HttpResponseParserFuzzTest::parse, 64 * 1024);
        SeededFuzz.assertLinear(n -> bytes("\r".repeat(n)), HttpResponseParserFuzzTest::parse, 64 * 1024);
        SeededFuzz.assertLinear(n -> bytes("HTTP/1.0 200 OK\r\n" + "X: y\r\n".repeat(n / 6)),
                HttpResponseParserFuzzTest::parse, 64 * 1024);
    }
}
