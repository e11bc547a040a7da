package dev.lobbygovernor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device-cgroup check on fake {@code /proc/self/cgroup} and {@code devices.list} files. */
class DeviceCgroupCheckTest {

    /** Docker's defaults as they are after a daemon-reload: mknod everywhere, no NVIDIA rules. */
    private static final String AFTER_DAEMON_RELOAD = "c *:* m\nb *:* m\nc 1:3 rwm\nc 1:5 rwm\nc 1:7 rwm\n"
            + "c 5:0 rwm\nc 5:1 rwm\nc 5:2 rwm\nc 1:8 rwm\nc 1:9 rwm\nc 136:* rwm\nc 10:200 rwm\n";

    @TempDir
    Path root;

    @Test
    void runtimeRulesForEveryNvidiaDeviceAllowAccess() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root), Check.DEVICE_CGROUP);

        assertThat(f.status()).isEqualTo(FindingStatus.OK);
        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.evidence()).contains("c 195:0 (/dev/nvidia0): 'rwm'", "c 508:0 (/dev/nvidia-uvm): 'rwm'",
                "c 195:255 (/dev/nvidiactl): 'rwm'");
    }

    @Test
    void aWildcardRuleForMajor195AllowsAccess() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .cgroupV1("/docker/0123abcd", "c *:* m\nc 195:* rwm\nc 508:* rwm\n");

        assertThat(Findings.of(system, Check.DEVICE_CGROUP).code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
    }

    @Test
    void mknodOnlyAfterADaemonReloadNamesTheContainerRecreation() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .cgroupV1("/docker/0123abcd", AFTER_DAEMON_RELOAD);

        Finding f = Findings.of(system, Check.DEVICE_CGROUP);

        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ACCESS_REDUCED);
        assertThat(f.summary()).contains("c 195:0 (/dev/nvidia0): 'm'").contains("daemon-reload");
        assertThat(f.evidence()).contains("rules for major 195 or every device: c *:* m");
        assertThat(f.action()).startsWith("Recreate the container (the device cgroup was reset by a systemd daemon-reload)");
    }

    @Test
    void theSymptomShowsEvenWhereNoNodeIsLeft() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .remove("/dev/nvidiactl").remove("/dev/nvidia-uvm").remove("/dev/nvidia0")
                .cgroupV1("/", "c 195:* m\n");

        Finding f = Findings.of(system, Check.DEVICE_CGROUP);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ACCESS_REDUCED);
        assertThat(f.summary()).contains("c 195:255");
    }

    @Test
    void readsTheRulesAtTheCgroupsOwnPathWhenItIsMountedThere() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .cgroupV1("/system.slice/docker-0123abcd.scope", AFTER_DAEMON_RELOAD)
                .file("/sys/fs/cgroup/devices/system.slice/docker-0123abcd.scope/devices.list", "a *:* rwm\n");

        Finding f = Findings.of(system, Check.DEVICE_CGROUP);

        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_ALLOWS_DEVICES);
        assertThat(f.evidence().get(0)).contains("/sys/fs/cgroup/devices/system.slice/docker-0123abcd.scope/devices.list");
    }

    @Test
    void cgroupV2SaysWhatCannotBeChecked() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root).cgroupV2(), Check.DEVICE_CGROUP);

        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
        assertThat(f.code()).isEqualTo(FindingCode.CGROUP_V2);
        assertThat(f.summary()).contains("cannot be read");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("eBPF"));
    }

    @Test
    void noProcSelfCgroupIsNotApplicable() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root).remove("/proc/self/cgroup"), Check.DEVICE_CGROUP);

        assertThat(f.code()).isEqualTo(FindingCode.NO_CGROUP);
        assertThat(f.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
    }

    @Test
    void garbageDevicesListIsUnreadableNotAllowed() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root)
                .cgroupV1("/docker/0123abcd", "c 195:* rwm\n\u0000\u0001 allow everything please\n");

        Finding f = Findings.of(system, Check.DEVICE_CGROUP);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.status()).isEqualTo(FindingStatus.PROBLEM);
        assertThat(f.summary()).contains("'?? allow everything please'");
    }

    @Test
    void garbageProcSelfCgroupIsUnreadable() {
        Finding f = Findings.of(FakeNvidiaSystem.healthyContainer(root).file("/proc/self/cgroup", "not a cgroup\n"),
                Check.DEVICE_CGROUP);

        assertThat(f.code()).isEqualTo(FindingCode.UNREADABLE);
        assertThat(f.summary()).contains("'not a cgroup'");
    }
}
