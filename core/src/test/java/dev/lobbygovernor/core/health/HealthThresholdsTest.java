package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each threshold's accepted range, pinned on both sides of each edge, and the value semantics. */
class HealthThresholdsTest {

    private final HealthThresholds.Builder b = HealthThresholds.builder();

    @Test
    void stalenessLimitMustBePositive() {
        assertThat(b.stalenessLimit(Duration.ofNanos(1)).build().stalenessLimit()).isEqualTo(Duration.ofNanos(1));
        assertThatThrownBy(() -> b.stalenessLimit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stalenessLimit must be positive, was PT0S");
        assertThatThrownBy(() -> b.stalenessLimit(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stalenessLimit must be positive, was PT-1S");
        assertThatThrownBy(() -> b.stalenessLimit(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("stalenessLimit");
        assertThat(b.build().stalenessLimit()).as("a refused value leaves the builder as it was")
                .isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void memoryHighPercentIsOneToAHundred() {
        assertThat(b.memoryHighPercent(1).build().memoryHighPercent()).isEqualTo(1);
        assertThat(b.memoryHighPercent(100).build().memoryHighPercent()).isEqualTo(100);
        assertThatThrownBy(() -> b.memoryHighPercent(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryHighPercent must be 1..100, was 0");
        assertThatThrownBy(() -> b.memoryHighPercent(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryHighPercent must be 1..100, was 101");
        assertThat(b.build().memoryHighPercent()).isEqualTo(100);
    }

    @Test
    void temperatureHighCelsiusIsOneToAHundredAndFifty() {
        assertThat(b.temperatureHighCelsius(1).build().temperatureHighCelsius()).isEqualTo(1);
        assertThat(b.temperatureHighCelsius(150).build().temperatureHighCelsius()).isEqualTo(150);
        assertThatThrownBy(() -> b.temperatureHighCelsius(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperatureHighCelsius must be 1..150, was 0");
        assertThatThrownBy(() -> b.temperatureHighCelsius(151)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperatureHighCelsius must be 1..150, was 151");
        assertThat(b.build().temperatureHighCelsius()).isEqualTo(150);
    }

    @Test
    void encoderSessionLimitIsZeroForNoneOrMore() {
        assertThat(b.encoderSessionLimit(0).build().encoderSessionLimit()).isZero();
        assertThat(b.encoderSessionLimit(3).build().encoderSessionLimit()).isEqualTo(3);
        assertThatThrownBy(() -> b.encoderSessionLimit(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoderSessionLimit must not be negative, was -1");
        assertThat(b.build().encoderSessionLimit()).isEqualTo(3);
    }

    @Test
    void lobbiesEncodeCanBeTurnedOff() {
        assertThat(b.lobbiesEncode(false).build().lobbiesEncode()).isFalse();
        assertThat(b.lobbiesEncode(true).build().lobbiesEncode()).isTrue();
    }

    @Test
    void toBuilderCopiesEveryValue() {
        var t = b.stalenessLimit(Duration.ofSeconds(7)).memoryHighPercent(80).temperatureHighCelsius(70)
                .encoderSessionLimit(5).lobbiesEncode(false).build();
        var copy = t.toBuilder().build();
        assertThat(copy).isEqualTo(t).hasSameHashCodeAs(t).isNotSameAs(t);
        assertThat(copy.stalenessLimit()).isEqualTo(Duration.ofSeconds(7));
        assertThat(copy.memoryHighPercent()).isEqualTo(80);
        assertThat(copy.temperatureHighCelsius()).isEqualTo(70);
        assertThat(copy.encoderSessionLimit()).isEqualTo(5);
        assertThat(copy.lobbiesEncode()).isFalse();
    }

    @Test
    void thresholdsDifferingInAnyOneValueAreNotEqual() {
        var t = HealthThresholds.defaults();
        assertThat(t).isEqualTo(HealthThresholds.builder().build()).hasSameHashCodeAs(HealthThresholds.builder().build());
        assertThat(t.toBuilder().stalenessLimit(Duration.ofSeconds(16)).build()).isNotEqualTo(t);
        assertThat(t.toBuilder().memoryHighPercent(91).build()).isNotEqualTo(t);
        assertThat(t.toBuilder().temperatureHighCelsius(86).build()).isNotEqualTo(t);
        assertThat(t.toBuilder().encoderSessionLimit(1).build()).isNotEqualTo(t);
        assertThat(t.toBuilder().lobbiesEncode(false).build()).isNotEqualTo(t);
        assertThat(t).isNotEqualTo("HealthThresholds");
        assertThat(t.toBuilder().memoryHighPercent(91).build().hashCode()).isNotEqualTo(t.hashCode());
    }

    @Test
    void toStringNamesEveryValue() {
        assertThat(HealthThresholds.defaults()).hasToString("HealthThresholds[stalenessLimit=PT15S, memoryHighPercent=90,"
                + " temperatureHighCelsius=85, encoderSessionLimit=0, lobbiesEncode=true]");
    }
}
