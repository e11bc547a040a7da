package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration's defaults and validation. */
class SmiProbeConfigTest {

    @Test
    void defaultsRunNvidiaSmiFromPathWithAFiveSecondTimeout() {
        SmiProbeConfig c = SmiProbeConfig.defaults();
        assertThat(c.executable()).isEqualTo("nvidia-smi");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxStdoutBytes()).isEqualTo(256 * 1024);
        assertThat(c.maxStderrBytes()).isEqualTo(16 * 1024);
        assertThat(c.queryProcesses()).isFalse();
    }

    @Test
    void rejectsABlankExecutable() {
        assertThatThrownBy(() -> SmiProbeConfig.builder().executable(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("executable");
    }

    @Test
    void rejectsAZeroOrNegativeTimeout() {
        assertThatThrownBy(() -> SmiProbeConfig.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> SmiProbeConfig.builder().timeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOutputCapsTooSmallForAnAnswer() {
        assertThatThrownBy(() -> SmiProbeConfig.builder().maxStdoutBytes(100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStdoutBytes");
        assertThatThrownBy(() -> SmiProbeConfig.builder().maxStderrBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStderrBytes");
    }

    @Test
    void toBuilderCopiesEveryValue() {
        SmiProbeConfig c = SmiProbeConfig.builder().executable("/usr/bin/nvidia-smi").timeout(Duration.ofSeconds(2))
                .maxStdoutBytes(4096).maxStderrBytes(2048).queryProcesses(true).build();
        assertThat(c.toBuilder().build()).usingRecursiveComparison().isEqualTo(c);
    }
}
