package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.health.HealthClassifier;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HealthThresholds;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.ProbeHistory;
import dev.lobbygovernor.core.health.ProbeOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What nvidia-smi's "no value" tokens mean for health: an absent total memory leaves a reading
 * nothing can be judged by, so it is lost monitoring, never a healthy GPU; an absent optional
 * field stays neutral.
 */
class SmiReadingHealthTest {

    private static final Instant T = Instant.parse("2026-01-01T12:28:18Z");
    private static final HealthClassifier CLASSIFIER = new HealthClassifier(HealthThresholds.defaults());
    private static final HostCapacity IDLE = new HostCapacity(0, 5, 4);

    private static HostHealth classify(String row) throws Exception {
        GpuSample sample = SmiCsvParser.parse(SmiCsvParserTest.HEADER + "\n" + row + "\n", "test", T);
        ProbeHistory h = CLASSIFIER.record(ProbeHistory.empty(), ProbeOutcome.of(sample), IDLE, T);
        return CLASSIFIER.classify("h", h, IDLE, T);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[N/A]", "[Not Supported]", "[Insufficient Permissions]"})
    void totalMemoryThatNvidiaSmiCannotReadIsLostMonitoring(String token) throws Exception {
        HostHealth health = classify("0, GPU-1b2c, NVIDIA RTX 2000 Ada Generation, " + token
                + ", 6720, 9660, 37, 12, 41, 61, 48.72, 2, 59, 16321");

        assertThat(health.status()).isEqualTo(HealthStatus.MONITORING_LOST);
        assertThat(health.reasons()).contains(
                new HealthReason.Implausible("devices[0].memoryTotalMiB", "no total memory reading"));
    }

    @Test
    void totalAndUsedMemoryBothUnreadableIsLostMonitoring() throws Exception {
        HostHealth health = classify("0, GPU-1b2c, NVIDIA RTX 2000 Ada Generation, [N/A], [N/A], "
                + "[N/A], 37, 12, 41, 61, 48.72, 2, 59, 16321");

        assertThat(health.status()).isEqualTo(HealthStatus.MONITORING_LOST);
    }

    @Test
    void utilisationNotSupportedUnderMigStaysNeutral() throws Exception {
        HostHealth health = classify("0, MIG-1b2c, NVIDIA H100 80GB HBM3, 81559, 6720, 74839, "
                + "[N/A], [N/A], [N/A], 61, 148.72, [N/A], [N/A], [N/A]");

        assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
    }
}
