package dev.lobbygovernor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.store.ReservationRecord.Phase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The store's value types refuse what the SPI forbids and answer their questions per phase and status. */
class StoreRecordsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void lobbyRecordRefusesEachBlankId() {
        assertThatThrownBy(() -> new LobbyRecord(" ", "h", "s", null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lobbyId");
        assertThatThrownBy(() -> new LobbyRecord("l", "", "s", null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostId");
        assertThatThrownBy(() -> new LobbyRecord("l", "h", null, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessionId");
        assertThat(new LobbyRecord("l", "h", "s", null, T0, T0).lobbyId()).isEqualTo("l");
    }

    @Test
    void reservationRefusesEachBlankIdAndABlankName() {
        assertThatThrownBy(() -> reserved(" ", "h", "s", "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reservationId");
        assertThatThrownBy(() -> reserved("r", "", "s", "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostId");
        assertThatThrownBy(() -> reserved("r", "h", "\t", "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessionId");
        assertThatThrownBy(() -> reserved("r", "h", "s", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lobbyName");
        assertThat(reserved("r", "h", "s", "n").lobbyName()).isEqualTo("n");
    }

    @Test
    void onlyAReservationWithACreateAttemptMayHaveALobby() {
        ReservationRecord reserved = reserved("r", "h", "s", "n");
        assertThat(reserved.maybeCreated()).isFalse();
        assertThat(reserved.creating(T0).maybeCreated()).isTrue();
        assertThat(reserved.creating(T0).abandoned().maybeCreated()).isTrue();
        assertThat(reserved.creating(T0).abandoned().phase()).isEqualTo(Phase.ABANDONED);
    }

    @Test
    void aReservationHasAPinExactlyWhenGivenOne() {
        LobbyPin pin = LobbyPin.of("4711");
        assertThat(ReservationRecord.reserved("r", "h", "s", pin, "n", T0, T0.plusSeconds(30)).optionalPin())
                .contains(pin);
        assertThat(reserved("r", "h", "s", "n").optionalPin()).isEmpty();
    }

    @Test
    void onlyAPresentSessionIsLive() {
        assertThat(SessionState.present("s").isLive()).isTrue();
        assertThat(SessionState.softDeleted("s", T0).isLive()).isFalse();
        assertThat(SessionState.gone("s").isLive()).isFalse();
    }

    private static ReservationRecord reserved(String id, String host, String session, String name) {
        return ReservationRecord.reserved(id, host, session, null, name, T0, T0.plusSeconds(30));
    }
}
