package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each governor setting: its default, both edges of its range, and the message an operator reads. */
class GovernorConfigTest {

    private static final Duration NANO = Duration.ofNanos(1);

    @Test
    void defaultsAreTheNamedConstants() {
        GovernorConfig config = GovernorConfig.defaults();

        assertThat(config.permitTtl()).isEqualTo(GovernorConfig.DEFAULT_PERMIT_TTL).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.runtimeListTtl()).isEqualTo(GovernorConfig.DEFAULT_RUNTIME_LIST_TTL);
        assertThat(config.listingDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.listingWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.blindAdmission()).isEqualTo(BlindAdmission.STATIC_CAP);
        assertThat(config.lastResort()).isEqualTo(LastResort.disabled());
        assertThat(config.suggestionLimit()).isEqualTo(3);
        assertThat(GovernorConfig.builder().build()).isEqualTo(config);
    }

    @Test
    void permitTtlAcceptsFromOneNanosecondUpToADay() {
        assertThat(GovernorConfig.builder().permitTtl(NANO).build().permitTtl()).isEqualTo(NANO);
        assertThat(GovernorConfig.builder().permitTtl(Duration.ofDays(1)).build().permitTtl())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void permitTtlRefusesZeroNegativeAndOverADay() {
        assertThatThrownBy(() -> GovernorConfig.builder().permitTtl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permitTtl must be positive and at most PT24H, was PT0S");
        assertThatThrownBy(() -> GovernorConfig.builder().permitTtl(NANO.negated()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permitTtl");
        assertThatThrownBy(() -> GovernorConfig.builder().permitTtl(Duration.ofDays(1).plus(NANO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permitTtl must be positive and at most PT24H, was PT24H0.000000001S");
        assertThatThrownBy(() -> GovernorConfig.builder().permitTtl(null))
                .isInstanceOf(NullPointerException.class).hasMessage("permitTtl");
    }

    @Test
    void runtimeListTtlAcceptsZeroUpToAnHour() {
        assertThat(GovernorConfig.builder().runtimeListTtl(Duration.ZERO).build().runtimeListTtl())
                .isEqualTo(Duration.ZERO);
        assertThat(GovernorConfig.builder().runtimeListTtl(Duration.ofHours(1)).build().runtimeListTtl())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void runtimeListTtlRefusesNegativeAndOverAnHour() {
        assertThatThrownBy(() -> GovernorConfig.builder().runtimeListTtl(NANO.negated()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runtimeListTtl must be between zero and PT1H, was PT-0.000000001S");
        assertThatThrownBy(() -> GovernorConfig.builder().runtimeListTtl(Duration.ofHours(1).plus(NANO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runtimeListTtl");
        assertThatThrownBy(() -> GovernorConfig.builder().runtimeListTtl(null))
                .isInstanceOf(NullPointerException.class).hasMessage("runtimeListTtl");
    }

    @Test
    void listingDelayAcceptsFromOneNanosecondUpToAnHour() {
        assertThat(GovernorConfig.builder().listingDelay(NANO).build().listingDelay()).isEqualTo(NANO);
        assertThat(GovernorConfig.builder().listingDelay(Duration.ofHours(1)).build().listingDelay())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void listingDelayRefusesZeroNegativeAndOverAnHour() {
        assertThatThrownBy(() -> GovernorConfig.builder().listingDelay(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listingDelay must be positive and at most PT1H, was PT0S");
        assertThatThrownBy(() -> GovernorConfig.builder().listingDelay(NANO.negated()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listingDelay");
        assertThatThrownBy(() -> GovernorConfig.builder().listingDelay(Duration.ofHours(1).plus(NANO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listingDelay");
        assertThatThrownBy(() -> GovernorConfig.builder().listingDelay(null))
                .isInstanceOf(NullPointerException.class).hasMessage("listingDelay");
    }

    @Test
    void listingWaitAcceptsFromOneNanosecondUpToAnHour() {
        assertThat(GovernorConfig.builder().listingWait(NANO).build().listingWait()).isEqualTo(NANO);
        assertThat(GovernorConfig.builder().listingWait(Duration.ofHours(1)).build().listingWait())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void listingWaitRefusesZeroNegativeAndOverAnHour() {
        assertThatThrownBy(() -> GovernorConfig.builder().listingWait(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listingWait must be positive and at most PT1H, was PT0S");
        assertThatThrownBy(() -> GovernorConfig.builder().listingWait(NANO.negated()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listingWait");
        assertThatThrownBy(() -> GovernorConfig.builder().listingWait(Duration.ofHours(1).plus(NANO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listingWait");
        assertThatThrownBy(() -> GovernorConfig.builder().listingWait(null))
                .isInstanceOf(NullPointerException.class).hasMessage("listingWait");
    }

    @Test
    void suggestionLimitAcceptsZeroAndRefusesMinusOne() {
        assertThat(GovernorConfig.builder().suggestionLimit(0).build().suggestionLimit()).isZero();
        assertThatThrownBy(() -> GovernorConfig.builder().suggestionLimit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("suggestionLimit must not be negative, was -1");
    }

    @Test
    void blindAdmissionAndLastResortRefuseNull() {
        assertThatThrownBy(() -> GovernorConfig.builder().blindAdmission(null))
                .isInstanceOf(NullPointerException.class).hasMessage("blindAdmission");
        assertThatThrownBy(() -> GovernorConfig.builder().lastResort(null))
                .isInstanceOf(NullPointerException.class).hasMessage("lastResort");
    }

    @Test
    void aRefusedSettingLeavesTheBuilderAsItWas() {
        GovernorConfig.Builder builder = GovernorConfig.builder().permitTtl(Duration.ofSeconds(30));

        assertThatThrownBy(() -> builder.permitTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.suggestionLimit(-1)).isInstanceOf(IllegalArgumentException.class);

        GovernorConfig built = builder.build();
        assertThat(built.permitTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(built.suggestionLimit()).isEqualTo(GovernorConfig.DEFAULT_SUGGESTION_LIMIT);
    }

    @Test
    void toBuilderCarriesEverySetting() {
        GovernorConfig custom = custom();

        GovernorConfig copy = custom.toBuilder().build();

        assertThat(copy).isEqualTo(custom).hasSameHashCodeAs(custom);
        assertThat(copy.permitTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(copy.runtimeListTtl()).isEqualTo(Duration.ZERO);
        assertThat(copy.listingDelay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(copy.listingWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(copy.blindAdmission()).isEqualTo(BlindAdmission.FAIL_CLOSED);
        assertThat(copy.lastResort()).isEqualTo(LastResort.stopIdleLongerThan(Duration.ofMinutes(10)));
        assertThat(copy.suggestionLimit()).isEqualTo(1);
    }

    @Test
    void equalityTellsApartEverySetting() {
        GovernorConfig base = custom();

        assertThat(base).isNotEqualTo(base.toBuilder().permitTtl(Duration.ofSeconds(31)).build())
                .isNotEqualTo(base.toBuilder().runtimeListTtl(NANO).build())
                .isNotEqualTo(base.toBuilder().listingDelay(Duration.ofSeconds(8)).build())
                .isNotEqualTo(base.toBuilder().listingWait(Duration.ofSeconds(3)).build())
                .isNotEqualTo(base.toBuilder().blindAdmission(BlindAdmission.STATIC_CAP).build())
                .isNotEqualTo(base.toBuilder().lastResort(LastResort.disabled()).build())
                .isNotEqualTo(base.toBuilder().suggestionLimit(2).build())
                .isNotEqualTo("GovernorConfig");
    }

    @Test
    void toStringNamesEverySetting() {
        assertThat(custom().toString()).isEqualTo("GovernorConfig[permitTtl=PT30S, runtimeListTtl=PT0S, "
                + "listingDelay=PT7S, listingWait=PT2S, blindAdmission=FAIL_CLOSED, "
                + "lastResort=LastResort[enabled=true, minIdle=PT10M], suggestionLimit=1]");
    }

    private static GovernorConfig custom() {
        return GovernorConfig.builder().permitTtl(Duration.ofSeconds(30)).runtimeListTtl(Duration.ZERO)
                .listingDelay(Duration.ofSeconds(7)).listingWait(Duration.ofSeconds(2))
                .blindAdmission(BlindAdmission.FAIL_CLOSED)
                .lastResort(LastResort.stopIdleLongerThan(Duration.ofMinutes(10))).suggestionLimit(1).build();
    }
}
