package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.gpu.EncoderCapacity;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.XidCatalog;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented JSON shape of {@code doctor --json}. */
class GpuJsonTest {

    private static final HostHealth LOST = new HostHealth("local", HealthStatus.MONITORING_LOST, false, null,
            "nvidia-smi", List.of(new HealthReason.ProbeFailed(ProbeFailureCause.INIT_FAILED, "nvidia-smi",
                    "Failed to initialize NVML: Unknown Error")), Instant.EPOCH);

    @Test
    void rendersEveryDocumentedDeviceField() throws Exception {
        GpuDevice d = new GpuDevice(0, "GPU-1", "NVIDIA L40S", 46068L, 1235L, 44225L, 9, 2, 5, 54, 110.23,
                2, 60, 900, List.of());

        JsonNode n = GpuJson.MAPPER.readTree(GpuJson.write(GpuJson.device(d)));

        assertThat(n.get("index").asInt()).isZero();
        assertThat(n.get("uuid").asText()).isEqualTo("GPU-1");
        assertThat(n.get("name").asText()).isEqualTo("NVIDIA L40S");
        assertThat(n.get("memoryTotalMiB").asLong()).isEqualTo(46068L);
        assertThat(n.get("memoryUsedMiB").asLong()).isEqualTo(1235L);
        assertThat(n.get("memoryFreeMiB").asLong()).isEqualTo(44225L);
        assertThat(n.get("gpuUtilizationPercent").asInt()).isEqualTo(9);
        assertThat(n.get("memoryUtilizationPercent").asInt()).isEqualTo(2);
        assertThat(n.get("encoderSessions").asInt()).isEqualTo(2);
        assertThat(n.get("temperatureC").asInt()).isEqualTo(54);
        assertThat(n.get("powerWatts").asDouble()).isEqualTo(110.23);
    }

    @Test
    void absentReadingsAreNullNotZero() throws Exception {
        GpuDevice mig = new GpuDevice(0, "", "", null, null, null, null, null, null, null, null, null, null,
                null, List.of());

        JsonNode n = GpuJson.MAPPER.readTree(GpuJson.write(GpuJson.device(mig)));

        for (String field : List.of("uuid", "name", "memoryTotalMiB", "memoryUsedMiB", "memoryFreeMiB",
                "gpuUtilizationPercent", "memoryUtilizationPercent", "encoderSessions", "temperatureC",
                "powerWatts")) {
            assertThat(n.has(field)).as(field).isTrue();
            assertThat(n.get(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void rendersEncoderCapacityPerCodecAndEachFault() throws Exception {
        GpuDevice d = new GpuDevice(0, "GPU-1", "NVIDIA L40S", 46068L, 1235L, 44225L, 9, 2, 5, 54, 110.23,
                2, 60, 900, List.of(), List.of(XidCatalog.fault(79, Instant.EPOCH)), new EncoderCapacity(90, 70, null));

        JsonNode n = GpuJson.MAPPER.readTree(GpuJson.write(GpuJson.device(d)));

        assertThat(n.get("encoderCapacityH264Percent").asInt()).isEqualTo(90);
        assertThat(n.get("encoderCapacityHevcPercent").asInt()).isEqualTo(70);
        assertThat(n.get("encoderCapacityAv1Percent").isNull()).isTrue();
        JsonNode fault = n.get("faults").get(0);
        assertThat(fault.get("xid").asInt()).isEqualTo(79);
        assertThat(fault.get("meaning").asText()).isEqualTo("GPU has fallen off the bus");
        assertThat(fault.get("effect").asText()).isEqualTo("OUT_OF_SERVICE");
    }

    @Test
    void healthCarriesStatusMonitoringFlagAndReasonMessages() throws Exception {
        JsonNode n = GpuJson.MAPPER.readTree(GpuJson.write(GpuJson.doctor("nvidia-smi", List.of(), LOST)));

        assertThat(n.get("source").asText()).isEqualTo("nvidia-smi");
        assertThat(n.get("gpus").isArray()).isTrue();
        assertThat(n.get("gpus")).isEmpty();
        assertThat(n.at("/health/status").asText()).isEqualTo("MONITORING_LOST");
        assertThat(n.at("/health/monitoringWorking").asBoolean()).isFalse();
        assertThat(n.at("/health/reasons/0").asText()).contains("Failed to initialize NVML: Unknown Error");
    }

    @Test
    void aFindingCarriesCheckStatusCodeSummaryEvidenceAndAction() throws Exception {
        Finding f = new Finding(Check.DRIVER_VERSION, FindingStatus.PROBLEM, FindingCode.VERSION_MISMATCH,
                "Driver/library version mismatch.", List.of("kernel module: 535.104.05", "library: 550.54.15"),
                "Reboot the host after the driver update.");

        JsonNode n = GpuJson.MAPPER.readTree(GpuJson.write(GpuJson.finding(f)));

        assertThat(n.get("check").asText()).isEqualTo("DRIVER_VERSION");
        assertThat(n.get("status").asText()).isEqualTo("PROBLEM");
        assertThat(n.get("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(n.get("summary").asText()).isEqualTo("Driver/library version mismatch.");
        assertThat(n.get("evidence")).extracting(JsonNode::asText)
                .containsExactly("kernel module: 535.104.05", "library: 550.54.15");
        assertThat(n.get("action").asText()).isEqualTo("Reboot the host after the driver update.");
    }

    @Test
    void doctorWithFindingsKeepsTheOtherFields() throws Exception {
        JsonNode n = GpuJson.MAPPER.readTree(GpuJson.write(GpuJson.doctor("nvidia-smi", List.of(), LOST, List.of())));

        assertThat(n.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("source", "gpus", "health", "findings");
        assertThat(n.get("findings").isArray()).isTrue();
    }
}
