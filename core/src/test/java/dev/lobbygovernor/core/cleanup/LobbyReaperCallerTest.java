package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the thread that calls {@link LobbyReaper#runOnce()} sees: its configuration and its interrupt. */
class LobbyReaperCallerTest {

    @Test
    void theReaperGivesBackTheConfigurationItWasBuiltWith() {
        ReaperConfig config = ReaperConfig.builder().interval(Duration.ofSeconds(7)).build();
        try (LobbyReaper reaper = new ReaperRig(config).reaper) {
            assertThat(reaper.config()).isSameAs(config);
        }
    }

    @Test
    void aCallerInterruptedWhileWaitingForAHostGetsItsInterruptBackAndTheHostCountsUnreachable() throws Exception {
        ReaperRig rig = new ReaperRig();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch listed = new CountDownLatch(1);
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                listed.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
            }
        };
        try (LobbyReaper reaper = rig.newReaper()) {
            Thread.currentThread().interrupt();
            CycleReport report;
            try {
                report = reaper.runOnce();
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is restored, then cleared here").isTrue();
            }
            assertThat(report.unreachableHosts()).containsExactly(ReaperRig.HOST);
            assertThat(report.outcomes()).isEmpty();

            assertThat(listed.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }
    }

    @Test
    void aCycleRunByHandAfterCloseStillDoesItsWork() {
        ReaperRig rig = new ReaperRig();
        rig.commit("a", "s1", null);
        rig.memory.hardDeleteSession("s1");
        rig.reaper.close();

        assertThat(rig.cycle().outcomes()).containsExactly(
                new CleanupOutcome.Stopped(ReaperRig.HOST, "a", "s1", StopReason.SESSION_GONE, true));
        assertThat(rig.runtime.isRunning("a")).isFalse();
    }

    @Test
    void aClosedReaperStartsNoThreadAndRunsAHandCycleOnTheCallersThread() {
        ReaperRig rig = new ReaperRig();
        List<Thread> listedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                listedOn.add(Thread.currentThread());
                return rig.runtime.listLobbies();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                rig.runtime.stopLobby(lobbyId, pin);
            }
        };
        LobbyReaper reaper = rig.newReaper();
        reaper.runOnce();
        assertThat(listedOn).singleElement().extracting(Thread::getName).isEqualTo(LobbyReaper.HOST_THREAD_NAME);

        reaper.close();
        reaper.runOnce();
        assertThat(listedOn.get(1)).isSameAs(Thread.currentThread());
    }

    @Test
    void aBlankHostIdIsRefused() {
        FlakyStore store = new FlakyStore(new dev.lobbygovernor.store.InMemorySessionStore());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LobbyReaper.builder(store,
                java.util.Map.of("wolf-1", new dev.lobbygovernor.testing.FakeLobbyRuntime(), " ",
                        new dev.lobbygovernor.testing.FakeLobbyRuntime())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("host ids must not be blank");
    }
}
