package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2: eight threads hammer one host with cap 5, creating and committing lobbies that
 * keep running (and counting) until they vanish later, and closing other permits unused. An
 * independent counter is raised after each grant and lowered before each slot can be given back
 * (before {@code close} for an unused permit, before the runtime loses a committed lobby, whose
 * slot frees only once a listing made after that is applied), so it can only under-state the
 * slots really held: if it ever exceeds 5, the governor over-admitted.
 */
class AdmissionStressTest {

    private static final int THREADS = 8;
    private static final int OPS_PER_THREAD = 12_500; // 100,000 in all
    private static final int CAP = 5;

    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger maxHeld = new AtomicInteger();
    private final AtomicInteger overAdmissions = new AtomicInteger();
    private final AtomicLong grants = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong lobbyIds = new AtomicLong();

    @Test
    void eightThreadsCommittingAndClosingNeverOverAdmitOrLeakWhenEveryAdmissionLists() throws Exception {
        // Listing TTL zero: every acquire lists the runtime, so lobbies that vanish race with
        // listings on every operation.
        LobbyGovernor governor = governor(Clock.systemUTC(), Duration.ZERO);

        long seed = System.nanoTime();
        runThreads(seed, threadSeed -> work(governor, new SplittableRandom(threadSeed), random -> { }));

        assertNoOverAdmissionNorLeak(governor, seed);
    }

    @Test
    void eightThreadsCommittingOnTheCachedHotPathNeverOverAdmitOrLeak() throws Exception {
        // Listings are reused for a second of a clock the threads move now and then, so most
        // admissions take the cached path while committed lobbies count against the cap, and a
        // vanished lobby's slot frees only at the next listing.
        MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
        LobbyGovernor governor = governor(clock, LIST_TTL);

        long seed = System.nanoTime();
        runThreads(seed, threadSeed -> work(governor, new SplittableRandom(threadSeed), random -> {
            if (random.nextInt(16) == 0) {
                clock.advance(LIST_TTL);
            }
        }));
        clock.advance(LIST_TTL); // so that the final status lists the runtime again

        assertNoOverAdmissionNorLeak(governor, seed);
    }

    private static final Duration LIST_TTL = Duration.ofSeconds(1);

    private LobbyGovernor governor(Clock clock, Duration listTtl) {
        // permits never expire here: a slot is given back only by close, or by a listing (a
        // vanished lobby's record is removed with it, and the runtime lists new lobbies at once)
        return LobbyGovernor.builder().store(store).clock(clock)
                .config(GovernorConfig.builder().runtimeListTtl(listTtl).listingDelay(Duration.ofMillis(1))
                        .permitTtl(GovernorConfig.MAX_PERMIT_TTL)
                        .suggestionLimit(0).build())
                .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(CAP).build())).build();
    }

    private void work(LobbyGovernor governor, SplittableRandom random, Consumer<SplittableRandom> tick) {
        Deque<String> running = new ArrayDeque<>();
        for (int i = 0; i < OPS_PER_THREAD; i++) {
            tick.accept(random);
            if (!running.isEmpty() && random.nextInt(4) == 0) {
                held.decrementAndGet(); // lowered before its slot can free
                vanish(running.removeFirst());
            }
            Permit p;
            try {
                p = governor.acquire(AdmissionRequest.forSession("s"));
            } catch (AdmissionDeniedException denied) {
                if (!running.isEmpty()) { // as the denial asks: close an unused lobby, try again
                    held.decrementAndGet();
                    vanish(running.removeFirst());
                }
                continue;
            }
            grants.incrementAndGet();
            int now = held.incrementAndGet();
            maxHeld.accumulateAndGet(now, Math::max);
            if (now > CAP) {
                overAdmissions.incrementAndGet();
            }
            if (random.nextBoolean()) {
                String lobbyId = "lobby-" + lobbyIds.incrementAndGet();
                p.create(c -> runtime.create(lobbyId, c));
                commits.incrementAndGet();
                running.addLast(lobbyId); // keeps running, and counting, for a while
            } else {
                Thread.onSpinWait();
                held.decrementAndGet();
                p.close();
            }
        }
        while (!running.isEmpty()) {
            held.decrementAndGet();
            vanish(running.removeFirst());
        }
    }

    /** The lobby stops; its record goes too, as cleanup's next cycle would remove it. */
    private void vanish(String lobbyId) {
        runtime.vanish(lobbyId);
        store.removeLobby(lobbyId);
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
        assertThat(grants.get()).as("progress, " + commits.get() + " commits, " + context).isGreaterThan(OPS_PER_THREAD);
        assertThat(commits.get()).as("committed lobbies, " + context).isGreaterThan(OPS_PER_THREAD / 4);
        assertThat(maxHeld.get()).as("the cap was reached, " + context).isEqualTo(CAP);
        assertThat(runtime.size()).as(context).isZero();
        HostStatus after = governor.status().hosts().get(0);
        assertThat(after.reserved()).as("leaked reservations, " + context).isZero();
        assertThat(after.active()).as("leaked slots, " + context).isZero();
    }
}
