package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code dashboard --demo}: the page and its status JSON over a simulated host that starts filling at once. */
class DashboardDemoTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageAndAStatusThatShowsTheFirstLobby() throws Exception {
        try (DashboardDemo demo = new DashboardDemo(Clock.systemUTC());
                DashboardServer server = DashboardServer.start(demo.feed, new InetSocketAddress("127.0.0.1", 0))) {
            HttpResponse<String> page = get(server.uri());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            assertThat(page.body()).contains("<script src=\"dashboard.js\">");
            assertThat(get(server.uri().resolve("nothing-here")).statusCode()).isEqualTo(404);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            String status = "";
            while (Instant.now().isBefore(deadline) && !status.contains("\"active\":1")) {
                status = get(server.uri().resolve("status.json")).body();
                Thread.sleep(100); // the demo adds its first lobby on its own thread, at once
            }
            assertThat(status).contains("\"id\":\"wolf-1\"", "\"active\":1", "\"cap\":5");
        }
    }
}
