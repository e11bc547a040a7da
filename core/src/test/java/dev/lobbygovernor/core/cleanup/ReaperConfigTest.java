package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    @Test
    void defaultsAlsoLeaveSessionsAloneAndAct() {
        ReaperConfig c = ReaperConfig.defaults();
        assertThat(c.maxCreateTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.hostWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.sessionCleanup()).isEqualTo(SessionCleanup.OFF);
        assertThat(c.sessionGrace()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.dryRun()).isFalse();
        assertThat(ReaperConfig.builder().build()).isEqualTo(c);
    }

    @Test
    void everySetterKeepsItsValueAndToBuilderCarriesAllOfThem() {
        ReaperConfig c = ReaperConfig.builder().interval(Duration.ofSeconds(7)).idleTimeout(Duration.ofMinutes(40))
                .orphanGrace(Duration.ofMinutes(11)).stopOrphans(false)
                .retryBackoff(Duration.ofSeconds(3), Duration.ofSeconds(9)).maxCreateTime(Duration.ofSeconds(21))
                .hostWait(Duration.ofSeconds(13)).sessionCleanup(SessionCleanup.REPORT)
                .sessionGrace(Duration.ofMinutes(6)).dryRun(true).activityResolution(Duration.ofSeconds(17)).build();
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(40));
        assertThat(c.orphanGrace()).isEqualTo(Duration.ofMinutes(11));
        assertThat(c.stopOrphans()).isFalse();
        assertThat(c.retryBackoff()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.maxRetryBackoff()).isEqualTo(Duration.ofSeconds(9));
        assertThat(c.maxCreateTime()).isEqualTo(Duration.ofSeconds(21));
        assertThat(c.hostWait()).isEqualTo(Duration.ofSeconds(13));
        assertThat(c.sessionCleanup()).isEqualTo(SessionCleanup.REPORT);
        assertThat(c.sessionGrace()).isEqualTo(Duration.ofMinutes(6));
        assertThat(c.dryRun()).isTrue();
        assertThat(c.activityResolution()).isEqualTo(Duration.ofSeconds(17));

        ReaperConfig copy = c.toBuilder().build();
        assertThat(copy).isEqualTo(c).hasSameHashCodeAs(c).hasToString(c.toString());
        assertThat(c.toString()).isEqualTo("ReaperConfig[interval=PT7S, idleTimeout=PT40M, orphanGrace=PT11M, "
                + "stopOrphans=false, retryBackoff=PT3S, maxRetryBackoff=PT9S, maxCreateTime=PT21S, hostWait=PT13S, "
                + "sessionCleanup=REPORT, sessionGrace=PT6M, dryRun=true, activityResolution=PT17S]");
    }

    @Test
    void configsDifferingInAnyOneSettingAreNotEqual() {
        ReaperConfig base = ReaperConfig.defaults();
        List<ReaperConfig> oneChangeEach = List.of(
                base.toBuilder().interval(Duration.ofSeconds(31)).build(),
                base.toBuilder().idleTimeout(Duration.ofMinutes(31)).build(),
                base.toBuilder().orphanGrace(Duration.ofMinutes(11)).build(),
                base.toBuilder().stopOrphans(false).build(),
                base.toBuilder().retryBackoff(Duration.ofSeconds(31), Duration.ofSeconds(60)).build(),
                base.toBuilder().retryBackoff(Duration.ofSeconds(30), Duration.ofSeconds(61)).build(),
                base.toBuilder().maxCreateTime(Duration.ofSeconds(61)).build(),
                base.toBuilder().hostWait(Duration.ofSeconds(61)).build(),
                base.toBuilder().sessionCleanup(SessionCleanup.STOP).build(),
                base.toBuilder().sessionGrace(Duration.ofMinutes(6)).build(),
                base.toBuilder().dryRun(true).build(),
                base.toBuilder().activityResolution(Duration.ofSeconds(59)).build());
        for (ReaperConfig changed : oneChangeEach) {
            assertThat(changed).as(changed.toString()).isNotEqualTo(base);
            assertThat(changed.hashCode()).as("spread in hash sets: " + changed).isNotEqualTo(base.hashCode());
            assertThat(base).as(changed.toString()).isNotEqualTo(changed);
        }
        assertThat(base).isNotEqualTo("ReaperConfig").isEqualTo(base.toBuilder().build());
    }

    @Test
    void everyDurationSettingAcceptsOneNanosecondAndRefusesZeroNegativeAndNullByName() {
        Map<String, Function<Duration, ReaperConfig.Builder>> setters = new LinkedHashMap<>();
        setters.put("interval", d -> ReaperConfig.builder().interval(d));
        setters.put("idleTimeout", d -> ReaperConfig.builder().idleTimeout(d));
        setters.put("orphanGrace", d -> ReaperConfig.builder().orphanGrace(d));
        setters.put("maxCreateTime", d -> ReaperConfig.builder().maxCreateTime(d));
        setters.put("hostWait", d -> ReaperConfig.builder().hostWait(d));
        setters.put("sessionGrace", d -> ReaperConfig.builder().sessionGrace(d));
        setters.put("retryBackoff", d -> ReaperConfig.builder().retryBackoff(d, Duration.ofSeconds(60)));
        setters.put("maxRetryBackoff", d -> ReaperConfig.builder().retryBackoff(Duration.ofNanos(1), d));
        setters.forEach((name, set) -> {
            assertThat(set.apply(Duration.ofNanos(1))).as(name).isNotNull();
            assertThatThrownBy(() -> set.apply(Duration.ZERO)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(name + " must be positive, was PT0S");
            assertThatThrownBy(() -> set.apply(Duration.ofNanos(-1))).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(name + " must be positive, was PT-0.000000001S");
            assertThatThrownBy(() -> set.apply(null)).as(name)
                    .isInstanceOf(NullPointerException.class).hasMessage(name);
        });
        assertThatThrownBy(() -> ReaperConfig.builder().sessionCleanup(null))
                .isInstanceOf(NullPointerException.class).hasMessage("sessionCleanup");
    }

    @Test
    void aRefusedSettingLeavesTheBuilderAsItWas() {
        ReaperConfig.Builder b = ReaperConfig.builder().hostWait(Duration.ofSeconds(5));
        assertThatThrownBy(() -> b.hostWait(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.retryBackoff(Duration.ofSeconds(90), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryBackoff PT1M30S must not exceed maxRetryBackoff PT1M");
        ReaperConfig built = b.build();
        assertThat(built.hostWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(built.retryBackoff()).isEqualTo(ReaperConfig.DEFAULT_RETRY_BACKOFF);
        assertThat(built.maxRetryBackoff()).isEqualTo(ReaperConfig.DEFAULT_MAX_RETRY_BACKOFF);
    }

    @Test
    void aFirstBackoffEqualToItsBoundIsAcceptedAndNeverGrows() {
        ReaperConfig c = ReaperConfig.builder().retryBackoff(Duration.ofSeconds(20), Duration.ofSeconds(20)).build();
        assertThat(c.backoffAfter(1)).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.backoffAfter(5)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void backoffStopsAtTheBoundExactlyWhenADoublingReachesIt() {
        ReaperConfig c = ReaperConfig.builder().retryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(40)).build();
        assertThat(c.backoffAfter(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(c.backoffAfter(4)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void activityResolutionOneNanosecondOverATenthIsCutToTheTenth() {
        ReaperConfig c = ReaperConfig.builder().idleTimeout(Duration.ofMinutes(10))
                .activityResolution(Duration.ofMinutes(1).plusNanos(1)).build();
        assertThat(c.activityResolution()).isEqualTo(Duration.ofMinutes(1));
    }
}
