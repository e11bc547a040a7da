package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.testing.SeededFuzz;
import dev.lobbygovernor.wolf.WolfProtocolException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Server-Sent-Events reader over 100,000 seeded streams (Wolf's event streams mutated, and
 * noise in SSE's alphabet), each read to its end: frames, or a {@link WolfProtocolException}
 * for a frame over the limit, nothing else; and its time grows linearly with the stream.
 */
@Timeout(60)
class SseReaderFuzzTest {

    private static final byte[] VALID = (":keepalive\n\nevent: wolf::core::events::StopLobbyEvent\n"
            + "data: {\"lobby_id\":\"L1\"}\n\nevent: DockerPullImageEndEvent\r\ndata: {\"image_name\":\"i\",\r\n"
            + "data: \"success\":true}\r\n\r\nid: 7\nretry: 10\ndata\n\n").getBytes(StandardCharsets.UTF_8);
    private static final String[] DICTIONARY = {"\n", "\r", "\r\n", "\n\n", ":", "data:", "event:", "data: ",
        ": keepalive\n\n", "\u00e9", "\ud83d\ude00", "\u0000"};

    private static byte[] input(SplittableRandom r) {
        return r.nextInt(4) == 0 ? SeededFuzz.noise(r, 400, "event:data \n\r{}\"x")
                : SeededFuzz.mutate(r, VALID, DICTIONARY);
    }

    /** Reads every frame with a small frame limit, so the limit is reached too. */
    private static void readAll(byte[] b, int maxFrame) throws IOException {
        SseReader reader = new SseReader(new ByteArrayInputStream(b), maxFrame);
        try {
            while (reader.next() != null) {
                // every frame is read; what it holds is the decoder's concern
            }
        } catch (WolfProtocolException tooLarge) {
            // the one failure the reader may report
        }
    }

    @Test
    void aHundredThousandMutatedStreamsGiveFramesOrAProtocolError() {
        SeededFuzz.run("SSE reader", 100_000, SseReaderFuzzTest::input, b -> readAll(b, 64));
    }

    @Test
    void readingTimeIsLinearInTheStreamSize() {
        int limit = 16 * 1024 * 1024;
        SeededFuzz.assertLinear(n -> "data: x\n".repeat(n / 8).getBytes(StandardCharsets.US_ASCII),
                b -> readAll(b, limit), 64 * 1024);
        SeededFuzz.assertLinear(n -> "\n".repeat(n).getBytes(StandardCharsets.US_ASCII),
                b -> readAll(b, limit), 64 * 1024);
        SeededFuzz.assertLinear(n -> ("data: " + "y".repeat(n)).getBytes(StandardCharsets.US_ASCII),
                b -> readAll(b, limit), 64 * 1024);
    }
}
