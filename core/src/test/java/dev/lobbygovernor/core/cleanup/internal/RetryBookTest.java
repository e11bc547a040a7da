package dev.lobbygovernor.core.cleanup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.ReaperConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Consecutive failures per lobby, the backoff they earn, and forgetting. */
class RetryBookTest {

    private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");
    private final RetryBook book = new RetryBook(ReaperConfig.builder()
            .retryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(40)).build());

    @Test
    void anEmptyBookHoldsNothingBack() {
        assertThat(book.isEmpty()).isTrue();
        assertThat(book.failures("a")).isZero();
        assertThat(book.notBefore()).isEmpty();
    }

    @Test
    void eachFailureInARowCountsOnAndDoublesTheWait() {
        assertThat(book.failed("a", T)).isEqualTo(new RetryBook.Entry(1, T.plusSeconds(10)));
        assertThat(book.failed("a", T.plusSeconds(10))).isEqualTo(new RetryBook.Entry(2, T.plusSeconds(30)));
        assertThat(book.failures("a")).isEqualTo(2);
        assertThat(book.isEmpty()).isFalse();
        assertThat(book.notBefore()).isEqualTo(Map.of("a", T.plusSeconds(30)));
    }

    @Test
    void clearingOneLobbyLeavesTheOthers() {
        book.failed("a", T);
        book.failed("b", T);
        book.clear("a");
        assertThat(book.failures("a")).isZero();
        assertThat(book.failed("a", T).failures()).as("counting starts again").isEqualTo(1);
        assertThat(book.failures("b")).isEqualTo(1);
    }

    @Test
    void retainingForgetsEveryLobbyNotNamed() {
        book.failed("a", T);
        book.failed("b", T);
        book.retainOnly(Set.of("b", "c"));
        assertThat(book.notBefore()).containsOnlyKeys("b");
        book.retainOnly(Set.of());
        assertThat(book.isEmpty()).isTrue();
    }

    @Test
    void theBackoffMapIsACopy() {
        book.failed("a", T);
        Map<String, Instant> copy = book.notBefore();
        copy.clear();
        assertThat(book.notBefore()).containsOnlyKeys("a");
    }
}
