package dev.lobbygovernor.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ledger's own lock under contention: no lost update, no grant beyond the cap. */
class HostLedgerLockTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 100_000;

    private static final class TestSlot extends Slot {
    }

    private static void runAll(Runnable work) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread w = new Thread(work, "lobby-governor-ledger-test-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join(30_000);
            assertThat(w.isAlive()).as("worker finished").isFalse();
        }
    }

    @Test
    void concurrentGrantsAndReleasesLeaveTheCountExact() throws Exception {
        HostLedger ledger = new HostLedger(1_000_000, LimitKind.STATIC, 1, false);

        runAll(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                TestSlot slot = new TestSlot();
                if (ledger.tryReserve(slot, 0, 1_000) == null) {
                    ledger.release(slot);
                }
            }
        });

        assertThat(ledger.counts(0).reserved()).isZero();
        assertThat(ledger.counts(0).active()).isZero();
    }

    @Test
    void concurrentGrantsNeverExceedTheCap() throws Exception {
        HostLedger ledger = new HostLedger(3, LimitKind.STATIC, 2, false);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();

        runAll(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                TestSlot slot = new TestSlot();
                if (ledger.tryReserve(slot, 0, 1_000) == null) {
                    worst.accumulateAndGet(held.incrementAndGet(), Math::max);
                    held.decrementAndGet(); // lowered before the slot is given back
                    ledger.release(slot);
                }
            }
        });

        assertThat(worst.get()).isBetween(1, 3);
        assertThat(ledger.counts(0).reserved()).isZero();
    }

    @Test
    void copyingALargeBookOfLobbiesDoesNotHoldUpAdmissions() throws Exception {
        // The slow, allocating work (copying every counted lobby) must happen outside the lock
        // admissions spin on. Each round, an admission starts a millisecond into a copy that
        // takes several: it must finish before the copy does.
        HostLedger ledger = new HostLedger(1_000_000, LimitKind.STATIC, 1, false);
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            many.add("lobby-" + i);
        }
        ledger.applyListing(many, ledger.listingMark());
        int rounds = 20;
        AtomicInteger admittedDuringCopy = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean copyDone = new AtomicBoolean();
            AtomicLong copyStart = new AtomicLong();
            Thread admitter = new Thread(() -> {
                awaitUninterruptibly(go);
                while (System.nanoTime() - copyStart.get() < 1_000_000) {
                    Thread.onSpinWait();
                }
                TestSlot slot = new TestSlot();
                if (ledger.tryReserve(slot, 0, 1_000) == null) {
                    ledger.release(slot);
                }
                if (!copyDone.get()) {
                    admittedDuringCopy.incrementAndGet();
                }
            }, "lobby-governor-ledger-test-admitter");
            admitter.start();
            copyStart.set(System.nanoTime());
            go.countDown();
            Set<String> copy = ledger.countedLobbies();
            copyDone.set(true);
            admitter.join(30_000);
            assertThat(copy).hasSize(300_000);
        }

        assertThat(admittedDuringCopy.get()).as("admissions done while a copy ran, of " + rounds)
                .isGreaterThanOrEqualTo(rounds / 2);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
