package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.wolf.WolfProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each limit of the HTTP/1.0 reply parser, pinned on both sides of its edge. */
class HttpResponseParserBoundaryTest {

    private static WolfResponse parse(String reply) throws WolfProtocolException {
        byte[] b = reply.getBytes(StandardCharsets.ISO_8859_1);
        return HttpResponseParser.parse(b, b.length);
    }

    private static void refused(String reply, String why) {
        assertThatThrownBy(() -> parse(reply)).isInstanceOf(WolfProtocolException.class).hasMessageContaining(why);
    }

    @Test
    void aContentLengthOfEighteenDigitsIsReadAndOfNineteenIsMalformed() throws Exception {
        byte[] head = "HTTP/1.0 200 OK\r\nContent-Length: 100000000000000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(HttpResponseParser.parseHead(head, head.length).contentLength()).isEqualTo(100_000_000_000_000_000L);
        refused("HTTP/1.0 200 OK\r\nContent-Length: 1000000000000000000\r\n\r\n", "malformed Content-Length");
    }

    @Test
    void aContentLengthOfZeroRefusesABodyOfOneByte() throws Exception {
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").bodyLength()).isZero();
        refused("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\nx", "body is 1 bytes but Content-Length says 0");
    }

    @Test
    void aStatusCodeIsThreeDecimalDigitsEvenWhereAnotherCharacterWouldAddUpToOne() {
        // ':' is the character after '9': read as a digit, "1:0" would make 200
        refused("HTTP/1.0 1:0 OK\r\n\r\n", "malformed status line");
        refused("HTTP/1.0 20/ OK\r\n\r\n", "malformed status line");
    }

    @Test
    void aHeadThatFillsTheLimitWithoutEndingSaysItIsTooLongAndOneByteLessSaysItEndedEarly() {
        String filler = "HTTP/1.0 200 OK\r\nX: ";
        String full = filler + "a".repeat(HttpResponseParser.MAX_HEAD_BYTES - filler.length());
        refused(full, "reply headers exceed " + HttpResponseParser.MAX_HEAD_BYTES + " bytes");
        refused(full.substring(1), "reply ended before the end of its headers");
    }

    @Test
    void aHundredHeadersAreReadAndAHundredAndOneAreRefused() throws Exception {
        assertThat(parse("HTTP/1.0 200 OK\r\n" + "A: b\r\n".repeat(100) + "\r\n").header("a")).isEqualTo("b");
        refused("HTTP/1.0 200 OK\r\n" + "A: b\r\n".repeat(101) + "\r\n", "more than 100 headers");
    }

    @Test
    void aHeaderNeedsANameBeforeItsColon() {
        refused("HTTP/1.0 200 OK\r\n: b\r\n\r\n", "malformed header line");
        refused("HTTP/1.0 200 OK\r\nnocolon\r\n\r\n", "malformed header line");
    }

    @Test
    void aHeaderValueOfOnlySpacesIsEmpty() throws Exception {
        assertThat(parse("HTTP/1.0 200 OK\r\nX-Empty:   \t \r\n\r\n").header("x-empty")).isEmpty();
        assertThat(parse("HTTP/1.0 200 OK\r\nX-Empty:\r\n\r\n").header("x-empty")).isEmpty();
    }

    @Test
    void aHeaderNameMayHoldEveryLetterDigitAndTokenSymbol() throws Exception {
        WolfResponse resp = parse("HTTP/1.0 200 OK\r\naAzZ09: 1\r\n!#$%&'*+-.^_`|~: 2\r\n\r\n");
        assertThat(resp.header("aazz09")).isEqualTo("1");
        assertThat(resp.header("!#$%&'*+-.^_`|~")).isEqualTo("2");
        for (String name : new String[] {"a/", "a@", "a[", "a{", "a\"", "a b"}) {
            refused("HTTP/1.0 200 OK\r\n" + name + ": 1\r\n\r\n", "malformed header name");
        }
    }

    @Test
    void theBodyIsAWindowOnTheBytesReadStartingAfterTheHead() throws Exception {
        String head = "HTTP/1.0 200 OK\r\n\r\n";
        WolfResponse resp = parse(head + "{}");
        assertThat(resp.offset()).isEqualTo(head.length());
        assertThat(resp.headers()).isEmpty();
        assertThat(resp.toString()).isEqualTo("WolfResponse[status=200, bodyLength=2]");
        assertThat(parse("HTTP/1.0 200 OK\r\nX-A: 1\r\nContent-Length: 0\r\n\r\n").headers())
                .isEqualTo(java.util.Map.of("x-a", "1", "content-length", "0"));
    }
}
