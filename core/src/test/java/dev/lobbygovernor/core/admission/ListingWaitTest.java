package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An admission waits for another caller's listing of its host at most the listing wait, then is
 * refused as HOST_UNAVAILABLE, while the slow listing goes on for its owner; other hosts answer
 * at once.
 */
class ListingWaitTest {

    /** A runtime whose listing hangs until released; the first caller is inside it when entered counts down. */
    private static final class HangingRuntime implements LobbyRuntime {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<LiveLobby> listLobbies() {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
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
    void anAdmissionBehindAHungListingIsRefusedAfterTheWaitAndOtherHostsAreNotDelayed() throws Exception {
        HangingRuntime slow = new HangingRuntime();
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore())
                .config(GovernorConfig.builder().listingWait(Duration.ofMillis(200)).build())
                .host(Host.of("slow", slow)).host(Host.of("fast", new FakeLobbyRuntime())).build();
        CompletableFuture<Permit> owner = CompletableFuture.supplyAsync(
                () -> governor.acquire(AdmissionRequest.forSession("owner").onHost("slow")));
        assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();

        long t0 = System.nanoTime();
        AdmissionDeniedException refused = null;
        try {
            governor.acquire(AdmissionRequest.forSession("behind").onHost("slow"));
        } catch (AdmissionDeniedException e) {
            refused = e;
        }
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        Permit elsewhere = governor.acquire(AdmissionRequest.forSession("elsewhere").onHost("fast"));

        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isEqualTo(DenialReason.HOST_UNAVAILABLE);
        assertThat(waitedMs).as("waited about the listing wait, not for the hung listing").isBetween(150L, 5_000L);
        assertThat(elsewhere.hostId()).isEqualTo("fast");
        assertThat(owner).isNotDone();
        slow.release.countDown();
        assertThat(owner.get(10, TimeUnit.SECONDS).hostId()).as("the owner's listing still counts").isEqualTo("slow");
    }
}
