package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client's body as a stream: chunks read in order, one requested at a time, and reads
 * that end at the call's deadline or the stream's idle timeout with a typed error.
 */
class QueueBodySubscriberTest {

    /** Far enough away that no test waits for it. */
    private static final Duration LONG = Duration.ofMinutes(5);

    /** Counts what the subscriber asks of its subscription. */
    private static final class Subscription implements Flow.Subscription {
        final AtomicInteger requested = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();

        @Override
        public void request(long n) {
            requested.addAndGet((int) n);
        }

        @Override
        public void cancel() {
            cancelled.incrementAndGet();
        }
    }

    private final Subscription subscription = new Subscription();

    private static List<ByteBuffer> chunk(String... parts) {
        return List.of(parts).stream().map(p -> ByteBuffer.wrap(p.getBytes(StandardCharsets.US_ASCII))).toList();
    }

    private static String readAll(QueueBodySubscriber body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void readsEveryBufferOfEveryChunkInOrderThenEnds() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        body.onSubscribe(subscription);
        body.onNext(chunk("ab", "", "cd"));
        body.onNext(chunk("ef"));
        body.onComplete();

        assertThat(readAll(body)).isEqualTo("abcdef");
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void asksForOneChunkAtATimeAsEachIsTaken() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        body.onSubscribe(subscription);
        assertThat(subscription.requested).as("on subscribing").hasValue(1);

        body.onNext(chunk("a"));
        body.onNext(chunk("b"));
        assertThat(body.read()).isEqualTo('a');
        assertThat(subscription.requested).as("once the first chunk is taken").hasValue(2);
        assertThat(body.read()).isEqualTo('b');
        assertThat(subscription.requested).hasValue(3);
    }

    @Test
    void readsAByteAsAnUnsignedValue() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {(byte) 0xff, 0x00})));
        body.onComplete();

        assertThat(body.read()).isEqualTo(255);
        assertThat(body.read()).isEqualTo(0);
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void aReadOfNothingReturnsAtOnceWithoutWaiting() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);

        assertThat(body.read(new byte[4], 0, 0)).isZero();
    }

    @Test
    void readNeverReturnsMoreThanAskedAndKeepsTheRestForTheNext() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        body.onNext(chunk("abcdef"));
        body.onComplete();
        byte[] buf = new byte[8];

        assertThat(body.read(buf, 2, 4)).isEqualTo(4);
        assertThat(new String(buf, 2, 4, StandardCharsets.US_ASCII)).isEqualTo("abcd");
        assertThat(body.read(buf, 0, 8)).isEqualTo(2);
        assertThat(new String(buf, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("ef");
    }

    @Test
    void replyThatDoesNotCompleteByTheCallsDeadlineTimesOutSayingSo() {
        QueueBodySubscriber body = new QueueBodySubscriber(Duration.ofSeconds(7), System.nanoTime() - 1);
        body.onNext(chunk("{\"succ"));

        assertThatThrownBy(() -> readAll(body)).isInstanceOf(SocketTimeoutException.class)
                .hasMessage("the reply from Wolf did not complete within PT7S");
    }

    @Test
    void silentStreamTimesOutOnceItsIdleTimeoutHasPassedSayingSo() {
        QueueBodySubscriber body = new QueueBodySubscriber(Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(body::read).isInstanceOf(SocketTimeoutException.class)
                .hasMessage("no whole event or keep-alive from Wolf within PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void restartingTheIdleTimeoutOfAStreamCountsItFromNow() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(Duration.ofMillis(300));
        Thread.sleep(400);
        body.restartIdle();
        long restarted = System.nanoTime();

        assertThatThrownBy(body::read).isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void restartingTheIdleTimeoutLeavesAFixedDeadlineWhereItWas() {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG, System.nanoTime() - 1);

        body.restartIdle();

        assertThatThrownBy(body::read).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void clientErrorEndsTheBodyWithItsMessage() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        body.onNext(chunk("ab"));
        body.onError(new IOException("connection reset"));

        assertThat(body.read()).isEqualTo('a');
        assertThat(body.read()).isEqualTo('b');
        assertThatThrownBy(body::read).isInstanceOf(IOException.class)
                .hasMessage("reading the reply failed: connection reset")
                .hasCauseInstanceOf(IOException.class);
        assertThat(body.read()).as("after the error").isEqualTo(-1);
    }

    @Test
    void closeCancelsTheSubscriptionAndWakesABlockedReader() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        body.onSubscribe(subscription);
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> catchThrowable(body::read));

        body.close();

        assertThat(reader.get(30, TimeUnit.SECONDS)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThat(subscription.cancelled).hasValue(1);
        assertThatThrownBy(body::read).as("a read after close").isInstanceOf(IOException.class)
                .hasMessage("stream closed");
    }

    @Test
    void aReadAfterCloseFailsAlsoWhenAReaderWasBlockedAtTheClose() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        body.onSubscribe(subscription);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread reader = new Thread(() -> seen.set(catchThrowable(body::read)));
        reader.start();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (reader.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < giveUp) {
            Thread.onSpinWait(); // until it waits for a chunk, so the close must wake it
        }

        body.close();
        reader.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(seen.get()).isInstanceOf(IOException.class);
        assertThatThrownBy(body::read).as("the woken reader ended the stream; a read after close still fails")
                .isInstanceOf(IOException.class).hasMessage("stream closed");
    }

    @Test
    void subscriptionArrivingAfterCloseIsCancelledNotAsked() {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        body.close();

        body.onSubscribe(subscription);

        assertThat(subscription.cancelled).hasValue(1);
        assertThat(subscription.requested).hasValue(0);
    }

    @Test
    void interruptedReaderGetsAnInterruptedIoErrorAndKeepsItsInterrupt() {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(body::read).isInstanceOf(InterruptedIOException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void bodyIsTheSubscriberItself() throws Exception {
        QueueBodySubscriber body = new QueueBodySubscriber(LONG);

        assertThat(body.getBody().toCompletableFuture().get()).isSameAs(body);
    }
}
