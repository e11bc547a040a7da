package dev.lobbygovernor.wolf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lobbygovernor.store.LobbyPin;
import org.junit.jupiter.api.Test;

/** The shared JSON configuration: a fresh mapper speaks Wolf's PIN form, and PINs are redacted from texts. */
class WolfJsonTest {

    @Test
    void aFreshMapperWritesAndReadsAPinAsWolfsDigitArray() throws Exception {
        ObjectMapper mapper = WolfJson.newMapper();
        assertThat(mapper.writeValueAsString(LobbyPin.of("0427"))).isEqualTo("[0,4,2,7]");
        assertThat(mapper.readValue("[0,4,2,7]", LobbyPin.class)).isEqualTo(LobbyPin.of("0427"));
        assertThat(mapper.readValue("{\"unknown\":1}", Probe.class)).isEqualTo(new Probe(null));
    }

    @Test
    void theModuleAloneTeachesAnyMapperThePinForm() throws Exception {
        ObjectMapper plain = new ObjectMapper().registerModule(WolfJson.module());
        assertThat(plain.writeValueAsString(LobbyPin.of("12"))).isEqualTo("[1,2]");
    }

    @Test
    void sixteenDigitsAreAPinAndSeventeenOrADigitAboveNineAreRefusedWithoutRepeatingThem() throws Exception {
        ObjectMapper mapper = WolfJson.mapper();
        assertThat(mapper.readValue("[" + "1,".repeat(15) + "1]", LobbyPin.class).length()).isEqualTo(16);
        assertThatThrownBy(() -> mapper.readValue("[" + "1,".repeat(16) + "1]", LobbyPin.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("1 to 16 decimal digits");
        assertThatThrownBy(() -> mapper.readValue("[1,2,37]", LobbyPin.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageNotContaining("37");
    }

    @Test
    void anArrayOfSixtyFourIntegersIsRefusedByThePinRulesAndALongerOneBeforeReadingOn() {
        ObjectMapper mapper = WolfJson.mapper();
        assertThatThrownBy(() -> mapper.readValue("[" + "1,".repeat(63) + "1]", LobbyPin.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("1 to 16 decimal digits");
        assertThatThrownBy(() -> mapper.readValue("[" + "1,".repeat(64) + "1]", LobbyPin.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("at most 16 integers 0-9");
    }

    @Test
    void redactingNothingGivesNothing() {
        assertThat(WolfJson.redactPins(null)).isNull();
        assertThat(WolfJson.redactPins("{\"pin\":[1,2,3,4],\"id\":\"x\"}")).isEqualTo("{\"pin\":[redacted],\"id\":\"x\"}");
    }

    /** A bean with one field, to show unknown fields are ignored. */
    record Probe(String known) {
    }
}
