package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A missed deadline closes the channel and says what Wolf failed to do in time, in readable units. */
class ChannelDeadlineTest {

    private final Deadlines deadlines = new Deadlines();
    private final CountDownLatch channelClosed = new CountDownLatch(1);
    private final ChannelDeadline deadline = new ChannelDeadline(deadlines, channelClosed::countDown);

    @AfterEach
    void stopTheTimer() {
        deadlines.close();
    }

    /** Arms a call whose deadline, set from {@code timeout}, has already passed, and waits for it to fire. */
    private String missedWith(Duration timeout) throws InterruptedException {
        deadline.armCall(System.nanoTime(), Duration.ofHours(1), new CallDeadline(System.nanoTime() - 1, timeout));
        assertThat(channelClosed.await(30, TimeUnit.SECONDS)).as("the channel closed").isTrue();
        assertThat(deadline.expired()).isTrue();
        assertThat(deadline.abandoned()).isFalse();
        return deadline.missed();
    }

    @Test
    void timeoutJustUnderTenSecondsIsSaidInMilliseconds() throws Exception {
        assertThat(missedWith(Duration.ofMillis(9_999))).isEqualTo("did not accept a connection within 9999 ms");
    }

    @Test
    void timeoutOfTenSecondsOrMoreIsSaidInSeconds() throws Exception {
        assertThat(missedWith(Duration.ofSeconds(10))).isEqualTo("did not accept a connection within 10 s");
    }

    @Test
    void abandonedConnectionIsNotExpiredWhateverTheTimerDoesAfter() throws Exception {
        deadline.abandon();

        assertThat(deadline.abandoned()).isTrue();
        assertThat(deadline.expired()).isFalse();
    }
}
