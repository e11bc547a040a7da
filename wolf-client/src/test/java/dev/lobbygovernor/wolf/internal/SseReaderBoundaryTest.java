package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.wolf.WolfProtocolException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SSE reader's size limits, pinned on both sides of their edges. */
class SseReaderBoundaryTest {

    private static SseReader reader(String text, int max) {
        return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void aLineOfExactlyTheLimitIsReadAndOneByteLongerIsRefused() throws Exception {
        String line = "data:" + "x".repeat(15);
        assertThat(reader(line + "\n\n", 20).next()).isEqualTo(new SseReader.Event("message", "x".repeat(15)));
        assertThatThrownBy(() -> reader(line + "y\n\n", 20).next()).isInstanceOf(WolfProtocolException.class)
                .hasMessageContaining("Event line from Wolf exceeds 20 bytes");
    }

    @Test
    void aFrameOfExactlyTheLimitIsReadAndOneByteLongerIsRefused() throws Exception {
        String frame = "event:e\ndata:" + "x".repeat(8) + "\n\n"; // 7 + 13 = 20 bytes of lines
        assertThat(reader(frame, 20).next()).isEqualTo(new SseReader.Event("e", "x".repeat(8)));
        assertThatThrownBy(() -> reader(frame.replace("x\n", "xx\n"), 20).next())
                .isInstanceOf(WolfProtocolException.class).hasMessageContaining("Event from Wolf exceeds 20 bytes");
    }
}
