package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Node;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which {@code /dev} names are the nodes the checks need, and what a scan answers about them. */
class DeviceScanTest {

    @Test
    void theExpectedNamesAreTheControlUvmAndNumberedNodes() {
        assertThat(DeviceScan.expected("nvidiactl")).isTrue();
        assertThat(DeviceScan.expected("nvidia-uvm")).isTrue();
        assertThat(DeviceScan.expected("nvidia0")).isTrue();
        assertThat(DeviceScan.expected("nvidia9999")).isTrue();
        assertThat(DeviceScan.expected("nvidia10000")).isFalse();
        assertThat(DeviceScan.expected("nvidia")).isFalse();
        assertThat(DeviceScan.expected("nvidia-uvm-tools")).isFalse();
        assertThat(DeviceScan.expected("nvidia-modeset")).isFalse();
        assertThat(DeviceScan.expected("nvidia0p1")).isFalse();
    }

    @Test
    void aNumberedNodeCarriesItsGpuNumber() {
        assertThat(DeviceScan.gpuNumber("nvidia0")).hasValue(0);
        assertThat(DeviceScan.gpuNumber("nvidia17")).hasValue(17);
        assertThat(DeviceScan.gpuNumber("nvidiactl")).isEmpty();
        assertThat(DeviceScan.gpuNumber("nvidia-uvm")).isEmpty();
    }

    @Test
    void aScanAnswersWhichNodesItHasAndHowOpeningWent() {
        DeviceScan scan = new DeviceScan(true, List.of(
                new Node("nvidiactl", -1, -1, Outcome.OPENED, "opened"),
                new Node("nvidia-uvm", -1, -1, Outcome.DENIED, "open failed: Permission denied")), List.of());

        assertThat(scan.has("nvidiactl")).isTrue();
        assertThat(scan.has("nvidia-uvm")).isTrue();
        assertThat(scan.has("nvidia0")).isFalse();
        assertThat(scan.hasGpu()).isFalse();
        assertThat(scan.anyRefused(Outcome.DENIED)).isTrue();
        assertThat(scan.anyRefused(Outcome.NOT_PERMITTED)).isFalse();
        assertThat(scan.nodes().get(1).describe()).isEqualTo("/dev/nvidia-uvm: open failed: Permission denied");
        assertThat(new DeviceScan(true, List.of(new Node("nvidia3", 195, 3, Outcome.OPENED, "opened")), List.of())
                .hasGpu()).isTrue();
    }
}
