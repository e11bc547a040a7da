package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A request's exact bytes: the HTTP/1.0 head, then the body, if any, right after it. */
class HttpRequestEncoderTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void postIsItsHeadFollowedByItsBody() {
        byte[] json = "{\"lobby_id\":\"L1\"}".getBytes(StandardCharsets.UTF_8);
        WolfRequest post = WolfRequest.post("/api/v1/lobbies/stop", json);

        assertThat(text(HttpRequestEncoder.encode(post))).isEqualTo(
                text(HttpRequestEncoder.head(post, null).array()) + "{\"lobby_id\":\"L1\"}");
        assertThat(text(HttpRequestEncoder.encode(post))).startsWith("POST /api/v1/lobbies/stop HTTP/1.0\r\n")
                .contains("\r\nContent-Length: " + json.length + "\r\n").endsWith("\r\n\r\n{\"lobby_id\":\"L1\"}");
    }

    @Test
    void getIsItsHeadAlone() {
        WolfRequest get = WolfRequest.get("/api/v1/lobbies");

        assertThat(text(HttpRequestEncoder.encode(get))).isEqualTo(text(HttpRequestEncoder.head(get, null).array()))
                .startsWith("GET /api/v1/lobbies HTTP/1.0\r\n").endsWith("\r\n\r\n");
    }
}
