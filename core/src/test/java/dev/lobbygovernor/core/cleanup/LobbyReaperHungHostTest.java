package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One hung host never stalls a cleanup cycle for the others: hosts are worked on side by side,
 * the cycle waits for a host at most its host wait, and a host still at work is left out of
 * later cycles instead of being waited for again or given a second thread.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LobbyReaperHungHostTest {

    private static final Duration HOST_WAIT = Duration.ofSeconds(1);

    private final MutableClock clock = MutableClock.at("2025-03-01T12:00:00Z");
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final FakeLobbyRuntime first = new FakeLobbyRuntime();
    private final FakeLobbyRuntime last = new FakeLobbyRuntime();
    private final CountDownLatch release = new CountDownLatch(1);
    private final HungRuntime hung = new HungRuntime(release);
    private final LobbyReaper reaper = LobbyReaper.builder(store, Map.of("a", first, "hung", hung, "z", last))
            .config(ReaperConfig.builder().hostWait(HOST_WAIT).build()).clock(clock).build();

    @AfterEach
    void releaseTheHungHost() {
        release.countDown();
        reaper.close();
    }

    private void goneSessionLobby(FakeLobbyRuntime runtime, String host, String lobbyId) {
        LobbyPin pin = LobbyPin.of("4821");
        store.putSession("session-" + lobbyId);
        runtime.start(lobbyId, pin);
        store.saveLobby(new LobbyRecord(lobbyId, host, "session-" + lobbyId, pin, clock.instant(),
                clock.instant()));
        store.hardDeleteSession("session-" + lobbyId);
    }

    @Test
    void otherHostsAreCleanedUpWhileOneHostHangs() {
        goneSessionLobby(first, "a", "lobby-a");
        goneSessionLobby(last, "z", "lobby-z");
        long start = System.nanoTime();

        CycleReport report = reaper.runOnce();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HOST_WAIT.plusSeconds(3));
        assertThat(report.outcomes()).containsExactly(
                new Stopped("a", "lobby-a", "session-lobby-a", StopReason.SESSION_GONE, true),
                new Stopped("z", "lobby-z", "session-lobby-z", StopReason.SESSION_GONE, true));
        assertThat(report.unreachableHosts()).containsExactly("hung");
        assertThat(first.isRunning("lobby-a")).isFalse();
        assertThat(last.isRunning("lobby-z")).isFalse();
    }

    @Test
    void aHostStillAtWorkIsLeftOutOfLaterCyclesWithoutWaitingOrASecondThread() throws Exception {
        reaper.runOnce();
        goneSessionLobby(last, "z", "lobby-z");
        first.setUnreachable(true);
        long start = System.nanoTime();

        CycleReport second = reaper.runOnce();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no second wait for the hung host")
                .isLessThan(HOST_WAIT);
        assertThat(second.unreachableHosts()).as("in id order, however each was found out")
                .containsExactly("a", "hung");
        assertThat(second.outcomes()).hasSize(1);
        assertThat(hung.listCalls()).as("one worker on the hung host, not one per cycle").isEqualTo(1);

        first.setUnreachable(false);
        release.countDown();
        hung.awaitReturned();
        CycleReport afterwards = reaper.runOnce();
        assertThat(afterwards.unreachableHosts()).isEmpty();
        assertThat(hung.listCalls()).isEqualTo(2);
    }

    @Test
    void hostWorkRunsOnNamedDaemonThreadsOfTheReaper() {
        reaper.runOnce();

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(
                t -> t.getName().equals(LobbyReaper.HOST_THREAD_NAME) && t.isAlive())
                .isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    }

    /** A runtime whose listing blocks until released, as a host that accepts and never answers. */
    private static final class HungRuntime implements LobbyRuntime {
        private final CountDownLatch release;
        private final CountDownLatch returned = new CountDownLatch(1);
        private volatile int listCalls;

        HungRuntime(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
            listCalls++;
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned.countDown();
            return List.of();
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
        }

        int listCalls() {
            return listCalls;
        }

        void awaitReturned() throws InterruptedException {
            returned.await();
            // the worker finishes its bookkeeping right after the listing returns
            for (int i = 0; i < 200 && listCalls == 1; i++) {
                Thread.sleep(5);
            }
        }
    }
}
