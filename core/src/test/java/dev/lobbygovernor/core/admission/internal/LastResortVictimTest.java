package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.EncoderCapScope;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A last resort stops only a lobby whose freed slot can take the new one. */
class LastResortVictimTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final EffectiveCap ONE_GPU_FAULTED = new EffectiveCap(5, LimitKind.GPU_MEMORY, 4, null, 0, 1, 0,
            EncoderCapScope.PER_HOST, List.of(new GpuSlot("A", 3, LimitKind.GPU_FAULT, 0), new GpuSlot("B", 2, null, 0)));

    private static LobbyRecord on(String gpu) {
        return new LobbyRecord("l", "h", "s", null, T, T, gpu);
    }

    @Test
    void aLobbyOnAGpuThatTakesLobbiesFreesAUsableSlot() {
        assertThat(LastResortStopper.freesAGpuThatAdmits(ONE_GPU_FAULTED, on("B"))).isTrue();
    }

    @Test
    void aLobbyOnAGpuThatTakesNoLobbyFreesNothingUsable() {
        assertThat(LastResortStopper.freesAGpuThatAdmits(ONE_GPU_FAULTED, on("A"))).isFalse();
    }

    @Test
    void aLobbyNothingPlacesCountsAgainstEveryGpuSoStoppingItHelps() {
        assertThat(LastResortStopper.freesAGpuThatAdmits(ONE_GPU_FAULTED, on(null))).isTrue();
        assertThat(LastResortStopper.freesAGpuThatAdmits(ONE_GPU_FAULTED, on("gone"))).isTrue();
        assertThat(LastResortStopper.freesAGpuThatAdmits(
                new EffectiveCap(5, LimitKind.STATIC, 4, null, 0, 1, 0), on("A"))).isTrue();
    }
}
