package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A host whose runtime hangs drops out of placement and delays no admission another host can take. */
class HungHostPlacementTest {

    /** Answers its first listing, then hangs on every later one until released. */
    private static final class HangingRuntime implements LobbyRuntime {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch hanging = new CountDownLatch(1);
        private boolean answered;

        @Override
        public synchronized List<LiveLobby> listLobbies() {
            if (!answered) {
                answered = true;
                return List.of();
            }
            hanging.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
        }
    }

    @Test
    void anAdmissionWithNoHostNamedIsGrantedElsewhereWithoutWaitingForAHungHost() throws Exception {
        HangingRuntime hung = new HangingRuntime();
        FakeLobbyRuntime healthy = new FakeLobbyRuntime();
        healthy.start("busy", null); // the hung host is the least loaded by its last listing
        MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .host(Host.of("hung", hung, HostLimits.builder().staticCap(5).build()))
                .host(Host.of("healthy", healthy, HostLimits.builder().staticCap(5).build()))
                .build();
        governor.capacity("hung");
        governor.capacity("healthy");
        clock.advance(Duration.ofSeconds(5)); // every listing stale
        // the health monitor's poll of the hung host, on a thread of its own
        CompletableFuture<?> poll = CompletableFuture.runAsync(() -> governor.capacity("hung"));
        assertThat(hung.hanging.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            long start = System.nanoTime();

            Permit permit = governor.acquire(AdmissionRequest.forSession("s"));

            assertThat(permit.hostId()).isEqualTo("healthy");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        } finally {
            hung.release.countDown();
            poll.get(5, TimeUnit.SECONDS);
        }
    }
}
