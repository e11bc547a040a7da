package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.gpu.GpuProcess;
import dev.lobbygovernor.core.gpu.ProbeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words of the parser's refusals, and the shape of what it returns. */
class SmiCsvParserMessagesTest {

    @Test
    void aRequiredFieldWithAnErrorSaysErrorAndOneWithAnUnknownTokenSaysSo() {
        ProbeException error = SmiCsvParserTest.failure(
                SmiCsvParserTest.HEADER + "\n" + SmiCsvParserTest.ROW.replace("6720", "[Unknown Error]"));
        assertThat(error.getMessage()).contains("it printed an error, '[Unknown Error]'")
                .doesNotContain("does not know");
        ProbeException token = SmiCsvParserTest.failure(
                SmiCsvParserTest.HEADER + "\n" + SmiCsvParserTest.ROW.replace("6720", "[Something New]"));
        assertThat(token.getMessage()).contains("it printed a token this library does not know, '[Something New]'");
    }

    @Test
    void aValueThatIsNoNumberNamesTheColumnsUnitWhenItHasOne() {
        ProbeException withUnit = SmiCsvParserTest.failure("name, memory.total [MiB], memory.used [MiB]\nX, lots, 1\n");
        assertThat(withUnit.getMessage()).contains("'memory.total' is 'lots', not a number of MiB:");
        ProbeException without = SmiCsvParserTest.failure("name, memory.total, memory.used\nX, lots, 1\n");
        assertThat(without.getMessage()).contains("'memory.total' is 'lots', not a number:");
    }

    @Test
    void aLongLineIsCutAtTheQuoteLimitSayingHowMuchWasLeftOut() {
        String garbage = "x".repeat(1_000);
        ProbeException e = SmiCsvParserTest.failure(SmiCsvParserTest.HEADER + "\n" + garbage);
        assertThat(e.getMessage()).contains("x".repeat(160) + "… (840 more characters)'")
                .doesNotContain("x".repeat(161));
    }

    @Test
    void theProcessListsAreReadOnly() throws ProbeException {
        Map<String, List<GpuProcess>> apps = SmiCsvParser.parseComputeApps(
                "gpu_uuid, pid, process_name, used_gpu_memory [MiB]\nGPU-a, 9, real, 2\n", "t");
        assertThatThrownBy(() -> apps.get("GPU-a").add(new GpuProcess(1, 1L, GpuProcess.Kind.COMPUTE, "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
