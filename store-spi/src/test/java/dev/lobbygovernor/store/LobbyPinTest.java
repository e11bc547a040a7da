package dev.lobbygovernor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LobbyPinTest {

    @Test
    void keepsDigitsExactlyAsGiven() {
        assertThat(LobbyPin.of("0042").digits()).containsExactly(0, 0, 4, 2);
        assertThat(LobbyPin.ofDigits(1, 2, 3, 4).reveal()).isEqualTo("1234");
    }

    @Test
    void neverShowsItselfInToStringOrInRecordsThatHoldIt() {
        LobbyPin pin = LobbyPin.of("9731");
        LobbyRecord record = new LobbyRecord("l1", "h1", "s1", pin, Instant.EPOCH, Instant.EPOCH);
        assertThat(pin.toString()).doesNotContain("9731").isEqualTo("LobbyPin[****]");
        assertThat(record.toString()).doesNotContain("9731").doesNotContain("9, 7, 3, 1");
    }

    @Test
    void rejectsNonDigitsWithoutEchoingThem() {
        assertThatThrownBy(() -> LobbyPin.of("12a4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("12a4");
        assertThatThrownBy(() -> LobbyPin.ofDigits(1, 23))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("23");
    }

    @Test
    void digitsAreACopy() {
        LobbyPin pin = LobbyPin.of("1234");
        pin.digits()[0] = 9;
        assertThat(pin.reveal()).isEqualTo("1234");
    }

    @Test
    void equalPinsAreEqual() {
        assertThat(LobbyPin.of("1234")).isEqualTo(LobbyPin.ofDigits(1, 2, 3, 4))
                .isNotEqualTo(LobbyPin.of("1235")).isNotEqualTo(LobbyPin.of("12345"));
    }

    @Test
    void takesSixteenDigitsAndRefusesSeventeen() {
        assertThat(LobbyPin.ofDigits(new int[16]).length()).isEqualTo(16);
        assertThatThrownBy(() -> LobbyPin.ofDigits(new int[17])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LobbyPin.ofDigits()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesTheDigitsZeroToNineAndNothingJustOutside() {
        assertThat(LobbyPin.ofDigits(0, 9).reveal()).isEqualTo("09");
        assertThatThrownBy(() -> LobbyPin.ofDigits(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LobbyPin.ofDigits(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalPinsHashAlikeAndAPinIsNoString() {
        assertThat(LobbyPin.of("1234")).hasSameHashCodeAs(LobbyPin.ofDigits(1, 2, 3, 4));
        assertThat(LobbyPin.of("1234").hashCode()).isNotEqualTo(LobbyPin.of("4321").hashCode());
        assertThat(LobbyPin.of("1234")).isNotEqualTo("1234");
        assertThat(LobbyPin.of("007").length()).isEqualTo(3);
    }
}
