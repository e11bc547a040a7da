package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ledger under contention: no lost update, no grant beyond the cap. */
class HostLedgerConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 100_000;

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
                Reservation slot = new Reservation();
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
                Reservation slot = new Reservation();
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
}
