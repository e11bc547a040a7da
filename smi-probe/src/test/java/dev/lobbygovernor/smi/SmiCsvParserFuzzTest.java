package dev.lobbygovernor.smi;

import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.testing.SeededFuzz;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The nvidia-smi CSV parser over 100,000 seeded inputs (real-looking outputs mutated, and noise
 * in CSV's alphabet): each gives a sample or a {@link ProbeException}, nothing else; and its
 * time grows linearly with the output.
 */
@Timeout(60)
class SmiCsvParserFuzzTest {

    private static final Instant T = Instant.parse("2026-01-01T12:28:18Z");
    private static final List<String> VALID = List.of(
            SmiCsvParserTest.HEADER + "\n" + SmiCsvParserTest.ROW + "\n",
            "index, name, memory.total [MiB], memory.used [MiB], power.draw [W]\r\n"
                    + "0, NVIDIA L40S, 46068 MiB, 1235 MiB, 110.23 W\r\n1, NVIDIA L40S, 46068 MiB, [N/A], [N/A]\r\n",
            "gpu_uuid, pid, process_name, used_gpu_memory [MiB]\n"
                    + "GPU-1b2c, 4242, C:\\Program Files\\x, y.exe, 512 MiB\n",
            "Failed to initialize NVML: Unknown Error\n",
            "No devices were found\n");
    private static final String[] DICTIONARY = {", ", ",", "\n", "\r\n", "[N/A]", "[Unknown Error]", "[Not Supported]",
        "[GPU requires reset]", " MiB", " W", " %", "-1", "99999999999999999999", "1.5", "index", "name",
        "memory.total [MiB]", "\"", "\u0000", "\u00e9"};

    private static String input(SplittableRandom r) {
        byte[] b = r.nextInt(4) == 0 ? SeededFuzz.noise(r, 300, "0123456789, .\n[]N/AMiBW%")
                : SeededFuzz.mutate(r, VALID.get(r.nextInt(VALID.size())).getBytes(StandardCharsets.UTF_8), DICTIONARY);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void parse(String text) {
        try {
            SmiCsvParser.read(text, "fuzz", T);
        } catch (ProbeException refused) {
            // the one failure the parser may report
        }
        try {
            SmiCsvParser.parseComputeApps(text, "fuzz");
        } catch (ProbeException refused) {
            // likewise
        }
    }

    @Test
    void aHundredThousandMutatedOutputsGiveASampleOrAProbeException() {
        SeededFuzz.run("nvidia-smi CSV parser", 100_000, SmiCsvParserFuzzTest::input, SmiCsvParserFuzzTest::parse);
    }

    @Test
    void parsingTimeIsLinearInTheOutputSize() {
        SeededFuzz.assertLinear(n -> (SmiCsvParserTest.HEADER + "\n"
                        + (SmiCsvParserTest.ROW + "\n").repeat(n / SmiCsvParserTest.ROW.length()))
                        .getBytes(StandardCharsets.UTF_8),
                b -> parse(new String(b, StandardCharsets.UTF_8)), 64 * 1024);
        SeededFuzz.assertLinear(n -> ("a, ".repeat(n / 3) + "\n").getBytes(StandardCharsets.UTF_8),
                b -> parse(new String(b, StandardCharsets.UTF_8)), 64 * 1024);
        SeededFuzz.assertLinear(n -> ("name, memory.total, memory.used\n" + "[Unknown Error], 1, 2\n".repeat(n / 21))
                        .getBytes(StandardCharsets.UTF_8),
                b -> parse(new String(b, StandardCharsets.UTF_8)), 64 * 1024);
    }
}
