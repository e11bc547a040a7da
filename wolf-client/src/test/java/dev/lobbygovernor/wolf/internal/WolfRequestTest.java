package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A request's path is printable ASCII from '!' to '~'; requests are values, shown without their body. */
class WolfRequestTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pathOfPrintableAsciiIsAcceptedFromBangToTilde() {
        assertThat(WolfRequest.get("/!").path()).isEqualTo("/!");
        assertThat(WolfRequest.get("/~").path()).isEqualTo("/~");
    }

    @Test
    void pathWithASpaceOrADeleteIsRefused() {
        assertThatThrownBy(() -> WolfRequest.get("/a b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> WolfRequest.get("/a\u007f")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsWithTheSameMethodPathAndBodyAreEqualAndHashAlike() {
        assertThat(WolfRequest.post("/p", json("{}"))).isEqualTo(WolfRequest.post("/p", json("{}")))
                .hasSameHashCodeAs(WolfRequest.post("/p", json("{}")));
        assertThat(WolfRequest.get("/p")).isEqualTo(WolfRequest.get("/p"))
                .hasSameHashCodeAs(WolfRequest.get("/p"));
    }

    @Test
    void requestsDifferingInMethodPathOrBodyAreNotEqual() {
        WolfRequest post = WolfRequest.post("/p", json("{}"));

        assertThat(post).isNotEqualTo(WolfRequest.post("/q", json("{}")))
                .isNotEqualTo(WolfRequest.post("/p", json("[]")))
                .isNotEqualTo(WolfRequest.get("/p"))
                .isNotEqualTo("POST /p");
    }

    @Test
    void toStringShowsTheBodysSizeNeverItsContent() {
        assertThat(WolfRequest.get("/api/v1/lobbies")).hasToString("GET /api/v1/lobbies");
        assertThat(WolfRequest.post("/api/v1/lobbies/create", json("{\"pin\":[1,2,3,4]}")))
                .hasToString("POST /api/v1/lobbies/create (17 bytes)");
    }
}
