package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Node;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Outcome;
import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container-toolkit check's wording and evidence, branch by branch. */
class ContainerToolkitTest {

    private static final DeviceScan NO_NODES = new DeviceScan(true, List.of(), List.of());
    private static final DeviceScan NODES = new DeviceScan(true,
            List.of(new Node("nvidia0", -1, -1, Outcome.OPENED, "regular file, opened")), List.of());

    @TempDir
    Path root;

    @Test
    void podmansMarkerFileIsAContainer() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).file("/run/.containerenv", "");

        Finding f = ContainerToolkit.check(system.view(), NO_NODES);

        assertThat(f.check()).isEqualTo(Check.CONTAINER_TOOLKIT);
        assertThat(f.code()).isEqualTo(FindingCode.NO_GPU_REQUESTED);
        assertThat(f.summary()).isEqualTo("This container was started without a GPU: NVIDIA_VISIBLE_DEVICES is unset"
                + " and there is no /dev/nvidia* node.");
        assertThat(f.evidence()).containsExactly("NVIDIA_VISIBLE_DEVICES is unset",
                "/run/.containerenv exists: this is a container");
        assertThat(f.action()).startsWith("Request the GPU for the container: docker run --gpus all;")
                .endsWith("NVIDIA_VISIBLE_DEVICES=all. Then recreate the container.");
    }

    @Test
    void theContainerVariableIsAContainer() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).env("container", "podman");

        Finding f = ContainerToolkit.check(system.view(), NODES);

        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(f.code()).isEqualTo(FindingCode.TOOLKIT_NOT_USED);
        assertThat(f.evidence()).containsExactly("NVIDIA_VISIBLE_DEVICES is unset",
                "container='podman': this is a container", "/dev/nvidia* nodes are present");
        assertThat(f.action()).isEmpty();
    }

    @Test
    void aBlankContainerVariableIsNoContainer() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).env("container", " ");

        Finding f = ContainerToolkit.check(system.view(), NODES);

        assertThat(f.code()).isEqualTo(FindingCode.NOT_IN_CONTAINER);
        assertThat(f.summary()).isEqualTo("Not in a container: the NVIDIA Container Toolkit's variables do not apply.");
        assertThat(f.evidence()).containsExactly("NVIDIA_VISIBLE_DEVICES is unset",
                "no /.dockerenv, /run/.containerenv or $container");
        assertThat(f.action()).isEmpty();
    }

    @Test
    void theRequestedDevicesAreQuotedAsGiven() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).env("NVIDIA_VISIBLE_DEVICES", " GPU-1234,1 ")
                .env("NVIDIA_DRIVER_CAPABILITIES", "ALL");

        Finding f = ContainerToolkit.check(system.view(), NODES);

        assertThat(f.code()).isEqualTo(FindingCode.GPU_REQUESTED);
        assertThat(f.summary()).isEqualTo("A GPU was requested (GPU-1234,1) with the utility and video capabilities.");
        assertThat(f.evidence()).containsExactly("NVIDIA_VISIBLE_DEVICES=' GPU-1234,1 '",
                "NVIDIA_DRIVER_CAPABILITIES='ALL'");
    }

    @Test
    void noneGivesLibrariesButNoGpu() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).env("NVIDIA_VISIBLE_DEVICES", "none");

        Finding f = ContainerToolkit.check(system.view(), NODES);

        assertThat(f.code()).isEqualTo(FindingCode.NO_GPU_REQUESTED);
        assertThat(f.summary()).isEqualTo("No GPU was requested: NVIDIA_VISIBLE_DEVICES=none gives the container the"
                + " driver's libraries but no GPU.");
        assertThat(f.evidence()).containsExactly("NVIDIA_VISIBLE_DEVICES='none'");
    }

    @Test
    void voidLeavesTheContainerAlone() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).env("NVIDIA_VISIBLE_DEVICES", "void");

        Finding f = ContainerToolkit.check(system.view(), NODES);

        assertThat(f.summary()).isEqualTo("No GPU was requested: with NVIDIA_VISIBLE_DEVICES empty or 'void' the"
                + " NVIDIA runtime leaves the container alone (no GPU, no driver libraries).");
    }

    @Test
    void blankCapabilitiesAreTheDefaultWhichLacksVideo() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).env("NVIDIA_VISIBLE_DEVICES", "all")
                .env("NVIDIA_DRIVER_CAPABILITIES", "  ");

        Finding f = ContainerToolkit.check(system.view(), NODES);

        assertThat(f.code()).isEqualTo(FindingCode.CAPABILITY_MISSING);
        assertThat(f.evidence()).containsExactly("NVIDIA_VISIBLE_DEVICES='all'",
                "NVIDIA_DRIVER_CAPABILITIES is unset: the toolkit's default, compute,utility");
        assertThat(f.summary()).isEqualTo("The container lacks the driver capability video: without 'video' the"
                + " NVENC library is not mounted, so nothing in this container can encode (a container that only"
                + " monitors the GPU does not need it).");
        assertThat(f.action()).isEqualTo("Set NVIDIA_DRIVER_CAPABILITIES=all (or add video to it) in the container's"
                + " environment: docker run -e NVIDIA_DRIVER_CAPABILITIES=all, or in compose 'environment:"
                + " NVIDIA_DRIVER_CAPABILITIES: all'; then recreate the container.");
    }

    @Test
    void bothMissingCapabilitiesAreNamedTogether() {
        FakeNvidiaSystem system = new FakeNvidiaSystem(root).env("NVIDIA_VISIBLE_DEVICES", "0")
                .env("NVIDIA_DRIVER_CAPABILITIES", "compute");

        Finding f = ContainerToolkit.check(system.view(), NODES);

        assertThat(f.summary()).isEqualTo("The container lacks the driver capabilities utility and video: without"
                + " 'utility' the NVML library and nvidia-smi are not mounted; without 'video' the NVENC library is"
                + " not mounted, so nothing in this container can encode (a container that only monitors the GPU"
                + " does not need it).");
        assertThat(f.action()).startsWith("Set NVIDIA_DRIVER_CAPABILITIES=all (or add utility,video to it)");
    }
}
