package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Refreshing a stale listing is single-flight: a burst of admissions costs one runtime call. */
class ListingRefreshTest {

    private static final int THREADS = 8;

    /** Lists like the fake, but the first listing blocks until released and every call is counted. */
    private static final class GatedRuntime implements LobbyRuntime {
        final FakeLobbyRuntime lobbies = new FakeLobbyRuntime();
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return lobbies.listLobbies();
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
            lobbies.stopLobby(lobbyId, pin);
        }
    }

    @Test
    void admissionsThatFindTheListingStaleWaitForOneRuntimeCall() throws Exception {
        MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
        GatedRuntime runtime = new GatedRuntime();
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(THREADS).build())).build();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger granted = new AtomicInteger();
        for (int i = 0; i < THREADS; i++) {
            String session = "s" + i;
            Thread t = new Thread(() -> {
                governor.acquire(AdmissionRequest.forSession(session));
                granted.incrementAndGet();
            }, "lobby-governor-test-burst-" + i);
            threads.add(t);
            t.start();
        }
        assertThat(runtime.entered.await(10, TimeUnit.SECONDS)).isTrue();
        awaitAllButOneWaiting(threads);

        runtime.release.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }

        assertThat(granted.get()).isEqualTo(THREADS);
        assertThat(runtime.calls.get()).as("one listing served the whole burst").isEqualTo(1);
    }

    /** The one thread listing is in the runtime; every other must be parked waiting for its answer. */
    private static void awaitAllButOneWaiting(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            long waiting = threads.stream().filter(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING).count();
            if (waiting == threads.size()) { // the lister waits on the release latch too
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the burst never queued behind the listing");
    }
}
