package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.wolf.EventSubscription;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfEventListener;
import dev.lobbygovernor.wolf.model.WolfEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at once: every request is served, state stays consistent, and every lobby's
 * create event reaches a subscriber before its stop event.
 */
@ExtendWith(PinLeakGuard.class)
@Timeout(60)
class ConcurrentClientsStressTest {

    private static final int THREADS = 4;
    private static final int LOBBIES_PER_THREAD = 20;

    @TempDir
    Path dir;

    @Test
    void servesConcurrentCreatesStopsAndListsConsistently() throws Exception {
        int total = THREADS * LOBBIES_PER_THREAD;
        Map<String, List<String>> eventsByLobby = new ConcurrentHashMap<>();
        CountDownLatch allStopped = new CountDownLatch(total);
        CountDownLatch connected = new CountDownLatch(1);
        WolfEventListener listener = new WolfEventListener() {
            @Override
            public void onEvent(WolfEvent event) {
                if (event instanceof WolfEvent.LobbyCreated c) {
                    eventsByLobby.computeIfAbsent(c.lobbyId(), k -> new ArrayList<>()).add("create");
                } else if (event instanceof WolfEvent.LobbyStopped s) {
                    eventsByLobby.computeIfAbsent(s.lobbyId(), k -> new ArrayList<>()).add("stop");
                    allStopped.countDown();
                }
            }

            @Override
            public void onConnected() {
                connected.countDown();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (WolfSimulator sim = WolfSimulator.builder().start(dir);
                WolfClient client = Clients.of(sim);
                EventSubscription events = client.events(listener)) {
            events.start();
            assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();
            AtomicInteger maxSeen = new AtomicInteger();
            List<Future<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < LOBBIES_PER_THREAD; i++) {
                        String id = client.createLobby(Clients.protectedLobby("t" + thread + "-" + i));
                        ids.add(id);
                        maxSeen.accumulateAndGet(client.listLobbies().size(), Math::max);
                        client.stopLobby(id, Optional.of(Clients.PIN));
                    }
                    return ids;
                }));
            }
            List<String> created = new ArrayList<>();
            for (Future<List<String>> f : work) {
                created.addAll(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(allStopped.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(created).doesNotHaveDuplicates().hasSize(total);
            assertThat(sim.lobbies()).isEmpty();
            assertThat(maxSeen.get()).isBetween(1, THREADS);
            assertThat(sim.requestCount("POST", "/api/v1/lobbies/create")).isEqualTo(total);
            assertThat(sim.requestCount("POST", "/api/v1/lobbies/stop")).isEqualTo(total);
            assertThat(eventsByLobby).hasSize(total)
                    .allSatisfy((id, seq) -> assertThat(seq).containsExactly("create", "stop"));
        } finally {
            pool.shutdownNow();
        }
    }
}
