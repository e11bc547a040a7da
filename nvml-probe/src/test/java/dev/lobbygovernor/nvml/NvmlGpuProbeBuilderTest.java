package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The probe builder rejects a missing value at the setter, naming it. */
class NvmlGpuProbeBuilderTest {

    @Test
    void rejectsAMissingLibraryPath() {
        assertThatThrownBy(() -> NvmlGpuProbe.builder().libraryPath(null))
                .isInstanceOf(NullPointerException.class).hasMessage("libraryPath must not be null");
    }

    @Test
    void rejectsAMissingClock() {
        assertThatThrownBy(() -> NvmlGpuProbe.builder().clock(null))
                .isInstanceOf(NullPointerException.class).hasMessage("clock must not be null");
    }
}
