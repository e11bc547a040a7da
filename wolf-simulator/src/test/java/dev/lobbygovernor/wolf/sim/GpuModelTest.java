package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** The GPU model's figures. */
class GpuModelTest {

    private final GpuModel ada = GpuModel.rtx2000Ada();

    @Test
    void modelsTheIncidentsCard() {
        assertThat(ada.name()).isEqualTo("NVIDIA RTX 2000 Ada Generation");
        assertThat(ada.totalMemoryMiB()).isEqualTo(16380);
    }

    @Test
    void usesTheObservedMemoryAtSixLobbies() {
        assertThat(ada.memoryUsedMiB(6)).isEqualTo(6720);
    }

    @Test
    void addsEncoderSessionsPerLobby() {
        assertThat(ada.encoderSessions(0)).isZero();
        assertThat(ada.encoderSessions(5)).isEqualTo(5);
    }

    @Test
    void memoryNeverExceedsTheTotalAndGrowsWithLobbies() {
        qt().forAll(integers().between(0, 1000)).checkAssert(n -> {
            assertThat(ada.memoryUsedMiB(n)).isBetween(ada.idleMemoryUsedMiB(), ada.totalMemoryMiB());
            assertThat(ada.memoryUsedMiB(n + 1)).isGreaterThanOrEqualTo(ada.memoryUsedMiB(n));
            assertThat(ada.gpuUtilizationPercent(n)).isBetween(0, 100);
            assertThat(ada.memoryUtilizationPercent(n)).isBetween(0, 100);
        });
    }

    @Test
    void refusesImpossibleFigures() {
        assertThatThrownBy(() -> new GpuModel("", 100, 0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GpuModel("x", 0, 0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GpuModel("x", 100, 200, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GpuModel("x", 100, 0, 1, 1, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
