package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator speaks Wolf's HTTP/1.0 dialect, quirks included (WOLF-API.md, "Transport"). */
class WolfDialectTest {

    @TempDir
    Path dir;

    private WolfSimulator sim;

    @BeforeEach
    void start() throws IOException {
        sim = WolfSimulator.builder().maxBodyBytes(4096).start(dir);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void listensOnAUnixSocketInTheGivenDirectory() {
        assertThat(sim.socketPath()).isEqualTo(dir.resolve("wolf.sock")).exists();
    }

    @Test
    void repliesHttp10WithContentLengthAndNoContentTypeOnJson() throws IOException {
        String reply = RawWolf.get(sim.socketPath(), "/api/v1/lobbies");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 200 OK");
        assertThat(reply).doesNotContainIgnoringCase("content-type")
                .contains("Content-Length: " + RawWolf.body(reply).length());
        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":true,\"lobbies\":[]}");
    }

    @Test
    void closesTheConnectionAfterEachReply() throws IOException {
        // RawWolf reads to end of stream: it returns only because the server closed
        String reply = RawWolf.exchange(sim.socketPath(),
                "GET /api/v1/apps HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 200 OK");
    }

    @Test
    void saysOkInTheStatusLineEvenForAnError() throws IOException {
        String reply = RawWolf.post(sim.socketPath(), "/api/v1/lobbies/stop", "{\"lobby_id\":\"nope\"}");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(reply)).isEqualTo("{\"success\":false,\"error\":\"Invalid lobby ID\"}");
    }

    @Test
    void refusesChunkedRequestsWithWolfsMessage() throws IOException {
        String reply = RawWolf.exchange(sim.socketPath(), "POST /api/v1/lobbies/stop HTTP/1.1\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n4\r\n{}  \r\n0\r\n\r\n");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(reply)).isEqualTo(
                "{\"success\":false,\"error\":\"Chunked encoding not supported, use HTTP/1.0 instead\"}");
    }

    @Test
    void answersAnUnknownRouteWith404AndAnEmptyBody() throws IOException {
        String reply = RawWolf.get(sim.socketPath(), "/api/v1/nothing-here");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 404 OK");
        assertThat(reply).contains("Content-Length: 0");
        assertThat(RawWolf.body(reply)).isEmpty();
    }

    @Test
    void answersAKnownPathWithTheWrongMethodWith404() throws IOException {
        String reply = RawWolf.post(sim.socketPath(), "/api/v1/lobbies", "{}");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 404 OK");
    }

    @Test
    void answersAnOversizedBodyWith413() throws IOException {
        String reply = RawWolf.post(sim.socketPath(), "/api/v1/lobbies/create", "x".repeat(5000));

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 413 OK");
        assertThat(sim.lobbies()).isEmpty();
    }

    @Test
    void answersAMalformedRequestLineWith400() throws IOException {
        String reply = RawWolf.exchange(sim.socketPath(), "HELLO\r\n\r\n");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 400 OK");
    }

    @Test
    void answersMalformedJsonWith500AndAnErrorBodyAndKeepsItsState() throws IOException {
        sim.createLeakedLobby("kept", java.util.Optional.empty());

        String reply = RawWolf.post(sim.socketPath(), "/api/v1/lobbies/create", "{\"name\":");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 500 OK");
        assertThat(RawWolf.body(reply)).startsWith("{\"success\":false,\"error\":\"Invalid request body");
        assertThat(sim.lobbies()).extracting(SimLobby::name).containsExactly("kept");
    }

    @Test
    void ignoresTheQueryStringWhenRouting() throws IOException {
        String reply = RawWolf.get(sim.socketPath(), "/api/v1/lobbies?verbose=1");

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 200 OK");
    }

    @Test
    void countsRequestsByMethodAndPath() throws IOException {
        RawWolf.get(sim.socketPath(), "/api/v1/lobbies");
        RawWolf.get(sim.socketPath(), "/api/v1/lobbies");
        RawWolf.get(sim.socketPath(), "/api/v1/apps");

        assertThat(sim.requestCount()).isEqualTo(3);
        assertThat(sim.requestCount("GET", "/api/v1/lobbies")).isEqualTo(2);
        assertThat(sim.requestCount("POST", "/api/v1/lobbies/stop")).isZero();
    }
}
