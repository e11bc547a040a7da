package dev.lobbygovernor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device-node check on fake trees, where plain files stand for nodes. A file with no
 * permissions is unreadable only to a non-root user, so that case runs only then; the refusals
 * root can meet (a link to nothing, a directory, a fifo) run everywhere.
 */
class DeviceNodeCheckTest {

    @TempDir
    java.nio.file.Path root;

    @Test
    void opensEveryExpectedNode() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root), Check.DEVICE_NODES);

        assertThat(f.status()).isEqualTo(FindingStatus.OK);
        assertThat(f.code()).isEqualTo(FindingCode.DEVICES_OPEN);
        assertThat(f.summary()).contains("/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia0");
        assertThat(f.action()).isEmpty();
    }

    @Test
    void noNvidiaNodeAtAllIsAbsentWithAGpuRequest() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .remove("/dev/nvidiactl").remove("/dev/nvidia-uvm").remove("/dev/nvidia0").devices("null");

        Finding f = Findings.of(system, Check.DEVICE_NODES);

        assertThat(f.code()).isEqualTo(FindingCode.DEVICES_ABSENT);
        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.action()).contains("--gpus all");
    }

    @Test
    void missingUvmNodeIsIncomplete() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root).remove("/dev/nvidia-uvm"), Check.DEVICE_NODES);

        assertThat(f.code()).isEqualTo(FindingCode.DEVICES_INCOMPLETE);
        assertThat(f.summary()).contains("/dev/nvidia-uvm");
        assertThat(f.action()).contains("nvidia-modprobe -u");
    }

    @Test
    void missingGpuNodeIsIncomplete() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root).remove("/dev/nvidia0"), Check.DEVICE_NODES);

        assertThat(f.code()).isEqualTo(FindingCode.DEVICES_INCOMPLETE);
        assertThat(f.summary()).contains("/dev/nvidia0..N");
    }

    @Test
    void nodeThatIsALinkToNothingCannotBeOpened() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .remove("/dev/nvidia0").link("/dev/nvidia0", "char/195:0-gone");

        Finding f = Findings.of(system, Check.DEVICE_NODES);

        assertThat(f.code()).isEqualTo(FindingCode.DEVICE_OPEN_FAILED);
        assertThat(f.summary()).contains("/dev/nvidia0");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("/dev/nvidia0").contains("missing file"));
    }

    @Test
    void directoryInPlaceOfANodeIsNotADevice() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).remove("/dev/nvidiactl").dir("/dev/nvidiactl");

        Finding f = Findings.of(system, Check.DEVICE_NODES);

        assertThat(f.code()).isEqualTo(FindingCode.DEVICE_OPEN_FAILED);
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("/dev/nvidiactl").contains("directory"));
    }

    @Test
    void fifoInPlaceOfANodeIsReportedWithoutOpeningIt() throws Exception {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).remove("/dev/nvidia0");
        Process mkfifo = new ProcessBuilder("mkfifo", system.path("/dev/nvidia0").toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is available");

        // opening a fifo with no writer blocks: the check must not try
        Finding f = Findings.of(system, Check.DEVICE_NODES);

        assertThat(f.code()).isEqualTo(FindingCode.DEVICE_OPEN_FAILED);
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("a fifo").contains("not opened"));
    }
}
