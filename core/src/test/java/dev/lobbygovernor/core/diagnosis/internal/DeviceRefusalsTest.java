package dev.lobbygovernor.core.diagnosis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Node;
import dev.lobbygovernor.core.diagnosis.internal.DeviceScan.Outcome;
import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusals a fake tree cannot produce: the kernel's "Operation not permitted" (a device
 * cgroup, v1 or v2, denying a node) and "Permission denied" when the tests run as root. The JDK
 * reports EACCES as {@link AccessDeniedException} and EPERM as a {@link FileSystemException}
 * whose reason is the kernel's text; these tests build those exceptions as the JDK does.
 */
class DeviceRefusalsTest {

    @TempDir
    Path root;

    @Test
    void operationNotPermittedIsTheCgroupRefusing() {
        IOException eperm = new FileSystemException("/dev/nvidia0", null, "Operation not permitted");

        assertThat(DeviceNodes.outcomeOf(eperm)).isEqualTo(Outcome.NOT_PERMITTED);
    }

    @Test
    void permissionDeniedIsTheFilesMode() {
        assertThat(DeviceNodes.outcomeOf(new AccessDeniedException("/dev/nvidia0"))).isEqualTo(Outcome.DENIED);
    }

    @Test
    void otherFailuresAreNeitherRefusal() {
        IOException enxio = new FileSystemException("/dev/nvidia3", null, "No such device or address");

        assertThat(DeviceNodes.outcomeOf(enxio)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void nodesTheCgroupRefusesNameTheContainerRecreation() {
        Finding f = DeviceNodes.judge(refused(Outcome.NOT_PERMITTED));

        assertThat(f.code()).isEqualTo(FindingCode.DEVICE_OPEN_NOT_PERMITTED);
        assertThat(f.summary()).contains("/dev/nvidia0").contains("Operation not permitted");
        assertThat(f.action()).startsWith("Recreate the container (the device cgroup was reset by a systemd daemon-reload)");
    }

    @Test
    void nodesTheModeRefusesNameTheUser() {
        Finding f = DeviceNodes.judge(refused(Outcome.DENIED));

        assertThat(f.code()).isEqualTo(FindingCode.DEVICE_OPEN_DENIED);
        assertThat(f.action()).contains("user");
    }

    @Test
    void underCgroupV2AnOperationNotPermittedIsTheResetDeviceProgram() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).cgroupV2();

        Finding f = DeviceCgroup.check(system.view(), refused(Outcome.NOT_PERMITTED));

        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ACCESS_REDUCED);
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("eBPF"));
        assertThat(f.action()).startsWith("Recreate the container (the device cgroup was reset by a systemd daemon-reload)");
    }

    @Test
    void underCgroupV2APermissionDeniedIsNotTheCgroup() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).cgroupV2();

        Finding f = DeviceCgroup.check(system.view(), refused(Outcome.DENIED));

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_V2);
        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
    }

    private static DeviceScan refused(Outcome outcome) {
        return new DeviceScan(true, List.of(
                new Node("nvidia-uvm", 508, 0, Outcome.OPENED, "character device 508:0, opened"),
                new Node("nvidia0", 195, 0, outcome, "character device 195:0, open failed"),
                new Node("nvidiactl", 195, 255, Outcome.OPENED, "character device 195:255, opened")), List.of());
    }
}
