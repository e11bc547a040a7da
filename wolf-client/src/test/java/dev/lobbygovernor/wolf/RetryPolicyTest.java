package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The read-retry configuration: named defaults, setters that refuse bad values at once. */
class RetryPolicyTest {

    @Test
    void defaultsAreTheNamedConstants() {
        RetryPolicy d = RetryPolicy.defaults();

        assertThat(d.maxAttempts()).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS).isEqualTo(3);
        assertThat(d.initialBackoff()).isEqualTo(RetryPolicy.DEFAULT_INITIAL_BACKOFF);
        assertThat(d.maxBackoff()).isEqualTo(RetryPolicy.DEFAULT_MAX_BACKOFF);
        assertThat(RetryPolicy.builder().build()).isEqualTo(d).hasSameHashCodeAs(d);
    }

    @Test
    void noneTriesOnce() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(5)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(40)).build();

        assertThat(p.toBuilder().build()).isEqualTo(p);
        assertThat(p).hasToString(
                "RetryPolicy[maxAttempts=5, initialBackoff=PT0.01S, maxBackoff=PT0.04S]");
    }

    @Test
    void refusesAttemptsOutsideOneToTheLimit() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(RetryPolicy.MAX_ATTEMPTS_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.builder().maxAttempts(RetryPolicy.MAX_ATTEMPTS_LIMIT).build()
                .maxAttempts()).isEqualTo(20);
    }

    @Test
    void refusesABackoffThatIsNotPositiveOrWhoseCeilingIsBelowItsStart() {
        assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder()
                .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().backoff(null, Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class);
    }
}
