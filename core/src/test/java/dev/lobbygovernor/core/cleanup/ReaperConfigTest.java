package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReaperConfigTest {

    @Test
    void defaultsAreTheDocumentedConstants() {
        ReaperConfig c = ReaperConfig.defaults();
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.orphanGrace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.stopOrphans()).isTrue();
        assertThat(c.retryBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxRetryBackoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.activityResolution()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void activityResolutionIsNeverMoreThanATenthOfTheIdleTimeout() {
        ReaperConfig shortIdle = ReaperConfig.builder().idleTimeout(Duration.ofMinutes(5)).build();
        assertThat(shortIdle.activityResolution()).isEqualTo(Duration.ofSeconds(30));

        ReaperConfig atTheTenth = ReaperConfig.builder().idleTimeout(Duration.ofMinutes(10)).build();
        assertThat(atTheTenth.activityResolution()).isEqualTo(Duration.ofMinutes(1));

        ReaperConfig finer = shortIdle.toBuilder().activityResolution(Duration.ofSeconds(29)).build();
        assertThat(finer.activityResolution()).isEqualTo(Duration.ofSeconds(29));
        assertThat(finer.toBuilder().activityResolution(Duration.ZERO).build().activityResolution()).isZero();
    }

    @Test
    void rejectsANegativeOrMissingActivityResolution() {
        assertThatThrownBy(() -> ReaperConfig.builder().activityResolution(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activityResolution");
        assertThatThrownBy(() -> ReaperConfig.builder().activityResolution(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("activityResolution");
    }

    @Test
    void backoffDoublesUpToItsBound() {
        ReaperConfig c = ReaperConfig.builder().retryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(75)).build();
        assertThat(c.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.backoffAfter(4)).isEqualTo(Duration.ofSeconds(75));
        assertThat(c.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void rejectsZeroNegativeOrMissingDurationsNamingTheSetting() {
        assertThatThrownBy(() -> ReaperConfig.builder().interval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
        assertThatThrownBy(() -> ReaperConfig.builder().idleTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> ReaperConfig.builder().orphanGrace(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("orphanGrace");
    }

    @Test
    void rejectsAFirstBackoffLongerThanItsBound() {
        assertThatThrownBy(() -> ReaperConfig.builder().retryBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed");
    }
}
