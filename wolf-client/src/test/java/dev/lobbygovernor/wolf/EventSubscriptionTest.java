package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.wolf.internal.EventStreamLoop;
import dev.lobbygovernor.wolf.model.WolfEvent;
import dev.lobbygovernor.wolf.testing.CannedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSE subscription: typed events, keep-alives, reconnection, and a clean close. */
class EventSubscriptionTest {

    private static final String HEAD = "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
    private static final Duration QUICK_FIRST = Duration.ofMillis(10);
    private static final Duration QUICK_MAX = Duration.ofMillis(40);

    @TempDir
    Path dir;

    /** Records every callback as a string, in order. */
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final WolfEventListener recorder = new WolfEventListener() {
        @Override
        public void onEvent(WolfEvent event) {
            seen.add("event " + event);
        }

        @Override
        public void onConnected() {
            seen.add("connected");
        }

        @Override
        public void onKeepAlive() {
            seen.add("keepalive");
        }

        @Override
        public void onDisconnected(WolfException cause, Duration reconnectIn) {
            seen.add("disconnected " + cause.getClass().getSimpleName()
                    + (cause instanceof WolfUnavailableException u && u.timedOut() ? " timeout" : ""));
        }
    };

    private String next() throws InterruptedException {
        String s = seen.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("a callback within 5 s").isNotNull();
        return s;
    }

    private WolfClient client(Path socket, Duration readTimeout) {
        return WolfClient.builder().unixSocket(socket)
                .settings(TransportSettings.builder().readTimeout(readTimeout).build()).build();
    }

    @Test
    void deliversTypedEventsAndKeepAlivesThenReconnectsWhenTheStreamEnds() throws Exception {
        String stream = HEAD + ":keepalive\n\nevent: wolf::core::events::StopLobbyEvent\n"
                + "data: {\"lobby_id\":\"L1\"}\n\n";
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), stream);
                EventSubscription sub = client(server.socketPath(), Duration.ofSeconds(5))
                        .events(recorder, QUICK_FIRST, QUICK_MAX)) {
            sub.start();

            assertThat(next()).isEqualTo("connected");
            assertThat(next()).isEqualTo("keepalive");
            assertThat(next()).isEqualTo("event " + new WolfEvent.LobbyStopped("L1"));
            assertThat(next()).isEqualTo("disconnected WolfUnavailableException");
            assertThat(next()).isEqualTo("connected");
            assertThat(server.nextRequest()).startsWith("GET /api/v1/events HTTP/1.0\r\n")
                    .contains("Accept: text/event-stream");
        }
    }

    @Test
    void silentStreamTimesOutAndReconnects() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Reply(HEAD.getBytes(StandardCharsets.US_ASCII), true));
                EventSubscription sub = client(server.socketPath(), Duration.ofMillis(200))
                        .events(recorder, QUICK_FIRST, QUICK_MAX)) {
            sub.start();

            assertThat(next()).isEqualTo("connected");
            assertThat(next()).isEqualTo("disconnected WolfUnavailableException timeout");
            assertThat(next()).isEqualTo("connected");
        }
    }

    @Test
    void eventsArriveLiveOnAnOpenStream() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Reply(HEAD.getBytes(StandardCharsets.US_ASCII), true));
                EventSubscription sub = client(server.socketPath(), Duration.ofSeconds(5))
                        .events(recorder, QUICK_FIRST, QUICK_MAX)) {
            sub.start();
            assertThat(next()).isEqualTo("connected");

            server.sendToHeld("event: DockerPullImageEndEvent\ndata: {\"image_name\":\"i\","
                    + "\"success\":true}\n\n");

            assertThat(next()).isEqualTo("event " + new WolfEvent.DockerPullEnded("i", true));
        }
    }

    @Test
    void refusedStreamIsRetriedWithBackoffAndMalformedEventsAreSkipped() throws Exception {
        String stream = HEAD + "event: wolf::core::events::StopLobbyEvent\ndata: {oops\n\n"
                + "event: wolf::core::events::StopLobbyEvent\ndata: {\"lobby_id\":\"L2\"}\n\n";
        int[] calls = {0};
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> ++calls[0] == 1
                ? CannedServer.wolf(500, "{\"success\":false,\"error\":\"busy\"}")
                : CannedServer.raw(stream));
                EventSubscription sub = client(server.socketPath(), Duration.ofSeconds(5))
                        .events(recorder, QUICK_FIRST, QUICK_MAX)) {
            sub.start();

            assertThat(next()).isEqualTo("disconnected WolfApiException");
            assertThat(next()).isEqualTo("connected");
            assertThat(next()).isEqualTo("event " + new WolfEvent.LobbyStopped("L2"));
        }
    }

    @Test
    void runsOnANamedDaemonThreadOnlyAfterStartAndStopsOnClose() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Reply(HEAD.getBytes(StandardCharsets.US_ASCII), true))) {
            EventSubscription sub = client(server.socketPath(), Duration.ofSeconds(5))
                    .events(recorder, QUICK_FIRST, QUICK_MAX);
            assertThat(sub.isRunning()).isFalse();
            assertThat(threadNamed()).isNull();

            sub.start();
            assertThat(next()).isEqualTo("connected");
            Thread t = threadNamed();
            assertThat(t).isNotNull();
            assertThat(t.isDaemon()).isTrue();

            sub.close();
            assertThat(sub.isRunning()).isFalse();
            assertThat(t.isAlive()).isFalse();
            assertThatThrownBy(sub::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingTheClientStopsItsSubscriptionsAndRefusesLaterCalls() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Reply(HEAD.getBytes(StandardCharsets.US_ASCII), true))) {
            WolfClient client = client(server.socketPath(), Duration.ofSeconds(5));
            EventSubscription sub = client.events(recorder, QUICK_FIRST, QUICK_MAX);
            sub.start();
            assertThat(next()).isEqualTo("connected");
            Thread t = threadNamed();

            client.close();

            assertThat(sub.isRunning()).isFalse();
            t.join(5_000);
            assertThat(t.isAlive()).isFalse();
            assertThatThrownBy(client::listLobbies).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void listenerThatThrowsDoesNotStopTheStream() throws Exception {
        String stream = HEAD + "event: wolf::core::events::StopLobbyEvent\ndata: {\"lobby_id\":\"A\"}\n\n"
                + "event: wolf::core::events::StopLobbyEvent\ndata: {\"lobby_id\":\"B\"}\n\n";
        WolfEventListener throwing = e -> {
            seen.add(e.toString());
            throw new IllegalStateException("listener bug");
        };
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), stream);
                EventSubscription sub = client(server.socketPath(), Duration.ofSeconds(5))
                        .events(throwing, QUICK_FIRST, QUICK_MAX)) {
            sub.start();

            assertThat(next()).contains("A");
            assertThat(next()).contains("B");
        }
    }

    @Test
    void outageIsLoggedLoudlyOnceWhileItLasts() throws Exception {
        try (LogCapture logs = LogCapture.of(EventStreamLoop.class.getName());
                EventSubscription sub = client(dir.resolve("absent.sock"), Duration.ofSeconds(5))
                        .events(recorder, QUICK_FIRST, QUICK_MAX)) {
            sub.start();
            for (int i = 0; i < 3; i++) {
                assertThat(next()).isEqualTo("disconnected WolfUnavailableException");
            }

            assertThat(logs.at(Level.WARN)).hasSize(1);
            assertThat(logs.at(Level.WARN).get(0).getFormattedMessage()).contains("does not exist");
        }
    }

    private static Thread threadNamed() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lobby-governor-wolf-events-") && t.isAlive())
                .findFirst().orElse(null);
    }
}
