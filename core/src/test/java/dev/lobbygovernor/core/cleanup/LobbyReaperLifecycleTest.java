package dev.lobbygovernor.core.cleanup;

import static dev.lobbygovernor.core.cleanup.ReaperRig.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cycles never overlap; scheduling is explicit, named and closeable; a failing listener is contained. */
class LobbyReaperLifecycleTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final ReaperRig rig = new ReaperRig();

    /** Delegates to the rig's fake runtime, running a hook inside every listing. */
    private LobbyRuntime listingHook(Runnable hook) {
        return new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                hook.run();
                return rig.runtime.listLobbies();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                rig.runtime.stopLobby(lobbyId, pin);
            }
        };
    }

    @Test
    void aSecondRunOnceWhileACycleRunsReturnsAtOnceSkipped() throws Exception {
        CountDownLatch inCycle = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        rig.runtimeSeenByReaper = listingHook(() -> {
            inCycle.countDown();
            awaitQuietly(release);
        });
        rig.reaper = rig.newReaper();
        rig.commit("a", "s1", "1234");
        rig.memory.hardDeleteSession("s1");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<CycleReport> first = other.submit(rig.reaper::runOnce);
            assertThat(inCycle.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            CycleReport second = assertTimeoutPreemptively(LIMIT, rig.reaper::runOnce);

            assertThat(second.status()).isEqualTo(CycleReport.Status.SKIPPED_ALREADY_RUNNING);
            assertThat(second.outcomes()).isEmpty();
            release.countDown();
            assertThat(first.get(LIMIT.toSeconds(), TimeUnit.SECONDS).count(CleanupOutcome.Kind.STOPPED)).isEqualTo(1);
            assertThat(rig.runtime.stopCalls()).isEqualTo(1);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void manyThreadsCallingRunOnceNeverOverlapAndStopEachLobbyOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        rig.runtimeSeenByReaper = listingHook(() -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            Thread.yield();
            inFlight.decrementAndGet();
        });
        rig.reaper = rig.newReaper();
        for (int i = 0; i < 20; i++) {
            rig.commit("l" + i, "s" + i, String.format("%04d", i));
            rig.memory.hardDeleteSession("s" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<CycleReport>>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    List<CycleReport> mine = new ArrayList<>();
                    for (int k = 0; k < 200; k++) {
                        mine.add(rig.reaper.runOnce());
                    }
                    return mine;
                }));
            }
            go.countDown();
            long stopped = 0;
            for (Future<List<CycleReport>> f : futures) {
                for (CycleReport r : f.get(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    stopped += r.count(CleanupOutcome.Kind.STOPPED);
                }
            }
            assertThat(maxInFlight.get()).as("listings of overlapping cycles").isEqualTo(1);
            assertThat(stopped).isEqualTo(20);
            assertThat(rig.runtime.stopCalls()).isEqualTo(20);
            assertThat(rig.memory.allLobbies()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void startRunsCyclesOnOneNamedDaemonThreadAndCloseStopsThem() throws Exception {
        AtomicReference<Thread> cycleThread = new AtomicReference<>();
        CountDownLatch firstCycle = new CountDownLatch(1);
        LobbyReaper reaper = LobbyReaper.builder(rig.store, Map.of(HOST, rig.runtimeSeenByReaper)).clock(rig.clock)
                .listener(new CleanupListener() {
                    @Override
                    public void onCycleCompleted(CycleReport report) {
                        cycleThread.compareAndSet(null, Thread.currentThread());
                        firstCycle.countDown();
                    }
                }).build();

        reaper.start();
        try {
            assertThat(firstCycle.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(cycleThread.get().getName()).isEqualTo(LobbyReaper.THREAD_NAME);
            assertThat(cycleThread.get().isDaemon()).isTrue();
        } finally {
            reaper.close();
        }
        cycleThread.get().join(LIMIT.toMillis());
        assertThat(cycleThread.get().isAlive()).as("the reaper's own thread ends on close").isFalse();
    }

    @Test
    void runsOnAHostSuppliedExecutorAndLeavesItRunningOnClose() {
        ScheduledThreadPoolExecutor hosts = new ScheduledThreadPoolExecutor(1);
        hosts.setRemoveOnCancelPolicy(true);
        try {
            LobbyReaper reaper = LobbyReaper.builder(rig.store, Map.of(HOST, rig.runtime)).clock(rig.clock)
                    .executor(hosts).build();
            reaper.start();
            // the first cycle starts at once and leaves the queue while it runs; the periodic
            // task is queued again when it ends
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hosts.getQueue().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(hosts.getQueue()).hasSize(1);

            reaper.close();

            assertThat(hosts.getQueue()).as("the periodic cycle is cancelled").isEmpty();
            assertThat(hosts.isShutdown()).as("the host's executor is the host's to shut down").isFalse();
        } finally {
            hosts.shutdownNow();
        }
    }

    @Test
    void refusesToStartTwiceOrAfterClose() {
        ScheduledThreadPoolExecutor hosts = new ScheduledThreadPoolExecutor(1);
        try {
            LobbyReaper reaper = LobbyReaper.builder(rig.store, Map.of(HOST, rig.runtime)).executor(hosts).build();
            reaper.start();
            assertThatThrownBy(reaper::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
            reaper.close();
            reaper.close();
            assertThatThrownBy(reaper::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        } finally {
            hosts.shutdownNow();
        }
    }

    @Test
    void aThrowingListenerIsLoggedAtWarnOnceAndTheCycleGoesOn() {
        LobbyReaper reaper = LobbyReaper.builder(rig.store, Map.of(HOST, rig.runtime)).clock(rig.clock)
                .listener(new CleanupListener() {
                    @Override
                    public void onStopped(CleanupOutcome.Stopped outcome) {
                        throw new IllegalStateException("listener bug");
                    }
                }).build();
        rig.commit("a", "s1", null);
        rig.commit("b", "s2", null);
        rig.memory.hardDeleteSession("s1");
        rig.memory.hardDeleteSession("s2");

        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.cleanup")) {
            assertThat(reaper.runOnce().count(CleanupOutcome.Kind.STOPPED)).isEqualTo(2);
            assertThat(logs.at(ch.qos.logback.classic.Level.WARN))
                    .filteredOn(e -> e.getFormattedMessage().contains("threw")).hasSize(1);
        }
        assertThat(rig.memory.allLobbies()).isEmpty();
    }

    @Test
    void aRuntimeThrowingUncheckedExceptionsIsTreatedAsUnreachable() {
        rig.runtimeSeenByReaper = listingHook(() -> {
            throw new IllegalStateException("decoder bug");
        });
        rig.reaper = rig.newReaper();
        rig.commit("a", "s1", null);
        rig.memory.hardDeleteSession("s1");

        CycleReport report = rig.cycle();

        assertThat(report.unreachableHosts()).containsExactly(HOST);
        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(CleanupOutcome.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(FailureReason.RUNTIME_PROTOCOL));
        assertThat(rig.memory.allLobbies()).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
