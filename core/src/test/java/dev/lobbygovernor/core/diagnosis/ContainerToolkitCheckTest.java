package dev.lobbygovernor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The NVIDIA Container Toolkit's variables. */
class ContainerToolkitCheckTest {

    @TempDir
    Path root;

    @Test
    void allDevicesWithAllCapabilitiesIsRequested() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root), Check.CONTAINER_TOOLKIT);

        assertThat(f.status()).isEqualTo(FindingStatus.OK);
        assertThat(f.code()).isEqualTo(FindingCode.GPU_REQUESTED);
    }

    @Test
    void explicitCapabilitiesWithUtilityAndVideoAreEnough() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .env("NVIDIA_DRIVER_CAPABILITIES", "compute, Utility,video");

        assertThat(Findings.of(system, Check.CONTAINER_TOOLKIT).code()).isEqualTo(FindingCode.GPU_REQUESTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"void", "none", "", "  VOID "})
    void noGpuRequestedNamesTheComposeSetting(String value) {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).env("NVIDIA_VISIBLE_DEVICES", value);

        Finding f = Findings.of(system, Check.CONTAINER_TOOLKIT);

        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.code()).isEqualTo(FindingCode.NO_GPU_REQUESTED);
        assertThat(f.action()).contains("--gpus all").contains("capabilities: [gpu]");
    }

    @Test
    void unsetInAContainerWithoutNodesIsNoGpuRequested() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).unset("NVIDIA_VISIBLE_DEVICES")
                .remove("/dev/nvidiactl").remove("/dev/nvidia-uvm").remove("/dev/nvidia0");

        Finding f = Findings.of(system, Check.CONTAINER_TOOLKIT);

        assertThat(f.code()).isEqualTo(FindingCode.NO_GPU_REQUESTED);
        assertThat(f.evidence()).contains("/.dockerenv exists: this is a container");
    }

    @Test
    void unsetInAContainerWithNodesCameAnotherWay() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).unset("NVIDIA_VISIBLE_DEVICES");

        Finding f = Findings.of(system, Check.CONTAINER_TOOLKIT);

        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(f.code()).isEqualTo(FindingCode.TOOLKIT_NOT_USED);
    }

    @Test
    void outsideAContainerTheVariablesDoNotApply() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).unset("NVIDIA_VISIBLE_DEVICES")
                .remove("/.dockerenv");

        Finding f = Findings.of(system, Check.CONTAINER_TOOLKIT);

        assertThat(f.code()).isEqualTo(FindingCode.NOT_IN_CONTAINER);
        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
    }

    @Test
    void theDefaultCapabilitiesLackVideoSoNoNvenc() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).unset("NVIDIA_DRIVER_CAPABILITIES");

        Finding f = Findings.of(system, Check.CONTAINER_TOOLKIT);

        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.code()).isEqualTo(FindingCode.CAPABILITY_MISSING);
        assertThat(f.summary()).contains("video").contains("NVENC").doesNotContain("utility");
        assertThat(f.action()).contains("NVIDIA_DRIVER_CAPABILITIES=all");
    }

    @Test
    void withoutUtilityThereIsNoNvml() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .env("NVIDIA_DRIVER_CAPABILITIES", "compute,video\u0000,,");

        Finding f = Findings.of(system, Check.CONTAINER_TOOLKIT);

        assertThat(f.code()).isEqualTo(FindingCode.CAPABILITY_MISSING);
        assertThat(f.summary()).contains("utility").contains("NVML");
    }
}
