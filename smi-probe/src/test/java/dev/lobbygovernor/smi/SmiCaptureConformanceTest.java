package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@code query-gpu (csv …)} section of every real capture in the shared fixtures, parsed
 * and checked against the numbers read off the files by eye (and cross-checked against each
 * capture's default {@code nvidia-smi} table). Skipped without the fixtures, except under CI.
 */
class SmiCaptureConformanceTest {

    private static final String GEFORCE = "linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.txt";
    private static final String H100 = "linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.txt";
    private static final String MIG = "linux-x86_64__nvidia-h100-mig__590.48.01.txt";
    private static final String L40S = "linux-x86_64__nvidia-l40s__595.80.txt";
    private static final String WINDOWS = "windows-x86_64__nvidia-geforce-rtx-2080-super__591.86.txt";

    private static final String RTX = "NVIDIA GeForce RTX 2080 SUPER";
    private static final String H100_NAME = "NVIDIA H100 80GB HBM3";
    /** The captures mask UUIDs. */
    private static final String MASKED_UUID = "GPU-00000000-0000-0000-0000-000000000000";
    private static final Instant TAKEN = Instant.parse("2026-06-24T08:26:34Z");

    /** One GPU's values as printed in one section; {@code null} where the capture says [N/A]. */
    record Expected(String file, String phase, String name, long total, long used, long free, Integer gpuUtil,
            Integer memUtil, Integer encUtil, int tempC, double watts, int sessions, int fps, int latencyUs) {
        String key() {
            return file + " / " + phase;
        }
    }

    private static final List<Expected> EXPECTED = List.of(
            new Expected(GEFORCE, "idle", RTX, 8192, 214, 7571, 0, 9, 0, 40, 39.32, 0, 0, 0),
            new Expected(GEFORCE, "load", RTX, 8192, 819, 6967, 8, 3, 100, 45, 111.50, 2, 107, 99454),
            new Expected(H100, "idle", H100_NAME, 81559, 0, 81081, 0, 0, 0, 41, 69.85, 0, 0, 0),
            new Expected(H100, "load", H100_NAME, 81559, 19818, 61263, 100, 11, 0, 59, 631.95, 0, 0, 0),
            new Expected(MIG, "idle", H100_NAME, 81559, 59, 81022, null, null, null, 42, 71.15, 0, 0, 0),
            new Expected(MIG, "load", H100_NAME, 81559, 11125, 69956, null, null, null, 53, 433.78, 0, 0, 0),
            new Expected(L40S, "idle", "NVIDIA L40S", 46068, 0, 45460, 100, 9, 0, 63, 144.97, 0, 0, 0),
            new Expected(L40S, "load", "NVIDIA L40S", 46068, 1235, 44225, 9, 2, 60, 54, 110.23, 2, 237, 4271133),
            new Expected(WINDOWS, "idle", RTX, 8192, 702, 7286, 0, 0, 0, 40, 38.92, 0, 0, 0),
            new Expected(WINDOWS, "load", RTX, 8192, 1296, 6692, 7, 3, 100, 45, 97.43, 2, 110, 4191));

    private static Path captures;

    @BeforeEach
    void findCaptures() {
        captures = SharedFixtures.nvidiaSmiCaptures();
    }

    @Test
    void everyQueryGpuSectionOfEveryCaptureHasExpectations() {
        Set<String> found = gpuSections().keySet();
        assertThat(found).as("query-gpu sections in %s", captures)
                .containsExactlyInAnyOrderElementsOf(EXPECTED.stream().map(Expected::key).toList());
    }

    @Test
    void everyQueryGpuSectionParsesToTheValuesPrintedInIt() throws ProbeException {
        Map<String, CaptureSections.Section> sections = gpuSections();
        for (Expected e : EXPECTED) {
            GpuSample sample = SmiCsvParser.parse(sections.get(e.key()).body(), e.file(), TAKEN);
            assertThat(sample.devices()).as(e.key()).hasSize(1);
            GpuDevice d = sample.devices().get(0);
            assertThat(d.index()).as(e.key()).isZero();
            assertThat(d.name()).as(e.key()).isEqualTo(e.name());
            assertThat(d.uuid()).as(e.key()).isEqualTo(MASKED_UUID);
            assertThat(d.memoryTotalMiB()).as(e.key()).isEqualTo(e.total());
            assertThat(d.memoryUsedMiB()).as(e.key()).isEqualTo(e.used());
            assertThat(d.memoryFreeMiB()).as(e.key()).isEqualTo(e.free());
            assertThat(d.gpuUtilizationPercent()).as(e.key()).isEqualTo(e.gpuUtil());
            assertThat(d.memoryUtilizationPercent()).as(e.key()).isEqualTo(e.memUtil());
            assertThat(d.encoderUtilizationPercent()).as(e.key()).isEqualTo(e.encUtil());
            assertThat(d.temperatureC()).as(e.key()).isEqualTo(e.tempC());
            assertThat(d.powerWatts()).as(e.key()).isEqualTo(e.watts());
            assertThat(d.encoderSessions()).as(e.key()).isEqualTo(e.sessions());
            assertThat(d.encoderAverageFps()).as(e.key()).isEqualTo(e.fps());
            assertThat(d.encoderAverageLatencyUs()).as(e.key()).isEqualTo(e.latencyUs());
            assertThat(sample.source()).isEqualTo(e.file());
            assertThat(sample.takenAt()).isEqualTo(TAKEN);
        }
    }

    @Test
    void migUtilisationFieldsPrintedAsNotAvailableAreNullNotZero() throws ProbeException {
        for (String phase : List.of("idle", "load")) {
            GpuDevice d = SmiCsvParser.parse(gpuSections().get(MIG + " / " + phase).body(), MIG, TAKEN)
                    .devices().get(0);
            assertThat(d.gpuUtilizationPercent()).isNull();
            assertThat(d.memoryUtilizationPercent()).isNull();
            assertThat(d.encoderUtilizationPercent()).isNull();
        }
    }

    @Test
    void twoNvencEncodesShowAsTwoEncoderSessionsOnTheGeForceAndTheL40s() throws ProbeException {
        for (String file : List.of(GEFORCE, WINDOWS, L40S)) {
            GpuDevice load = SmiCsvParser.parse(gpuSections().get(file + " / load").body(), file, TAKEN)
                    .devices().get(0);
            assertThat(load.encoderSessions()).as(file).isEqualTo(2);
        }
    }

    @Test
    void computeAppsUnderLoadListTheEncodersWithTheirMemory() throws ProbeException {
        Map<String, CaptureSections.Section> apps = sections("query-compute-apps");
        List<GpuProcess> geforce = only(SmiCsvParser.parseComputeApps(apps.get(GEFORCE + " / load").body(), GEFORCE));
        assertThat(geforce).containsExactly(
                new GpuProcess(5268, 370L, GpuProcess.Kind.COMPUTE, "ffmpeg"),
                new GpuProcess(5267, 230L, GpuProcess.Kind.COMPUTE, "ffmpeg"));
        List<GpuProcess> h100 = only(SmiCsvParser.parseComputeApps(apps.get(H100 + " / load").body(), H100));
        assertThat(h100).extracting(GpuProcess::pid, GpuProcess::usedMemoryMiB, GpuProcess::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(11327L, 2566L, "/root/tools/memhog"),
                org.assertj.core.groups.Tuple.tuple(11328L, 1542L, "/root/tools/memhog"),
                org.assertj.core.groups.Tuple.tuple(11345L, 15690L, "./gpu_burn"));
    }

    @Test
    void windowsComputeAppsWithoutPerProcessMemoryReadAsNull() throws ProbeException {
        Map<String, CaptureSections.Section> apps = sections("query-compute-apps");
        List<GpuProcess> windows = only(SmiCsvParser.parseComputeApps(apps.get(WINDOWS + " / idle").body(), WINDOWS));
        assertThat(windows).isNotEmpty().allSatisfy(p -> assertThat(p.usedMemoryMiB()).isNull());
        assertThat(windows).extracting(GpuProcess::name).contains("C:\\Windows\\System32\\dwm.exe");
    }

    @Test
    void idleComputeAppsWithOnlyAHeaderMeanNoProcesses() throws ProbeException {
        Map<String, CaptureSections.Section> apps = sections("query-compute-apps");
        assertThat(SmiCsvParser.parseComputeApps(apps.get(GEFORCE + " / idle").body(), GEFORCE)).isEmpty();
    }

    private static List<GpuProcess> only(Map<String, List<GpuProcess>> byGpu) {
        assertThat(byGpu).containsOnlyKeys(MASKED_UUID);
        return byGpu.get(MASKED_UUID);
    }

    private static Map<String, CaptureSections.Section> gpuSections() {
        return sections("query-gpu (csv");
    }

    private static Map<String, CaptureSections.Section> sections(String titlePrefix) {
        return CaptureSections.sections(captures, titlePrefix).stream()
                .collect(Collectors.toMap(s -> s.file() + " / " + s.phase(), Function.identity()));
    }
}
