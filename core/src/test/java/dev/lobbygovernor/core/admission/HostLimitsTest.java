package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Each host limit: its default, both edges of its range, and the message an operator reads. */
class HostLimitsTest {

    @Test
    void defaultsAreTheNamedConstants() {
        HostLimits limits = HostLimits.defaults();

        assertThat(limits.staticCap()).isEqualTo(5);
        assertThat(limits.warningThreshold()).isEmpty();
        assertThat(limits.headroomMiB()).isEqualTo(2048);
        assertThat(limits.perLobbyMiB()).isEqualTo(460);
        assertThat(limits.encoderSessionCap()).isEmpty();
        assertThat(limits.encoderSessionsPerLobby()).isEqualTo(1);
        assertThat(limits.encoderCapScope()).isEqualTo(EncoderCapScope.PER_HOST);
        assertThat(HostLimits.builder().build()).isEqualTo(limits);
    }

    @Test
    void staticCapAcceptsOneAndRefusesZero() {
        assertThat(HostLimits.builder().staticCap(1).build().staticCap()).isEqualTo(1);
        assertThatThrownBy(() -> HostLimits.builder().staticCap(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("staticCap must be at least 1, was 0");
    }

    @Test
    void warningThresholdAcceptsOneAndTheStaticCapButNotZeroOrAbove() {
        assertThat(HostLimits.builder().warningThreshold(1).build().warningThreshold()).hasValue(1);
        assertThat(HostLimits.builder().staticCap(5).warningThreshold(5).build().warningThreshold()).hasValue(5);
        assertThatThrownBy(() -> HostLimits.builder().warningThreshold(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warningThreshold must be at least 1, was 0");
        assertThatThrownBy(() -> HostLimits.builder().staticCap(5).warningThreshold(6).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warningThreshold must be between 1 and staticCap (5), was 6");
    }

    @Test
    void headroomAcceptsZeroAndRefusesMinusOne() {
        assertThat(HostLimits.builder().headroomMiB(0).build().headroomMiB()).isZero();
        assertThatThrownBy(() -> HostLimits.builder().headroomMiB(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("headroomMiB must not be negative, was -1");
    }

    @Test
    void perLobbyAcceptsOneAndRefusesZero() {
        assertThat(HostLimits.builder().perLobbyMiB(1).build().perLobbyMiB()).isEqualTo(1);
        assertThatThrownBy(() -> HostLimits.builder().perLobbyMiB(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("perLobbyMiB must be at least 1, was 0");
    }

    @Test
    void encoderSessionCapAcceptsOneAndRefusesZero() {
        assertThat(HostLimits.builder().encoderSessionCap(1).build().encoderSessionCap()).hasValue(1);
        assertThatThrownBy(() -> HostLimits.builder().encoderSessionCap(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoderSessionCap must be at least 1, was 0");
    }

    @Test
    void encoderSessionsPerLobbyAcceptsOneAndRefusesZero() {
        assertThat(HostLimits.builder().encoderSessionsPerLobby(1).build().encoderSessionsPerLobby()).isEqualTo(1);
        assertThat(HostLimits.builder().encoderSessionsPerLobby(2).build().encoderSessionsPerLobby()).isEqualTo(2);
        assertThatThrownBy(() -> HostLimits.builder().encoderSessionsPerLobby(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoderSessionsPerLobby must be at least 1, was 0");
    }

    @Test
    void encoderCapScopeRefusesNull() {
        assertThat(HostLimits.builder().encoderCapScope(EncoderCapScope.PER_GPU).build().encoderCapScope())
                .isEqualTo(EncoderCapScope.PER_GPU);
        assertThatThrownBy(() -> HostLimits.builder().encoderCapScope(null))
                .isInstanceOf(NullPointerException.class).hasMessage("encoderCapScope must not be null");
    }

    @Test
    void derivedWarningThresholdIsOneBelowTheCapButAtLeastOne() {
        HostLimits limits = HostLimits.defaults();

        assertThat(limits.warningThresholdFor(5)).isEqualTo(4);
        assertThat(limits.warningThresholdFor(2)).isEqualTo(1);
        assertThat(limits.warningThresholdFor(1)).isEqualTo(1);
        assertThat(limits.warningThresholdFor(0)).isEqualTo(1);
    }

    @Test
    void explicitWarningThresholdIsCappedByTheEffectiveCapButAtLeastOne() {
        HostLimits limits = HostLimits.builder().staticCap(8).warningThreshold(6).build();

        assertThat(limits.warningThresholdFor(8)).isEqualTo(6);
        assertThat(limits.warningThresholdFor(6)).isEqualTo(6);
        assertThat(limits.warningThresholdFor(5)).isEqualTo(5);
        assertThat(limits.warningThresholdFor(0)).isEqualTo(1);
    }

    @Test
    void aRefusedSettingLeavesTheBuilderAsItWas() {
        HostLimits.Builder builder = HostLimits.builder().staticCap(3);

        assertThatThrownBy(() -> builder.staticCap(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.headroomMiB(-1)).isInstanceOf(IllegalArgumentException.class);

        assertThat(builder.build().staticCap()).isEqualTo(3);
        assertThat(builder.build().headroomMiB()).isEqualTo(HostLimits.DEFAULT_HEADROOM_MIB);
    }

    @Test
    void toBuilderCarriesEveryLimit() {
        HostLimits custom = custom();

        HostLimits copy = custom.toBuilder().build();

        assertThat(copy).isEqualTo(custom).hasSameHashCodeAs(custom);
        assertThat(copy.staticCap()).isEqualTo(7);
        assertThat(copy.warningThreshold()).isEqualTo(OptionalInt.of(3));
        assertThat(copy.headroomMiB()).isEqualTo(100);
        assertThat(copy.perLobbyMiB()).isEqualTo(200);
        assertThat(copy.encoderSessionCap()).isEqualTo(OptionalInt.of(8));
        assertThat(copy.encoderSessionsPerLobby()).isEqualTo(2);
        assertThat(copy.encoderCapScope()).isEqualTo(EncoderCapScope.PER_GPU);
    }

    @Test
    void equalityTellsApartEveryLimit() {
        HostLimits base = custom();

        assertThat(base).isNotEqualTo(base.toBuilder().staticCap(6).build())
                .isNotEqualTo(base.toBuilder().warningThreshold(2).build())
                .isNotEqualTo(base.toBuilder().headroomMiB(101).build())
                .isNotEqualTo(base.toBuilder().perLobbyMiB(201).build())
                .isNotEqualTo(base.toBuilder().encoderSessionCap(9).build())
                .isNotEqualTo(base.toBuilder().encoderSessionsPerLobby(3).build())
                .isNotEqualTo(base.toBuilder().encoderCapScope(EncoderCapScope.PER_HOST).build())
                .isNotEqualTo("HostLimits");
    }

    @Test
    void toStringNamesEveryLimit() {
        assertThat(custom().toString()).isEqualTo("HostLimits[staticCap=7, warningThreshold=OptionalInt[3], "
                + "headroomMiB=100, perLobbyMiB=200, encoderSessionCap=OptionalInt[8], encoderSessionsPerLobby=2, "
                + "encoderCapScope=PER_GPU]");
    }

    private static HostLimits custom() {
        return HostLimits.builder().staticCap(7).warningThreshold(3).headroomMiB(100).perLobbyMiB(200)
                .encoderSessionCap(8).encoderSessionsPerLobby(2).encoderCapScope(EncoderCapScope.PER_GPU).build();
    }
}
