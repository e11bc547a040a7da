package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code doctor --smi-csv} on the CSV sections of the real nvidia-smi captures in
 * {@code ../shared/fixtures/nvidia-smi/}, extracted at test time. The expected values were read
 * off the captures by hand; the UUIDs are masked in every capture.
 */
class DoctorSmiCsvTest {

    private static final String MASKED_UUID = "GPU-00000000-0000-0000-0000-000000000000";

    @TempDir
    Path temp;

    /** One capture section and what doctor must print for it. */
    record Expected(String capture, String phase, String name, long totalMiB, long usedMiB, long freeMiB,
            Integer gpuUtil, Integer memUtil, int encoderSessions, int temperatureC, double powerWatts) {
    }

    static Stream<Arguments> captures() {
        return Stream.of(
                new Expected("linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.txt", "idle",
                        "NVIDIA GeForce RTX 2080 SUPER", 8192, 214, 7571, 0, 9, 0, 40, 39.32),
                new Expected("linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.txt", "load",
                        "NVIDIA GeForce RTX 2080 SUPER", 8192, 819, 6967, 8, 3, 2, 45, 111.50),
                new Expected("linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.txt", "idle",
                        "NVIDIA H100 80GB HBM3", 81559, 0, 81081, 0, 0, 0, 41, 69.85),
                new Expected("linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.txt", "load",
                        "NVIDIA H100 80GB HBM3", 81559, 19818, 61263, 100, 11, 0, 59, 631.95),
                // MIG: utilisation is [N/A], which must come out null, not 0
                new Expected("linux-x86_64__nvidia-h100-mig__590.48.01.txt", "idle",
                        "NVIDIA H100 80GB HBM3", 81559, 59, 81022, null, null, 0, 42, 71.15),
                new Expected("linux-x86_64__nvidia-h100-mig__590.48.01.txt", "load",
                        "NVIDIA H100 80GB HBM3", 81559, 11125, 69956, null, null, 0, 53, 433.78),
                new Expected("linux-x86_64__nvidia-l40s__595.80.txt", "idle",
                        "NVIDIA L40S", 46068, 0, 45460, 100, 9, 0, 63, 144.97),
                new Expected("linux-x86_64__nvidia-l40s__595.80.txt", "load",
                        "NVIDIA L40S", 46068, 1235, 44225, 9, 2, 2, 54, 110.23),
                new Expected("windows-x86_64__nvidia-geforce-rtx-2080-super__591.86.txt", "idle",
                        "NVIDIA GeForce RTX 2080 SUPER", 8192, 702, 7286, 0, 0, 0, 40, 38.92),
                new Expected("windows-x86_64__nvidia-geforce-rtx-2080-super__591.86.txt", "load",
                        "NVIDIA GeForce RTX 2080 SUPER", 8192, 1296, 6692, 7, 3, 2, 45, 97.43))
                .map(e -> Arguments.of(e.capture() + " " + e.phase(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void printsTheCapturedReadingAsDocumentedJson(String label, Expected e) throws Exception {
        Path csv = SmiCaptures.writeSection(SmiCaptures.capture(e.capture()), e.phase(), temp);

        Run run = doctor("--smi-csv", csv.toString(), "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode root = GpuJson.MAPPER.readTree(run.out());
        assertThat(root.get("source").asText()).isEqualTo(csv.toString());
        assertThat(root.get("gpus")).hasSize(1);
        JsonNode gpu = root.get("gpus").get(0);
        assertThat(gpu.get("index").asInt()).isZero();
        assertThat(gpu.get("uuid").asText()).isEqualTo(MASKED_UUID);
        assertThat(gpu.get("name").asText()).isEqualTo(e.name());
        assertThat(gpu.get("memoryTotalMiB").asLong()).isEqualTo(e.totalMiB());
        assertThat(gpu.get("memoryUsedMiB").asLong()).isEqualTo(e.usedMiB());
        assertThat(gpu.get("memoryFreeMiB").asLong()).isEqualTo(e.freeMiB());
        assertNumberOrNull(gpu.get("gpuUtilizationPercent"), e.gpuUtil());
        assertNumberOrNull(gpu.get("memoryUtilizationPercent"), e.memUtil());
        assertThat(gpu.get("encoderSessions").asInt()).isEqualTo(e.encoderSessions());
        assertThat(gpu.get("temperatureC").asInt()).isEqualTo(e.temperatureC());
        assertThat(gpu.get("powerWatts").asDouble()).isEqualTo(e.powerWatts());
        assertThat(root.at("/health/status").asText()).isIn("HEALTHY", "WARNING");
        assertThat(root.at("/health/monitoringWorking").asBoolean()).isTrue();
        assertThat(root.at("/health/reasons").isArray()).isTrue();
    }

    @Test
    void nvmlInitFailureTextIsMonitoringLostWithExitCodeTwo() throws Exception {
        Path file = temp.resolve("failed.csv");
        Files.writeString(file, "Failed to initialize NVML: Unknown Error\n");

        Run run = doctor("--smi-csv", file.toString(), "--json");

        assertThat(run.code()).isEqualTo(2);
        JsonNode root = GpuJson.MAPPER.readTree(run.out());
        assertThat(root.get("gpus")).isEmpty();
        assertThat(root.at("/health/status").asText()).isEqualTo("MONITORING_LOST");
        assertThat(root.at("/health/monitoringWorking").asBoolean()).isFalse();
        assertThat(root.at("/health/reasons/0").asText())
                .contains("INIT_FAILED")
                .contains("Failed to initialize NVML: Unknown Error");
    }

    @Test
    void nvmlInitFailureTextReadsAsLostMonitoringInText() throws Exception {
        Path file = temp.resolve("failed.txt");
        Files.writeString(file, "Failed to initialize NVML: Unknown Error\n");

        Run run = doctor("--smi-csv", file.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out())
                .contains("health: MONITORING_LOST (monitoring NOT working)")
                .contains("Failed to initialize NVML: Unknown Error")
                .contains("restart");
    }

    @Test
    void garbageFileIsMalformedOutputNotAnIdleGpu() throws Exception {
        Path file = temp.resolve("garbage.csv");
        Files.writeString(file, "\u0000\u0001 this is not nvidia-smi output\n");

        Run run = doctor("--smi-csv", file.toString(), "--json");

        assertThat(run.code()).isEqualTo(2);
        JsonNode root = GpuJson.MAPPER.readTree(run.out());
        assertThat(root.at("/health/status").asText()).isEqualTo("MONITORING_LOST");
        assertThat(root.at("/health/reasons/0").asText()).contains("MALFORMED_OUTPUT");
    }

    @Test
    void allZeroReadingIsMonitoringLost() throws Exception {
        // The incident: an empty name and zero total memory are broken monitoring, not an idle GPU.
        Path file = temp.resolve("zeros.csv");
        Files.writeString(file, String.join("\n",
                "index, uuid, name, memory.total [MiB], memory.used [MiB], memory.free [MiB]",
                "0, , , 0 MiB, 0 MiB, 0 MiB", ""));

        Run run = doctor("--smi-csv", file.toString(), "--json");

        assertThat(run.code()).isEqualTo(2);
        JsonNode root = GpuJson.MAPPER.readTree(run.out());
        assertThat(root.at("/health/status").asText()).isEqualTo("MONITORING_LOST");
        assertThat(root.at("/gpus/0/memoryTotalMiB").asLong()).isZero();
        assertThat(root.at("/gpus/0/name").isNull()).isTrue();
    }

    private static void assertNumberOrNull(JsonNode node, Integer expected) {
        if (expected == null) {
            assertThat(node.isNull()).as("absent reading is null, not zero").isTrue();
        } else {
            assertThat(node.asInt()).isEqualTo(expected);
        }
    }

    record Run(int code, String out, String err) {
    }

    private static Run doctor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of("doctor"), Stream.of(args)).toArray(String[]::new);
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(all);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCaptureHasAnIdleAndALoadSection() throws Exception {
        for (String capture : List.of("linux-x86_64__nvidia-l40s__595.80.txt",
                "windows-x86_64__nvidia-geforce-rtx-2080-super__591.86.txt")) {
            assertThat(SmiCaptures.queryGpuSections(SmiCaptures.capture(capture)))
                    .extracting(SmiCaptures.CsvSection::phase).containsExactly("idle", "load");
        }
    }
}
