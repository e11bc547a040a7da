package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.model.WolfEvent;
import dev.lobbygovernor.wolf.testing.CannedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every wait on Wolf ends by a deadline of its kind, however Wolf misbehaves: a listing by the
 * short listing deadline (retries included), a create by the long request deadline, the event
 * stream's handshake by the listing deadline, and the event stream when no whole event or
 * keep-alive comes within the read timeout, even while stray bytes trickle in.
 */
class CallDeadlineTest {

    private static final String EVENTS_HEAD =
            "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
    /** A listing deadline that is short, under a request timeout and read timeout far above. */
    private static final TransportSettings LISTING_SHORT = TransportSettings.builder()
            .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(30))
            .listingTimeout(Duration.ofMillis(800)).readTimeout(Duration.ofSeconds(2)).build();
    /** Slack for a loaded build machine: far below what an unbounded wait would take. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void listingThatTricklesOneByteAtATimeEndsAtTheListingDeadline() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> held(
                "HTTP/1.0 200 OK\r\nContent-Length: 1000\r\n\r\n{"));
                Trickle trickle = new Trickle(server, 100);
                WolfClient client = WolfClient.builder().unixSocket(server.socketPath())
                        .settings(LISTING_SHORT).readRetries(RetryPolicy.none()).build()) {
            long start = System.nanoTime();

            Throwable failure = catchThrowable(client::listLobbies);

            assertThat(failure).isInstanceOfSatisfying(WolfUnavailableException.class,
                    e -> assertThat(e.timedOut()).isTrue());
            assertThat(since(start)).isGreaterThanOrEqualTo(LISTING_SHORT.listingTimeout())
                    .isLessThan(LISTING_SHORT.listingTimeout().plus(SLACK));
        }
    }

    @Test
    void runtimeListingBehindTheGovernorEndsAtTheListingDeadlineWhenWolfTrickles() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"), r -> held(
                "HTTP/1.0 200 OK\r\nContent-Length: 1000\r\n\r\n{"));
                Trickle trickle = new Trickle(server, 100);
                WolfClient client = WolfClient.builder().unixSocket(server.socketPath())
                        .settings(LISTING_SHORT).build()) {
            WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);
            long start = System.nanoTime();

            Throwable failure = catchThrowable(runtime::listLobbies);

            assertThat(failure).isInstanceOfSatisfying(LobbyRuntimeException.class,
                    e -> assertThat(e.kind()).isEqualTo(LobbyRuntimeException.Kind.UNAVAILABLE));
            assertThat(since(start)).isLessThan(LISTING_SHORT.listingTimeout().plus(SLACK));
        }
    }

    @Test
    void listingRetriesFitInsideOneListingDeadline() throws Exception {
        TransportSettings settings = LISTING_SHORT.toBuilder()
                .listingTimeout(Duration.ofSeconds(1)).build();
        RetryPolicy patient = RetryPolicy.builder().maxAttempts(5)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(100)).build();
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence());
                WolfClient client = WolfClient.builder().unixSocket(server.socketPath())
                        .settings(settings).readRetries(patient).build()) {
            long start = System.nanoTime();

            Throwable failure = catchThrowable(client::listLobbies);

            assertThat(failure).isInstanceOfSatisfying(WolfUnavailableException.class,
                    e -> assertThat(e.timedOut()).isTrue());
            // five attempts of a whole deadline each would take five seconds
            assertThat(since(start)).isLessThan(settings.listingTimeout().plusMillis(1500));
        }
    }

    @Test
    void createMayTakeLongerThanTheListingDeadline() throws Exception {
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence());
                WolfClient client = WolfClient.builder().unixSocket(server.socketPath())
                        .settings(LISTING_SHORT).build()) {
            CompletableFuture<String> create = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.createLobby(CreateLobbyRequest.builder().profileId("p")
                            .name("n").runner(new Runner.Process("true")).build());
                } catch (WolfException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(server.nextRequest()).startsWith("POST /api/v1/lobbies/create");
            Thread.sleep(LISTING_SHORT.listingTimeout().toMillis() + 400);

            server.sendToHeld(wolfReply("{\"success\":true,\"lobby_id\":\"L7\"}"));
            server.dropHeldConnections();

            assertThat(create.get(5, TimeUnit.SECONDS)).isEqualTo("L7");
        }
    }

    @Test
    void listingOverHttpThatTricklesEndsAtTheListingDeadline() throws Exception {
        try (CannedServer server = CannedServer.tcp(r -> held(
                "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{"));
                Trickle trickle = new Trickle(server, 100)) {
            WolfClient client = WolfClient.builder()
                    .http(URI.create("http://127.0.0.1:" + server.port()), Optional.empty())
                    .settings(LISTING_SHORT).readRetries(RetryPolicy.none()).build();
            long start = System.nanoTime();

            Throwable failure = catchThrowable(client::listLobbies);

            assertThat(failure).isInstanceOfSatisfying(WolfUnavailableException.class,
                    e -> assertThat(e.timedOut()).isTrue());
            assertThat(since(start)).isLessThan(LISTING_SHORT.listingTimeout().plus(SLACK));
        }
    }

    @Test
    void eventStreamHandshakeThatNeverAnswersEndsAtTheListingDeadline() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> new CannedServer.Silence());
                WolfClient client = WolfClient.builder().unixSocket(server.socketPath())
                        .settings(LISTING_SHORT).build();
                EventSubscription sub = client.events(recorder(seen), Duration.ofMillis(10),
                        Duration.ofMillis(40))) {
            long start = System.nanoTime();
            sub.start();

            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("disconnected timeout");
            assertThat(since(start)).isLessThan(LISTING_SHORT.listingTimeout().plus(SLACK));
        }
    }

    @Test
    void eventStreamThatTricklesBytesButNoWholeEventTimesOut() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> held(EVENTS_HEAD + ":"));
                Trickle trickle = new Trickle(server, 100);
                WolfClient client = WolfClient.builder().unixSocket(server.socketPath())
                        .settings(LISTING_SHORT.toBuilder().readTimeout(Duration.ofMillis(700))
                                .build()).build();
                EventSubscription sub = client.events(recorder(seen), Duration.ofMillis(10),
                        Duration.ofMillis(40))) {
            sub.start();
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("connected");
            long start = System.nanoTime();

            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("disconnected timeout");
            assertThat(since(start)).isLessThan(Duration.ofMillis(700).plus(SLACK));
        }
    }

    @Test
    void eventStreamOverHttpThatTricklesBytesButNoWholeEventTimesOut() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (CannedServer server = CannedServer.tcp(r -> held(
                "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n:"));
                Trickle trickle = new Trickle(server, 100)) {
            WolfClient client = WolfClient.builder()
                    .http(URI.create("http://127.0.0.1:" + server.port()), Optional.empty())
                    .settings(LISTING_SHORT.toBuilder().readTimeout(Duration.ofMillis(700))
                            .build()).build();
            try (EventSubscription sub = client.events(recorder(seen), Duration.ofMillis(10),
                    Duration.ofMillis(40))) {
                sub.start();
                assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("connected");
                long start = System.nanoTime();

                assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("disconnected timeout");
                assertThat(since(start)).isLessThan(Duration.ofMillis(700).plus(SLACK));
            }
        }
    }

    @Test
    void keepAlivesKeepTheEventStreamOpen() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (CannedServer server = CannedServer.unix(dir.resolve("w.sock"),
                r -> held(EVENTS_HEAD));
                WolfClient client = WolfClient.builder().unixSocket(server.socketPath())
                        .settings(LISTING_SHORT.toBuilder().readTimeout(Duration.ofMillis(2000))
                                .build()).build();
                EventSubscription sub = client.events(recorder(seen), Duration.ofMillis(10),
                        Duration.ofMillis(40))) {
            sub.start();
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("connected");

            // longer in all than the read timeout, each gap far shorter: a loaded machine has room
            for (int i = 0; i < 8; i++) {
                Thread.sleep(300);
                server.sendToHeld(":keepalive\n\n");
                assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("keepalive");
            }
            assertThat(seen).isEmpty();
        }
    }

    private static CannedServer.Reply held(String head) {
        return new CannedServer.Reply(head.getBytes(StandardCharsets.US_ASCII), true);
    }

    private static String wolfReply(String json) {
        return "HTTP/1.0 200 OK\r\nContent-Length: " + json.length() + "\r\n\r\n" + json;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static WolfEventListener recorder(BlockingQueue<String> seen) {
        return new WolfEventListener() {
            @Override
            public void onEvent(WolfEvent event) {
                seen.add("event");
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
                seen.add("disconnected" + (cause instanceof WolfUnavailableException u
                        && u.timedOut() ? " timeout" : ""));
            }
        };
    }

    /** Sends one space to every held connection at a fixed pace, until closed. */
    private static final class Trickle implements AutoCloseable {
        private final Thread thread;

        Trickle(CannedServer server, long everyMillis) {
            thread = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(everyMillis);
                        server.sendToHeld(" ");
                    }
                } catch (Exception e) {
                    // the test is over
                }
            }, "trickle");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
