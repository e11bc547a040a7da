package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.store.LobbyPin;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an admission request accepts, with the longest name prefix pinned on both sides. */
class AdmissionRequestTest {

    @Test
    void aNamePrefixOfSixtyFourCharactersIsAcceptedAndSixtyFiveRefused() {
        String longest = "p".repeat(AdmissionRequest.MAX_NAME_PREFIX_LENGTH);

        assertThat(AdmissionRequest.forSession("s").named(longest).namePrefix()).isEqualTo(longest);
        assertThatThrownBy(() -> AdmissionRequest.forSession("s").named(longest + "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("namePrefix must be 1 to 64 characters without control characters");
    }

    @Test
    void aNamePrefixMustBeTextWithoutControlCharacters() {
        assertThat(AdmissionRequest.forSession("s").named("a").namePrefix()).isEqualTo("a");
        assertThatThrownBy(() -> AdmissionRequest.forSession("s").named(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdmissionRequest.forSession("s").named(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdmissionRequest.forSession("s").named("lobby\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionAndHostMustNotBeBlank() {
        assertThatThrownBy(() -> AdmissionRequest.forSession(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sessionId must not be blank");
        assertThatThrownBy(() -> AdmissionRequest.forSession(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdmissionRequest.forSession("s").onHost(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hostId must not be blank when given");
        assertThat(AdmissionRequest.forSession("s").onHost(null).hostId()).isEmpty();
    }

    @Test
    void anOpenLobbyHasNoPin() {
        AdmissionRequest open = AdmissionRequest.forSession("s").withPin(LobbyPin.of("1234")).openLobby();

        assertThat(open.open()).isTrue();
        assertThat(open.pin()).isEmpty();
        assertThat(open.withPin(LobbyPin.of("1234")).open()).isFalse();
        assertThatThrownBy(() -> new AdmissionRequest("s", Optional.empty(), Optional.of(LobbyPin.of("1234")), true,
                "lobby")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an open lobby has no PIN; give a PIN or ask for an open lobby, not both");
        assertThat(new AdmissionRequest("s", null, null, true, "lobby").pin()).isEmpty();
    }
}
