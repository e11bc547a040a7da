package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration's defaults, validation, copying and value semantics. */
class SmiProbeConfigTest {

    private static final SmiProbeConfig CUSTOM = SmiProbeConfig.builder().executable("/usr/bin/nvidia-smi")
            .timeout(Duration.ofSeconds(2)).maxStdoutBytes(4096).maxStderrBytes(2048).queryProcesses(true).build();

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
    void defaultsAreTheNamedConstants() {
        SmiProbeConfig c = SmiProbeConfig.defaults();
        assertThat(c.executable()).isEqualTo(SmiProbeConfig.DEFAULT_EXECUTABLE);
        assertThat(c.timeout()).isEqualTo(SmiProbeConfig.DEFAULT_TIMEOUT);
        assertThat(c.maxStdoutBytes()).isEqualTo(SmiProbeConfig.DEFAULT_MAX_STDOUT_BYTES);
        assertThat(c.maxStderrBytes()).isEqualTo(SmiProbeConfig.DEFAULT_MAX_STDERR_BYTES);
        assertThat(c.queryProcesses()).isEqualTo(SmiProbeConfig.DEFAULT_QUERY_PROCESSES);
    }

    @Test
    void aFreshBuilderBuildsTheDefaults() {
        assertThat(SmiProbeConfig.builder().build()).isEqualTo(SmiProbeConfig.defaults());
    }

    @Test
    void toBuilderRoundTripsToAnEqualConfiguration() {
        assertThat(CUSTOM.toBuilder().build()).isEqualTo(CUSTOM).hasSameHashCodeAs(CUSTOM);
        assertThat(SmiProbeConfig.defaults().toBuilder().build()).isEqualTo(SmiProbeConfig.defaults());
    }

    @Test
    void toBuilderChangesOnlyWhatIsSetAgain() {
        SmiProbeConfig longer = CUSTOM.toBuilder().timeout(Duration.ofSeconds(9)).build();
        assertThat(longer.timeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(longer.toBuilder().timeout(CUSTOM.timeout()).build()).isEqualTo(CUSTOM);
        assertThat(CUSTOM.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void configurationsDifferingInOneValueAreNotEqual() {
        assertThat(CUSTOM.toBuilder().executable("nvidia-smi").build()).isNotEqualTo(CUSTOM);
        assertThat(CUSTOM.toBuilder().timeout(Duration.ofSeconds(3)).build()).isNotEqualTo(CUSTOM);
        assertThat(CUSTOM.toBuilder().maxStdoutBytes(4097).build()).isNotEqualTo(CUSTOM);
        assertThat(CUSTOM.toBuilder().maxStderrBytes(2049).build()).isNotEqualTo(CUSTOM);
        assertThat(CUSTOM.toBuilder().queryProcesses(false).build()).isNotEqualTo(CUSTOM);
        assertThat(CUSTOM).isNotEqualTo(null).isNotEqualTo("SmiProbeConfig");
    }

    @Test
    void aConfigurationEqualsItself() {
        // AssertJ's isEqualTo takes the same instance as equal without asking equals
        assertThat(CUSTOM.equals(CUSTOM)).isTrue();
    }

    @Test
    void toStringShowsEveryValue() {
        assertThat(CUSTOM.toString()).contains("executable=/usr/bin/nvidia-smi", "timeout=PT2S",
                "maxStdoutBytes=4096", "maxStderrBytes=2048", "queryProcesses=true");
    }

    @Test
    void rejectsAMissingOrBlankExecutable() {
        assertThatThrownBy(() -> SmiProbeConfig.builder().executable(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("executable");
        assertThatThrownBy(() -> SmiProbeConfig.builder().executable(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("executable")
                .hasMessageContaining("blank");
    }

    @Test
    void rejectsAMissingZeroOrNegativeTimeout() {
        assertThatThrownBy(() -> SmiProbeConfig.builder().timeout(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> SmiProbeConfig.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive, was PT0S");
        assertThatThrownBy(() -> SmiProbeConfig.builder().timeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive, was PT-0.001S");
    }

    @Test
    void rejectsOutputCapsTooSmallForAnAnswer() {
        assertThatThrownBy(() -> SmiProbeConfig.builder().maxStdoutBytes(1023))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxStdoutBytes must be at least 1024, was 1023");
        assertThatThrownBy(() -> SmiProbeConfig.builder().maxStderrBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxStderrBytes must be at least 1024, was 0");
        assertThat(SmiProbeConfig.builder().maxStdoutBytes(SmiProbeConfig.MIN_OUTPUT_BYTES)
                .maxStderrBytes(SmiProbeConfig.MIN_OUTPUT_BYTES).build().maxStderrBytes()).isEqualTo(1024);
    }

    @Test
    void aRejectedValueLeavesTheBuilderAsItWas() {
        SmiProbeConfig.Builder b = CUSTOM.toBuilder();
        assertThatThrownBy(() -> b.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.build()).isEqualTo(CUSTOM);
    }
}
