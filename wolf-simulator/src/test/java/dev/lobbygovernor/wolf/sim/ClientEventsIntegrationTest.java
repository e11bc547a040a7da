package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.wolf.EventSubscription;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfEventListener;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.model.WolfEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** WolfClient's event subscription against the simulator's SSE stream. */
@ExtendWith(PinLeakGuard.class)
@Timeout(60)
class ClientEventsIntegrationTest {

    private static final Duration FAST_RECONNECT = Duration.ofMillis(20);
    private static final Duration MAX_RECONNECT = Duration.ofMillis(100);

    @TempDir
    Path dir;

    /** Records what the subscription reports, in order, as text or events. */
    private static final class Recorder implements WolfEventListener {
        final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(WolfEvent event) {
            seen.add(event);
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
            seen.add("disconnected");
            PinLeakGuard.assertNoPin(String.valueOf(cause.getMessage()));
        }

        Object next() throws InterruptedException {
            Object o = seen.poll(10, TimeUnit.SECONDS);
            assertThat(o).as("listener call within 10 s").isNotNull();
            return o;
        }

        /** The next call that is not a keep-alive. */
        Object nextSkippingKeepalives() throws InterruptedException {
            Object o;
            do {
                o = next();
            } while ("keepalive".equals(o));
            return o;
        }
    }

    @Test
    void deliversCreateAndStopEventsForALobby() throws Exception {
        Recorder recorder = new Recorder();
        try (WolfSimulator sim = WolfSimulator.builder().start(dir);
                WolfClient client = Clients.of(sim);
                EventSubscription events = client.events(recorder, FAST_RECONNECT, MAX_RECONNECT)) {
            events.start();
            assertThat(recorder.next()).isEqualTo("connected");

            String id = client.createLobby(Clients.protectedLobby("watched"));
            client.stopLobby(id, Optional.of(Clients.PIN));

            assertThat(recorder.nextSkippingKeepalives())
                    .isEqualTo(new WolfEvent.LobbyCreated(id, "watched", "profile-7"));
            assertThat(recorder.nextSkippingKeepalives()).isEqualTo(new WolfEvent.LobbyStopped(id));
        }
    }

    @Test
    void reportsKeepalivesOnAnIdleStream() throws Exception {
        Recorder recorder = new Recorder();
        try (WolfSimulator sim = WolfSimulator.builder().keepaliveInterval(Duration.ofMillis(50)).start(dir);
                WolfClient client = Clients.of(sim);
                EventSubscription events = client.events(recorder, FAST_RECONNECT, MAX_RECONNECT)) {
            events.start();

            assertThat(recorder.next()).isEqualTo("connected");
            assertThat(recorder.next()).isEqualTo("keepalive");
        }
    }

    @Test
    void reconnectsAfterARestartAndSeesNewEvents() throws Exception {
        Recorder recorder = new Recorder();
        try (WolfSimulator sim = WolfSimulator.builder().start(dir);
                WolfClient client = Clients.of(sim);
                EventSubscription events = client.events(recorder, FAST_RECONNECT, MAX_RECONNECT)) {
            events.start();
            assertThat(recorder.next()).isEqualTo("connected");

            sim.restart();
            assertThat(recorder.nextSkippingKeepalives()).isEqualTo("disconnected");
            Object next;
            do {
                next = recorder.nextSkippingKeepalives();
            } while ("disconnected".equals(next));
            assertThat(next).isEqualTo("connected");
            String id = sim.createLeakedLobby("after-restart", Optional.empty());

            assertThat(recorder.nextSkippingKeepalives()).isInstanceOfSatisfying(WolfEvent.LobbyCreated.class,
                    e -> assertThat(e.lobbyId()).isEqualTo(id));
        }
    }
}
