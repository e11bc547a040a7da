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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No runtime call is made under a lock that other admissions to the host wait on: while a last
 * resort waits for a slow stop, an admission that must list the host again lists it itself and
 * gets its answer.
 */
class LastResortHoldsNoAdmissionTest {

    /** A runtime whose stop blocks until released, as a server that takes long to stop a lobby. */
    private static final class SlowStopRuntime implements LobbyRuntime {
        final FakeLobbyRuntime lobbies = new FakeLobbyRuntime();
        final CountDownLatch stopEntered = new CountDownLatch(1);
        final CountDownLatch releaseStop = new CountDownLatch(1);

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
            stopEntered.countDown();
            try {
                releaseStop.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lobbies.stopLobby(lobbyId, pin);
        }

        @Override
        public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
            return lobbies.listLobbies();
        }
    }

    @Test
    void anAdmissionThatMustListAgainIsNotHeldByALastResortWaitingForItsStop() throws Exception {
        MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
        SlowStopRuntime runtime = new SlowStopRuntime();
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .config(GovernorConfig.builder().lastResort(LastResort.stopIdleLongerThan(Duration.ofMinutes(30))).build())
                .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(1).build())).build();
        Permit first = governor.acquire(AdmissionRequest.forSession("idle-owner").openLobby());
        first.create(c -> runtime.lobbies.create("idle", c));
        clock.advance(Duration.ofHours(1)); // the lobby is idle; the cached listing is stale

        CompletableFuture<Permit> rescued = CompletableFuture.supplyAsync(
                () -> governor.acquire(AdmissionRequest.forSession("rescued")));
        assertThat(runtime.stopEntered.await(10, TimeUnit.SECONDS)).as("the last resort is stopping").isTrue();
        clock.advance(Duration.ofSeconds(5)); // the last resort's listing is stale too by now

        CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> {
            try {
                return governor.acquire(AdmissionRequest.forSession("other"));
            } catch (AdmissionDeniedException e) {
                return e;
            }
        });
        Object answer;
        try {
            answer = other.get(10, TimeUnit.SECONDS);
        } finally {
            runtime.releaseStop.countDown();
        }

        assertThat(answer).as("refused at once, the host still full while the stop runs")
                .isInstanceOf(AdmissionDeniedException.class);
        assertThat(rescued.get(10, TimeUnit.SECONDS).sessionId()).isEqualTo("rescued");
    }
}
