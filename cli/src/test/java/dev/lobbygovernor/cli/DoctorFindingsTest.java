package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.nvml.NvmlGpuProbe;
import dev.lobbygovernor.smi.NvidiaSmiGpuProbe;
import dev.lobbygovernor.smi.SmiProbeConfig;
import dev.lobbygovernor.testing.FakeNvidiaSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor}'s checks of the NVIDIA stack, on a fake system tree, in text and in JSON. */
class DoctorFindingsTest {

    /** NVML and nvidia-smi both missing, so monitoring is lost and the findings must say why. */
    private static final Supplier<List<GpuProbe>> NO_GPU_LIBRARY = () -> List.of(
            NvmlGpuProbe.builder().libraryPath(Path.of("/nonexistent/libnvidia-ml.so.1")).build(),
            new NvidiaSmiGpuProbe(SmiProbeConfig.builder().executable("/nonexistent/nvidia-smi").build(),
                    Clock.systemUTC()));

    /** Docker's default rules as a daemon-reload leaves them: no NVIDIA device may be read or written. */
    private static final String RESET_RULES = "c *:* m\nb *:* m\nc 1:3 rwm\nc 136:* rwm\n";

    @TempDir
    Path root;

    record Run(int code, String out) {
    }

    private Run doctor(FakeNvidiaSystem system, Map<String, String> env, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("doctor"));
        args.addAll(List.of(options));
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), env,
                Clock.systemUTC(), NO_GPU_LIBRARY, system.path("/")).run(args.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private static final Map<String, String> TOOLKIT = Map.of(
            "NVIDIA_VISIBLE_DEVICES", "all", "NVIDIA_DRIVER_CAPABILITIES", "all");

    @Test
    void jsonHasOneFindingPerCheckWithTheDocumentedFields() throws Exception {
        Run run = doctor(FakeNvidiaSystem.healthyContainer(root), TOOLKIT, "--json");

        JsonNode findings = GpuJson.MAPPER.readTree(run.out()).get("findings");
        assertThat(findings).hasSize(5);
        List<String> checks = new ArrayList<>();
        for (JsonNode f : findings) {
            assertThat(f.properties()).extracting(Map.Entry::getKey)
                    .containsExactly("check", "status", "code", "summary", "evidence", "action");
            assertThat(f.get("status").asText()).as(f.toString()).isEqualTo("OK");
            assertThat(f.get("summary").isTextual()).isTrue();
            assertThat(f.get("evidence").isArray()).isTrue();
            assertThat(f.get("action").isNull()).as("nothing to do is null").isTrue();
            checks.add(f.get("check").asText());
        }
        assertThat(checks).containsExactly("DEVICE_NODES", "DEVICE_CGROUP", "NVML_LIBRARY", "DRIVER_VERSION",
                "CONTAINER_TOOLKIT");
    }

    @Test
    void jsonNamesTheResetCgroupWithItsAction() throws Exception {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).cgroupV1("/docker/abc", RESET_RULES);

        Run run = doctor(system, TOOLKIT, "--json");

        assertThat(run.code()).as("the exit code follows the health").isEqualTo(ExitCode.MONITORING_LOST);
        JsonNode cgroup = GpuJson.MAPPER.readTree(run.out()).at("/findings/1");
        assertThat(cgroup.get("check").asText()).isEqualTo("DEVICE_CGROUP");
        assertThat(cgroup.get("status").asText()).isEqualTo("PROBLEM");
        assertThat(cgroup.get("code").asText()).isEqualTo("CGROUP_ACCESS_REDUCED");
        assertThat(cgroup.get("action").asText())
                .startsWith("Recreate the container (the device cgroup was reset by a systemd daemon-reload)");
        assertThat(cgroup.get("evidence").toString()).contains("c 195:0 (/dev/nvidia0): 'm', needs 'rw'");
    }

    @Test
    void textNamesTheLikelyCauseWhenMonitoringFails() {
        FakeNvidiaSystem system = FakeNvidiaSystem.healthyContainer(root).driver("535.104.05");

        Run run = doctor(system, TOOLKIT);

        assertThat(run.out())
                .contains("health: MONITORING_LOST")
                .contains("checks:")
                .containsPattern("ok +DEVICE_NODES")
                .containsPattern("PROBLEM +DRIVER_VERSION +Driver/library version mismatch")
                .contains("action: Reboot the host after the driver update")
                .contains("likely cause: Driver/library version mismatch");
    }

    @Test
    void theEnvironmentReachesTheToolkitCheck() throws Exception {
        Run run = doctor(FakeNvidiaSystem.healthyContainer(root), Map.of("NVIDIA_VISIBLE_DEVICES", "void"), "--json");

        JsonNode toolkit = GpuJson.MAPPER.readTree(run.out()).at("/findings/4");
        assertThat(toolkit.get("code").asText()).isEqualTo("NO_GPU_REQUESTED");
        assertThat(toolkit.get("action").asText()).contains("--gpus all");
    }

    @Test
    void aSavedCsvIsFromAnotherMachineSoItGetsNoFindings() throws Exception {
        Path csv = root.resolve("failed.csv");
        Files.writeString(csv, "Failed to initialize NVML: Unknown Error\n");

        Run run = doctor(new FakeNvidiaSystem(root), TOOLKIT, "--smi-csv", csv.toString(), "--json");

        JsonNode findings = GpuJson.MAPPER.readTree(run.out()).get("findings");
        assertThat(findings.isArray()).isTrue();
        assertThat(findings).isEmpty();
        assertThat(doctor(new FakeNvidiaSystem(root), TOOLKIT, "--smi-csv", csv.toString()).out())
                .doesNotContain("checks:");
    }

    /** Two NVIDIA cards whose render node order is the reverse of their bus order, and an Intel one. */
    private static FakeNvidiaSystem withRenderNodes(FakeNvidiaSystem system) {
        return system.dir("/sys/devices/pci0000:00/0000:41:00.0").dir("/sys/devices/pci0000:00/0000:0a:00.0")
                .dir("/sys/devices/pci0000:00/0000:00:02.0")
                .link("/sys/class/drm/renderD128/device", "../../../devices/pci0000:00/0000:41:00.0")
                .link("/sys/class/drm/renderD129/device", "../../../devices/pci0000:00/0000:0a:00.0")
                .link("/sys/class/drm/renderD130/device", "../../../devices/pci0000:00/0000:00:02.0")
                .file("/proc/driver/nvidia/gpus/0000:41:00.0/information", "GPU UUID: \t GPU-41\n")
                .file("/proc/driver/nvidia/gpus/0000:0a:00.0/information", "GPU UUID: \t GPU-0a\n");
    }

    @Test
    void listsEachNvidiaRenderNodeWithItsGpuByPciAddressInTextAndJson() throws Exception {
        FakeNvidiaSystem system = withRenderNodes(FakeNvidiaSystem.healthyContainer(root));

        JsonNode nodes = GpuJson.MAPPER.readTree(doctor(system, TOOLKIT, "--json").out()).get("renderNodes");
        assertThat(nodes).hasSize(2);
        assertThat(nodes.get(0).get("path").asText()).isEqualTo("/dev/dri/renderD128");
        assertThat(nodes.get(0).get("gpuUuid").asText()).isEqualTo("GPU-41");
        assertThat(nodes.get(0).get("nvmlIndex").isNull()).as("no GPU was read here").isTrue();
        assertThat(nodes.get(1).get("gpuUuid").asText()).isEqualTo("GPU-0a");

        assertThat(doctor(system, TOOLKIT).out())
                .contains("render nodes (by PCI address; for placing lobbies per GPU):")
                .containsPattern("/dev/dri/renderD129 +GPU-0a  \\(not among the GPUs read above\\)")
                .doesNotContain("renderD130");
    }

    @Test
    void saysWhenThereIsNoNvidiaRenderNode() throws Exception {
        Run run = doctor(FakeNvidiaSystem.healthyContainer(root), TOOLKIT);

        assertThat(run.out()).contains("render nodes: none of an NVIDIA card");
        assertThat(GpuJson.MAPPER.readTree(doctor(FakeNvidiaSystem.healthyContainer(root), TOOLKIT, "--json").out())
                .get("renderNodes")).isEmpty();
    }
}
