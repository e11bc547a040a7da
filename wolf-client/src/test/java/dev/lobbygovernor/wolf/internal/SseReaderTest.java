package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.wolf.WolfProtocolException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading SSE frames as Wolf writes them. */
class SseReaderTest {

    private static SseReader reader(String text, int max) {
        return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void readsWolfsFramesAndKeepAlives() throws Exception {
        SseReader r = reader(":keepalive\n\nevent: wolf::core::events::StopLobbyEvent\n"
                + "data: {\"lobby_id\":\"L1\"}\n\n", 1024);

        assertThat(r.next()).isEqualTo(new SseReader.Comment("keepalive"));
        assertThat(r.next()).isEqualTo(new SseReader.Event("wolf::core::events::StopLobbyEvent",
                "{\"lobby_id\":\"L1\"}"));
        assertThat(r.next()).isNull();
    }

    @Test
    void joinsDataLinesAndAcceptsCrlfAndCrLineEnds() throws Exception {
        SseReader r = reader("event: x\r\ndata: a\r\ndata:b\r\r\nevent: y\rdata: c\r\r", 1024);

        assertThat(r.next()).isEqualTo(new SseReader.Event("x", "a\nb"));
        assertThat(r.next()).isEqualTo(new SseReader.Event("y", "c"));
    }

    @Test
    void frameWithoutDataIsNotAnEventAndTypeDefaultsToMessage() throws Exception {
        SseReader r = reader("event: lonely\n\ndata: d\n\n", 1024);

        assertThat(r.next()).isEqualTo(new SseReader.Event("message", "d"));
    }

    @Test
    void partialFrameAtEndOfStreamIsDropped() throws Exception {
        assertThat(reader("event: x\ndata: half", 1024).next()).isNull();
    }

    @Test
    void commentInsideAFrameIsSkipped() throws Exception {
        SseReader r = reader("event: x\n:ka\ndata: 1\n\n", 1024);

        assertThat(r.next()).isEqualTo(new SseReader.Event("x", "1"));
    }

    @Test
    void oversizedLineOrFrameIsAProtocolError() {
        assertThatThrownBy(() -> reader("data: " + "x".repeat(500) + "\n\n", 100).next())
                .isInstanceOf(WolfProtocolException.class).hasMessageContaining("exceeds 100");
        assertThatThrownBy(() -> reader("data: aaaa\n".repeat(40) + "\n", 100).next())
                .isInstanceOf(WolfProtocolException.class).hasMessageContaining("exceeds 100");
    }
}
