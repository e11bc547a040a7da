package dev.lobbygovernor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2: eight threads hammer one host with cap 5. An independent counter is raised
 * after each grant and lowered before each slot is given back, so it can only under-state the
 * slots really held: if it ever exceeds 5, the governor over-admitted.
 */
class AdmissionStressTest {

    private static final int THREADS = 8;
    private static final int OPS_PER_THREAD = 12_500; // 100,000 in all
    private static final int CAP = 5;

    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger maxHeld = new AtomicInteger();
    private final AtomicInteger overAdmissions = new AtomicInteger();
    private final AtomicLong grants = new AtomicLong();
    private final AtomicLong lobbyIds = new AtomicLong();

    @Test
    void eightThreadsCommittingAndClosingNeverOverAdmitOrLeakWhenEveryAdmissionLists() throws Exception {
        // Listing TTL zero: every acquire lists the runtime, so committed lobbies that vanish
        // race with listings on every operation.
        LobbyGovernor governor = governor(Clock.systemUTC(), Duration.ZERO);

        long seed = System.nanoTime();
        runThreads(seed, threadSeed -> work(governor, new SplittableRandom(threadSeed), true));

        assertNoOverAdmissionNorLeak(governor, seed);
    }

    @Test
    void eightThreadsOnTheCachedHotPathNeverOverAdmitOrLeak() throws Exception {
        LobbyGovernor governor = governor(MutableClock.at("2025-01-01T12:00:00Z"), Duration.ofHours(1));

        long seed = System.nanoTime();
        runThreads(seed, threadSeed -> work(governor, new SplittableRandom(threadSeed), false));

        assertNoOverAdmissionNorLeak(governor, seed);
    }

    private LobbyGovernor governor(Clock clock, Duration listTtl) {
        return LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .config(GovernorConfig.builder().runtimeListTtl(listTtl).build())
                .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(CAP).build())).build();
    }

    private void work(LobbyGovernor governor, SplittableRandom random, boolean mayCommit) {
        for (int i = 0; i < OPS_PER_THREAD; i++) {
            Permit p;
            try {
                p = governor.acquire(AdmissionRequest.forSession("s"));
            } catch (AdmissionDeniedException denied) {
                continue;
            }
            grants.incrementAndGet();
            int now = held.incrementAndGet();
            maxHeld.accumulateAndGet(now, Math::max);
            if (now > CAP) {
                overAdmissions.incrementAndGet();
            }
            if (mayCommit && random.nextBoolean()) {
                String lobbyId = "lobby-" + lobbyIds.incrementAndGet();
                runtime.start(lobbyId, LobbyPin.of("1234"));
                p.commit(lobbyId, LobbyPin.of("1234"));
                Thread.onSpinWait();
                held.decrementAndGet(); // lowered before the slot can free
                runtime.vanish(lobbyId);
            } else {
                Thread.onSpinWait();
                held.decrementAndGet();
                p.close();
            }
        }
    }

    private interface SeededWork {
        void run(long threadSeed);
    }

    private void runThreads(long seed, SeededWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long threadSeed = seed + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    work.run(threadSeed);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError("worker failed, seed " + seed, e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertNoOverAdmissionNorLeak(LobbyGovernor governor, long seed) {
        String context = "seed " + seed;
        assertThat(overAdmissions.get()).as(context).isZero();
        assertThat(maxHeld.get()).as(context).isLessThanOrEqualTo(CAP);
        assertThat(grants.get()).as("progress, " + context).isGreaterThan(OPS_PER_THREAD);
        assertThat(runtime.size()).as(context).isZero();
        HostStatus after = governor.status().hosts().get(0);
        assertThat(after.reserved()).as("leaked reservations, " + context).isZero();
        assertThat(after.active()).as("leaked slots, " + context).isZero();
    }
}
