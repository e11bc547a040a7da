package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against fake nvidia-smi scripts: what it asks, what it reads, how it types failures. */
class NvidiaSmiGpuProbeTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-01-01T12:28:18Z");

    private NvidiaSmiGpuProbe probe(String script) {
        return new NvidiaSmiGpuProbe(FakeNvidiaSmi.install(script, dir).config().build(), clock);
    }

    private ProbeException failureOf(String script) {
        return catchThrowableOfType(() -> probe(script).sample(), ProbeException.class);
    }

    @Test
    void asksForTheGpuFieldsAsCsvWithHeaderAndWithoutUnits() throws Exception {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("eight-gpus.sh", dir);
        new NvidiaSmiGpuProbe(smi.config().build(), clock).sample();
        assertThat(smi.args()).containsExactly(
                "--query-gpu=" + String.join(",", SmiCsvParser.GPU_FIELDS), "--format=csv,nounits");
    }

    @Test
    void readsEightGpusPrintedInItsOwnColumnOrder() throws ProbeException {
        GpuSample sample = probe("eight-gpus.sh").sample();
        assertThat(sample.devices()).hasSize(8);
        GpuDevice seventh = sample.devices().get(7);
        assertThat(seventh.index()).isEqualTo(7);
        assertThat(seventh.uuid()).isEqualTo("GPU-00000007");
        assertThat(seventh.name()).isEqualTo("NVIDIA L40S");
        assertThat(seventh.memoryUsedMiB()).isEqualTo(1007L);
        assertThat(seventh.memoryTotalMiB()).isEqualTo(46068L);
        assertThat(seventh.encoderSessions()).isEqualTo(1);
        assertThat(seventh.temperatureC()).isEqualTo(47);
        assertThat(seventh.powerWatts()).isEqualTo(77.25);
    }

    @Test
    void sampleIsNamedAfterTheProbeAndStampedByTheInjectedClock() throws ProbeException {
        GpuSample sample = probe("eight-gpus.sh").sample();
        assertThat(sample.source()).isEqualTo("nvidia-smi");
        assertThat(sample.takenAt()).isEqualTo(clock.instant());
        assertThat(sample.took()).isPositive();
    }

    @Test
    void nvmlUnknownErrorIsInitFailedWithTheContainerHintAndTheRawText() {
        ProbeException e = failureOf("nvml-unknown-error.sh");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
        assertThat(e.getMessage()).contains("/dev/nvidia*", "Restart the container");
        assertThat(e.rawMessage()).isEqualTo("Failed to initialize NVML: Unknown Error");
        assertThat(e.probeName()).isEqualTo("nvidia-smi");
    }

    @Test
    void driverNotLoadedTextWithExitNineIsDriverNotLoaded() {
        assertThat(failureOf("driver-not-loaded.sh").failureCause()).isEqualTo(ProbeFailureCause.DRIVER_NOT_LOADED);
    }

    @Test
    void exitFifteenIsGpuLost() {
        ProbeException e = failureOf("gpu-lost.sh");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.GPU_LOST);
        assertThat(e.getMessage()).contains("exited 15");
    }

    @Test
    void truncatedLineIsMalformedOutputQuotingItEvenWhenItsFieldCountFits() {
        ProbeException e = failureOf("truncated-line.sh");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("truncated", "'0, GPU-00000000, NVIDIA RTX 2000 Ada Generation, 16380, 67'");
    }

    @Test
    void failureReportsWhatWasSaidOnStdoutThenOnStderr() {
        ProbeException e = failureOf("says-on-both-streams.sh");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(e.getMessage()).contains("exited 3", "NVIDIA-SMI version 550.54");
        assertThat(e.rawMessage()).containsSubsequence("NVIDIA-SMI version 550.54\n",
                "Unable to determine the device handle");
    }

    @Test
    void successWithoutAnyOutputIsMalformed() {
        ProbeException e = failureOf("empty-output.sh");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("printed nothing");
    }

    @Test
    void headerWithoutGpuLinesIsASampleOfZeroDevices() throws ProbeException {
        assertThat(probe("zero-gpus.sh").sample().devices()).isEmpty();
    }

    @Test
    void noDevicesWereFoundIsASampleOfZeroDevices() throws ProbeException {
        assertThat(probe("no-devices.sh").sample().devices()).isEmpty();
    }

    @Test
    void unknownErrorInARequiredFieldFailsTheSample() {
        ProbeException e = failureOf("unknown-token-required.sh");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(e.getMessage()).contains("memory.used", "[Unknown Error]");
    }

    @Test
    void unknownErrorInAnOptionalFieldIsNullAndLoggedAsAWarning() throws ProbeException {
        try (LogCapture logs = LogCapture.library()) {
            GpuDevice d = probe("unknown-token-optional.sh").sample().devices().get(0);
            assertThat(d.temperatureC()).isNull();
            assertThat(d.memoryUsedMiB()).isEqualTo(6720L);
            assertThat(logs.at(Level.WARN)).hasSize(1);
            assertThat(logs.renderedLines()).anyMatch(l -> l.contains("field=temperature.gpu")
                    && l.contains("value=[Unknown Error]") && l.contains("gpu=0"));
        }
    }

    @Test
    void megabyteOfGarbageIsCutOffAtTheCapAndReportedAsMalformed() {
        ProbeException e = failureOf("garbage-1mb.sh");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("more than " + SmiProbeConfig.DEFAULT_MAX_STDOUT_BYTES + " bytes");
        assertThat(e.getMessage()).hasSizeLessThan(1_000).doesNotContainPattern("[\\x00-\\x08\\x0B-\\x1F]");
        assertThat(e.rawMessage()).hasSizeLessThan(9_000);
    }

    @Test
    void megabyteOfGarbageWithinALargerCapIsMalformedQuotingTheFirstLine() throws Exception {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("garbage-1mb.sh", dir);
        NvidiaSmiGpuProbe big = new NvidiaSmiGpuProbe(smi.config().maxStdoutBytes(2 << 20).build(), clock);
        ProbeException e = catchThrowableOfType(big::sample, ProbeException.class);
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("line 1").hasSizeLessThan(1_000);
    }

    @Test
    void oldNvidiaSmiRejectingOptionalFieldsIsAskedAgainWithoutThemAndRemembers() throws ProbeException {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("old-driver.sh", dir);
        NvidiaSmiGpuProbe old = new NvidiaSmiGpuProbe(smi.config().build(), clock);
        GpuDevice d = old.sample().devices().get(0);
        assertThat(d.name()).isEqualTo("Tesla T4");
        assertThat(d.encoderSessions()).isNull();
        assertThat(smi.lines("runs")).as("three rejections, then the answer").isEqualTo(4);
        old.sample();
        assertThat(smi.lines("runs")).as("the second sample asks the reduced set at once").isEqualTo(5);
    }

    @Test
    void processQueryAttachesComputeProcessesToTheirGpus() throws ProbeException {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("with-processes.sh", dir);
        GpuSample s = new NvidiaSmiGpuProbe(smi.config().queryProcesses(true).build(), clock).sample();
        assertThat(s.devices().get(0).processes()).extracting(GpuProcess::pid).containsExactly(20037L, 20038L);
        assertThat(s.devices().get(1).processes()).containsExactly(
                new GpuProcess(20040, 512L, GpuProcess.Kind.COMPUTE, "gst-launch-1.0"));
    }

    @Test
    void failingProcessQueryKeepsTheGpuReadingAndWarns() throws ProbeException {
        FakeNvidiaSmi smi = FakeNvidiaSmi.install("eight-gpus.sh", dir); // answers the apps query with GPU CSV
        try (LogCapture logs = LogCapture.library()) {
            GpuSample s = new NvidiaSmiGpuProbe(smi.config().queryProcesses(true).build(), clock).sample();
            assertThat(s.devices()).hasSize(8).allSatisfy(d -> assertThat(d.processes()).isEmpty());
            assertThat(logs.renderedLines()).anyMatch(l -> l.startsWith("WARN") && l.contains("compute processes"));
        }
    }
}
