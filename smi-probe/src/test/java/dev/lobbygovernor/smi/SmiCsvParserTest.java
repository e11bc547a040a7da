package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parser's contract, one behaviour per test, on small hand-written CSVs. */
class SmiCsvParserTest {

    static final String HEADER = "index, uuid, name, memory.total [MiB], memory.used [MiB], memory.free [MiB], "
            + "utilization.gpu [%], utilization.memory [%], utilization.encoder [%], temperature.gpu, power.draw [W], "
            + "encoder.stats.sessionCount, encoder.stats.averageFps, encoder.stats.averageLatency";
    /** The incident's GPU at 6 lobbies, as --format=csv,nounits prints it. */
    static final String ROW = "0, GPU-1b2c, NVIDIA RTX 2000 Ada Generation, 16380, 6720, 9660, 37, 12, 41, 61, 48.72, "
            + "2, 59, 16321";
    private static final Instant T = Instant.parse("2026-01-01T12:28:18Z");

    static GpuDevice only(String text) throws ProbeException {
        GpuSample s = SmiCsvParser.parse(text, "test", T);
        assertThat(s.devices()).hasSize(1);
        return s.devices().get(0);
    }

    static ProbeException failure(String text) {
        return catchThrowableOfType(() -> SmiCsvParser.parse(text, "test", T), ProbeException.class);
    }

    @Test
    void readsEveryFieldOfANounitsRow() throws ProbeException {
        GpuDevice d = only(HEADER + "\n" + ROW + "\n");
        assertThat(d).isEqualTo(new GpuDevice(0, "GPU-1b2c", "NVIDIA RTX 2000 Ada Generation", 16380L, 6720L, 9660L,
                37, 12, 41, 61, 48.72, 2, 59, 16321, java.util.List.of()));
    }

    @Test
    void findsColumnsByHeaderNameInAnyOrderIgnoringExtraColumns() throws ProbeException {
        String text = "fan.speed [%], power.draw [W], memory.used [MiB], pci.bus_id, name, memory.total [MiB], index\n"
                + "38 %, 98.10 W, 819 MiB, 00000000:0C:00.0, NVIDIA GeForce RTX 2080 SUPER, 8192 MiB, 3\n";
        GpuDevice d = only(text);
        assertThat(d.index()).isEqualTo(3);
        assertThat(d.name()).isEqualTo("NVIDIA GeForce RTX 2080 SUPER");
        assertThat(d.memoryTotalMiB()).isEqualTo(8192L);
        assertThat(d.memoryUsedMiB()).isEqualTo(819L);
        assertThat(d.powerWatts()).isEqualTo(98.10);
        assertThat(d.temperatureC()).as("column not queried").isNull();
    }

    @Test
    void readsUnitsWrittenInTheValues() throws ProbeException {
        String text = "name, memory.total [MiB], memory.used [MiB], utilization.gpu [%], power.draw [W]\n"
                + "NVIDIA L40S, 46068 MiB, 1235 MiB, 9 %, 110.23 W\n";
        GpuDevice d = only(text);
        assertThat(d.memoryTotalMiB()).isEqualTo(46068L);
        assertThat(d.gpuUtilizationPercent()).isEqualTo(9);
        assertThat(d.powerWatts()).isEqualTo(110.23);
    }

    @Test
    void acceptsCommasWithoutTheUsualSpace() throws ProbeException {
        assertThat(only(HEADER.replace(", ", ",") + "\n" + ROW.replace(", ", ",")))
                .isEqualTo(only(HEADER + "\n" + ROW));
    }

    @Test
    void readsWindowsLineEndings() throws ProbeException {
        assertThat(only(HEADER + "\r\n" + ROW + "\r\n")).isEqualTo(only(HEADER + "\n" + ROW + "\n"));
    }

    @Test
    void ignoresAByteOrderMark() throws ProbeException {
        assertThat(only("\uFEFF" + HEADER + "\n" + ROW)).isEqualTo(only(HEADER + "\n" + ROW));
    }

    @Test
    void bracketedAbsentValuesBecomeNullWithoutAFieldError() throws ProbeException {
        String row = "0, [N/A], NVIDIA H100 80GB HBM3, 81559, 59, 81022, [N/A], [Not Supported], "
                + "[Insufficient Permissions], [Requested functionality has been deprecated], [N/A], [N/A], 0, 0";
        SmiReading r = SmiCsvParser.read(HEADER + "\n" + row, "test", T);
        GpuDevice d = r.sample().devices().get(0);
        assertThat(d.uuid()).isEmpty();
        assertThat(d.gpuUtilizationPercent()).isNull();
        assertThat(d.memoryUtilizationPercent()).isNull();
        assertThat(d.encoderUtilizationPercent()).isNull();
        assertThat(d.temperatureC()).isNull();
        assertThat(d.powerWatts()).isNull();
        assertThat(d.encoderSessions()).isNull();
        assertThat(d.encoderAverageFps()).isZero();
        assertThat(r.fieldErrors()).isEmpty();
    }

    @Test
    void absentRequiredValueIsCarriedAsReadForTheHealthClassifierToJudge() throws ProbeException {
        GpuDevice d = only(HEADER + "\n" + ROW.replace("16380", "[N/A]"));
        assertThat(d.memoryTotalMiB()).isNull();
    }

    @Test
    void unknownErrorInAnOptionalFieldIsNullAndReportedAsAFieldError() throws ProbeException {
        SmiReading r = SmiCsvParser.read(HEADER + "\n" + ROW.replace(", 61, ", ", [Unknown Error], "), "test", T);
        assertThat(r.sample().devices().get(0).temperatureC()).isNull();
        assertThat(r.fieldErrors()).containsExactly(new SmiFieldError(0, "temperature.gpu", "[Unknown Error]"));
    }

    @Test
    void unknownErrorInARequiredFieldFailsTheSampleNamingTheField() {
        ProbeException e = failure(HEADER + "\n" + ROW.replace("6720", "[Unknown Error]"));
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(e.getMessage()).contains("memory.used", "GPU 0", "[Unknown Error]");
    }

    @Test
    void unrecognisedTokenInARequiredFieldIsMalformedOutputQuotingIt() {
        ProbeException e = failure(HEADER + "\n" + ROW.replace("16380", "[Something New]"));
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("memory.total", "'[Something New]'");
    }

    @Test
    void unrecognisedTokenInAnOptionalFieldIsAFieldErrorNotAnAbsentValue() throws ProbeException {
        SmiReading r = SmiCsvParser.read(HEADER + "\n" + ROW.replace(", 48.72, ", ", [GPU requires reset], "), "t", T);
        assertThat(r.fieldErrors()).containsExactly(new SmiFieldError(0, "power.draw", "[GPU requires reset]"));
    }

    @Test
    void truncatedLineIsMalformedOutputQuotingTheLine() {
        ProbeException e = failure(HEADER + "\n" + "0, GPU-1b2c, NVIDIA RTX 2000 Ada Gen");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("line 2", "'0, GPU-1b2c, NVIDIA RTX 2000 Ada Gen'");
    }

    @Test
    void longOffendingLineIsQuotedTruncatedAndWithoutControlCharacters() {
        String garbage = "\u0000\u0007" + "x".repeat(10_000);
        ProbeException e = failure(HEADER + "\n" + garbage);
        assertThat(e.getMessage()).hasSizeLessThan(600).contains("more characters").doesNotContain("\u0000", "\u0007");
        assertThat(e.rawMessage()).hasSizeLessThan(9_000);
    }

    @Test
    void emptyOrBlankOutputIsMalformed() {
        for (String text : new String[] {"", "\n", "  \r\n\t\n"}) {
            ProbeException e = failure(text);
            assertThat(e.failureCause()).as("%s", text).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
            assertThat(e.getMessage()).contains("printed nothing");
        }
    }

    @Test
    void outputWithoutHeaderIsMalformedAndSaysTheHeaderIsMissing() {
        ProbeException e = failure(ROW + "\n");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("CSV header", "noheader");
    }

    @Test
    void headerLackingARequiredFieldIsMalformed() {
        ProbeException e = failure("index, name, memory.used [MiB]\n0, X, 1\n");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("memory.total");
    }

    @Test
    void nonNumericValueIsMalformedQuotingTheLine() {
        ProbeException e = failure(HEADER + "\n" + ROW.replace("6720", "lots"));
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
        assertThat(e.getMessage()).contains("memory.used", "'lots'", "line 2");
    }

    @Test
    void valueInAnotherUnitThanItsHeaderIsMalformed() {
        ProbeException e = failure("name, memory.total [MiB], memory.used [MiB]\nX, 16 GiB, 1 MiB\n");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT);
    }

    @Test
    void headerWithoutRowsIsAReadingOfZeroGpus() throws ProbeException {
        assertThat(SmiCsvParser.parse(HEADER + "\n", "test", T).devices()).isEmpty();
    }

    @Test
    void noDevicesWereFoundIsAReadingOfZeroGpus() throws ProbeException {
        assertThat(SmiCsvParser.parse("No devices were found\n", "test", T).devices()).isEmpty();
    }

    @Test
    void fileHoldingOnlyTheNvmlUnknownErrorIsInitFailedWithTheContainerHint() {
        ProbeException e = failure("Failed to initialize NVML: Unknown Error\n");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
        assertThat(e.getMessage()).contains("/dev/nvidia", "Restart the container");
        assertThat(e.rawMessage()).isEqualTo("Failed to initialize NVML: Unknown Error");
    }

    @Test
    void lostGpuMessageInPlaceOfARowIsGpuLost() {
        ProbeException e = failure(HEADER + "\n" + ROW + "\nUnable to determine the device handle for GPU0000:02:00.0: "
                + "GPU is lost.  Reboot the system to recover this GPU\n");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.GPU_LOST);
    }

    @Test
    void devicesComeInIndexOrder() throws ProbeException {
        String text = HEADER + "\n" + ROW.replaceFirst("0, GPU-1b2c", "1, GPU-2") + "\n" + ROW + "\n";
        assertThat(SmiCsvParser.parse(text, "test", T).devices()).extracting(GpuDevice::index).containsExactly(0, 1);
    }

    @Test
    void withoutAnIndexColumnRowsAreNumberedInOrder() throws ProbeException {
        String text = "name, memory.total [MiB], memory.used [MiB]\nA, 1, 0\nB, 2, 0\n";
        assertThat(SmiCsvParser.parse(text, "test", T).devices()).extracting(GpuDevice::index, GpuDevice::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "A"), org.assertj.core.groups.Tuple.tuple(1, "B"));
    }

    @Test
    void sampleCarriesTheSourceAndTime() throws ProbeException {
        GpuSample s = SmiCsvParser.parse(HEADER + "\n" + ROW, "/var/log/smi.csv", T);
        assertThat(s.source()).isEqualTo("/var/log/smi.csv");
        assertThat(s.takenAt()).isEqualTo(T);
        assertThat(s.skippedFailures()).isEmpty();
    }
}
