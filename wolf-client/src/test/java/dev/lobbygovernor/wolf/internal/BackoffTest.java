package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Backoff delays stay within their bounds, whatever the attempt and jitter. */
class BackoffTest {

    private static final Gen<Backoff> BACKOFFS = Generate.longRange(1, 10_000)
            .zip(Generate.longRange(0, 1_000_000), (initial, extra) -> new Backoff(
                    Duration.ofMillis(initial), Duration.ofMillis(initial + extra)));
    private static final Gen<Double> JITTER = Generate.range(0, 999_999).map(i -> i / 1e6);

    @Test
    void delayIsWithinTheUpperHalfOfTheCeilingAndNeverAboveMax() {
        qt().forAll(BACKOFFS, Generate.range(1, 1000), JITTER).checkAssert((b, retry, r) -> {
            Duration d = b.delay(retry, r);
            assertThat(d).isLessThanOrEqualTo(b.max());
            // the oracle in exact arithmetic: min(max, initial * 2^(retry-1))
            long ceiling = BigInteger.valueOf(b.initial().toNanos()).shiftLeft(retry - 1)
                    .min(BigInteger.valueOf(b.max().toNanos())).longValueExact();
            assertThat(d.toNanos()).isBetween(ceiling - ceiling / 2, ceiling);
        });
    }

    @Test
    void ceilingGrowsWithEachRetry() {
        qt().forAll(BACKOFFS, Generate.range(1, 100), JITTER).checkAssert((b, retry, r) ->
                assertThat(b.delay(retry + 1, 0.0)).isGreaterThanOrEqualTo(b.delay(retry, 0.0)));
    }

    @Test
    void refusesBadBounds() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
