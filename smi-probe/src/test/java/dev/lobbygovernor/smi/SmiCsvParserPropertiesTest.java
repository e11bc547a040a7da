package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.smi.internal.Text;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * For any text the parser returns a sample or a typed {@link ProbeException}, never anything
 * else, with a bounded message, in time linear in the input.
 */
class SmiCsvParserPropertiesTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SOURCE = "prop";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Pieces nvidia-smi output is made of, plus the ways it breaks. */
    private static final List<String> VOCABULARY = List.of(
            SmiCsvParserTest.HEADER, SmiCsvParserTest.ROW, "index", "name", "memory.total [MiB]", "memory.used",
            "power.draw [W]", " [", "]", ", ", ",", "\n", "\r\n", "\r", " ", "0", "42", "8192 MiB", "45 %",
            "111.50 W", "-1", "1.5", "99999999999999999999", "[N/A]", "[Not Supported]", "[Unknown Error]",
            "[Insufficient Permissions]", "[", "[]", "NVIDIA L40S", "GPU-0000", "\uFEFF", "\u0000", "\uFFFD", "é",
            "Failed to initialize NVML: Unknown Error", "No devices were found", "GPU is lost", "MiB", "%");

    private static final Gen<String> FROM_VOCABULARY = lists().of(Generate.pick(VOCABULARY))
            .ofSizeBetween(0, 60).map(parts -> String.join("", parts));

    private static final Gen<String> VALID = Generate.pick(List.of(
            SmiCsvParserTest.HEADER + "\n" + SmiCsvParserTest.ROW + "\n",
            SmiCsvParserTest.HEADER + "\r\n" + SmiCsvParserTest.ROW + "\r\n"
                    + SmiCsvParserTest.ROW.replaceFirst("0, GPU-1b2c", "1, GPU-2") + "\r\n"));

    /** A valid answer with one random edit: cut short, a span deleted, or a piece inserted. */
    private static final Gen<String> MUTATED = VALID.zip(integers().between(0, 10_000), integers().between(0, 40),
            Generate.pick(VOCABULARY), (text, at, len, piece) -> {
                int i = at % (text.length() + 1);
                return switch (len % 3) {
                    case 0 -> text.substring(0, i);
                    case 1 -> text.substring(0, i) + text.substring(Math.min(text.length(), i + len));
                    default -> text.substring(0, i) + piece + text.substring(i);
                };
            });

    @Test
    void arbitraryTextYieldsASampleOrATypedFailure() {
        qt().withExamples(1_500).forAll(strings().allPossible().ofLengthBetween(0, 400))
                .checkAssert(SmiCsvParserPropertiesTest::sampleOrTypedFailure);
    }

    @Test
    void textMadeOfNvidiaSmiPiecesYieldsASampleOrATypedFailure() {
        qt().withExamples(3_000).forAll(FROM_VOCABULARY).checkAssert(SmiCsvParserPropertiesTest::sampleOrTypedFailure);
    }

    @Test
    void validAnswerWithOneEditYieldsASampleOrATypedFailure() {
        qt().withExamples(2_000).forAll(MUTATED).checkAssert(SmiCsvParserPropertiesTest::sampleOrTypedFailure);
    }

    /**
     * Parsing 16 copies of an input takes at most 4 × 16 times as long as parsing one, so a
     * quadratic step (256 ×) would fail. Each input is about 64 K characters. Time is this
     * thread's CPU time (other builds on a shared machine do not count), the best of several
     * runs, and a failing example is measured again before it counts.
     */
    @Test
    void parsingTimeGrowsLinearlyWithTheInput() {
        Gen<String> unit = Generate.oneOf(FROM_VOCABULARY, MUTATED, strings().allPossible().ofLengthBetween(1, 200))
                .map(s -> s.isEmpty() ? "," : s); // rather than an assumption: empty units are common
        qt().withExamples(8).withShrinkCycles(0).forAll(unit).checkAssert(u -> {
            int copies = Math.max(1, 64_000 / u.length());
            String small = u.repeat(copies);
            String large = u.repeat(copies * 16);
            double ratio = Double.MAX_VALUE;
            for (int attempt = 0; attempt < 5 && ratio >= 64; attempt++) {
                ratio = (double) bestTime(large) / Math.max(bestTime(small), 200_000);
            }
            assertThat(ratio).as("time(16n)/time(n) for %s", Text.quote(u)).isLessThan(64);
        });
    }

    private static long bestTime(String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            long start = cpuTime();
            try {
                SmiCsvParser.read(text, SOURCE, T);
            } catch (ProbeException expected) {
                // Failing fast is fine; only the time matters here.
            }
            best = Math.min(best, cpuTime() - start);
        }
        return best;
    }

    private static long cpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static void sampleOrTypedFailure(String text) {
        try {
            SmiReading reading = SmiCsvParser.read(text, SOURCE, T);
            GpuSample sample = reading.sample();
            assertThat(sample.source()).isEqualTo(SOURCE);
            assertThat(sample.devices()).isSortedAccordingTo(java.util.Comparator.comparingInt(GpuDevice::index));
            assertThat(reading.fieldErrors()).allSatisfy(
                    e -> assertThat(SmiCsvParser.GPU_FIELDS).contains(e.field()));
        } catch (ProbeException e) {
            assertThat(e.probeName()).isEqualTo(SOURCE);
            assertThat(e.failureCause()).isNotNull();
            assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(1_500)
                    .doesNotContainPattern("[\\x00-\\x08\\x0B-\\x1F]");
            assertThat(e.rawMessage()).hasSizeLessThan(9_000);
        }
    }
}
