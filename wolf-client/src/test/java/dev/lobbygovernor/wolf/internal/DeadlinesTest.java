package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The deadline timer: one daemon thread of its own, started on demand, gone on close. */
class DeadlinesTest {

    @Test
    void runsAnExpiredDeadlineOnItsOwnNamedDaemonThreadWhichStopsOnClose() throws Exception {
        Deadlines deadlines = new Deadlines();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);

        deadlines.after(TimeUnit.MILLISECONDS.toNanos(10), () -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        });

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        Thread t = ranOn.get();
        assertThat(t.getName()).startsWith("lobby-governor-wolf-deadlines-");
        assertThat(t.isDaemon()).isTrue();

        deadlines.close();
        t.join(5_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(deadlines.isClosed()).isTrue();
    }

    @Test
    void aCancelledDeadlineNeverRuns() throws Exception {
        try (Deadlines deadlines = new Deadlines()) {
            CountDownLatch ran = new CountDownLatch(1);
            ScheduledFuture<?> pending = deadlines.after(TimeUnit.MILLISECONDS.toNanos(50),
                    ran::countDown);

            pending.cancel(false);

            assertThat(ran.await(300, TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    @Test
    void closedTimerRefusesNewDeadlines() {
        Deadlines deadlines = new Deadlines();
        deadlines.close();

        assertThatThrownBy(() -> deadlines.after(1, () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aTimeoutOfCenturiesIsAFarDeadlineNotAnOverflow() {
        long now = System.nanoTime();

        assertThat(Deadlines.deadline(now, Duration.ofDays(365L * 400)) - now).isPositive();
        assertThat(Deadlines.deadline(now, Duration.ofMillis(5)) - now)
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
    }
}
