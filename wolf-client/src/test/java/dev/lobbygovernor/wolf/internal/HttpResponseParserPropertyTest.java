package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.lobbygovernor.wolf.WolfProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Acceptance 2: given any bytes, the parser returns a response or throws
 * {@link WolfProtocolException} — never another exception, never a hang.
 */
class HttpResponseParserPropertyTest {

    private static final Duration NO_HANG = Duration.ofSeconds(30);
    private static final byte[] VALID = ("HTTP/1.0 500 OK\r\nContent-Length: 40\r\n\r\n"
            + "{\"success\":false,\"error\":\"Invalid PIN\"}").getBytes(StandardCharsets.US_ASCII);

    private static final Gen<byte[]> ANY_BYTES = Generate.byteArrays(Generate.range(0, 700),
            Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));

    /** Bytes drawn mostly from the characters HTTP uses, so parsing gets past the first check. */
    private static final Gen<byte[]> HTTP_ISH = Generate.byteArrays(Generate.range(0, 400),
            Generate.pick(java.util.List.of((byte) 'H', (byte) 'T', (byte) 'P', (byte) '/',
                    (byte) '1', (byte) '.', (byte) '0', (byte) ' ', (byte) '\r', (byte) '\n',
                    (byte) ':', (byte) '2', (byte) '5', (byte) 'C', (byte) '-', (byte) 'a',
                    (byte) '9', (byte) '\t', (byte) 0x7f, (byte) 0x80)));

    @Test
    void arbitraryBytesGiveAResponseOrAProtocolError() {
        assertTimeoutPreemptively(NO_HANG, () -> qt().withExamples(3000)
                .forAll(ANY_BYTES).checkAssert(HttpResponseParserPropertyTest::parsesOrRefuses));
    }

    @Test
    void httpLikeNoiseGivesAResponseOrAProtocolError() {
        assertTimeoutPreemptively(NO_HANG, () -> qt().withExamples(3000)
                .forAll(HTTP_ISH).checkAssert(b -> parsesOrRefuses(prefixed(b))));
    }

    @Test
    void mutatedAndTruncatedWolfRepliesGiveAResponseOrAProtocolError() {
        Gen<Integer> position = Generate.range(0, VALID.length - 1);
        Gen<Byte> value = Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
        assertTimeoutPreemptively(NO_HANG, () -> qt().withExamples(3000)
                .forAll(position, value, Generate.range(0, VALID.length))
                .checkAssert((pos, val, cut) -> {
                    byte[] mutated = VALID.clone();
                    mutated[pos] = val;
                    parsesOrRefuses(java.util.Arrays.copyOf(mutated, cut));
                }));
    }

    @Test
    void wellFormedRepliesRoundTripStatusAndBody() {
        Gen<Integer> status = Generate.range(200, 599);
        Gen<byte[]> body = Generate.byteArrays(Generate.range(0, 300),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        qt().withExamples(1000).forAll(status, body, Generate.booleans())
                .checkAssert((code, bytes, withLength) -> {
                    String head = "HTTP/1.0 " + code + " OK\r\n"
                            + (withLength ? "Content-Length: " + bytes.length + "\r\n" : "")
                            + "\r\n";
                    byte[] reply = concat(head.getBytes(StandardCharsets.US_ASCII), bytes);
                    WolfResponse resp = parse(reply);
                    assertThat(resp.status()).isEqualTo(code);
                    assertThat(resp.body()).isEqualTo(bytes);
                });
    }

    private static void parsesOrRefuses(byte[] data) {
        try {
            WolfResponse resp = HttpResponseParser.parse(data, data.length);
            assertThat(resp.status()).isBetween(200, 599);
            assertThat(resp.bodyLength()).isBetween(0, data.length);
        } catch (WolfProtocolException expected) {
            assertThat(expected.getMessage()).startsWith("Malformed reply from Wolf");
        }
        try {
            HttpResponseParser.parseHead(data, data.length);
        } catch (WolfProtocolException expected) {
            // a refusal is an allowed outcome
        }
    }

    private static WolfResponse parse(byte[] data) {
        try {
            return HttpResponseParser.parse(data, data.length);
        } catch (WolfProtocolException e) {
            throw new AssertionError("a well-formed reply was refused: " + e.getMessage(), e);
        }
    }

    private static byte[] prefixed(byte[] tail) {
        return concat("HTTP/1.0 2".getBytes(StandardCharsets.US_ASCII), tail);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
