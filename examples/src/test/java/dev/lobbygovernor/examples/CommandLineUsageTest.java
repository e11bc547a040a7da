package dev.lobbygovernor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage errors exit 1 with a message naming the mistake, followed by the usage text. */
class CommandLineUsageTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(main.run()).isEqualTo(1);
        assertThat(err()).contains("no command given").contains("usage: lobby-governor");
    }

    @Test
    void unknownCommandIsNamed() {
        assertThat(main.run("frobnicate")).isEqualTo(1);
        assertThat(err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void unknownOptionIsNamedWithItsCommand() {
        assertThat(main.run("doctor", "--wolf-socket", "/x")).isEqualTo(1);
        assertThat(err()).contains("unknown option --wolf-socket for doctor");
    }

    @Test
    void optionMissingItsValueIsAUsageError() {
        assertThat(main.run("doctor", "--smi-csv")).isEqualTo(1);
        assertThat(err()).contains("option --smi-csv needs a value");
    }

    @Test
    void optionFollowedByAnotherOptionHasNoValue() {
        assertThat(main.run("doctor", "--smi-csv", "--json")).isEqualTo(1);
        assertThat(err()).contains("option --smi-csv needs a value");
    }

    @Test
    void flagGivenAValueIsAUsageError() {
        assertThat(main.run("doctor", "--json=yes")).isEqualTo(1);
        assertThat(err()).contains("option --json takes no value");
    }

    @Test
    void repeatedOptionIsAUsageError() {
        assertThat(main.run("lobbies", "--json", "--json")).isEqualTo(1);
        assertThat(err()).contains("option --json given twice");
    }

    @Test
    void strayPositionalArgumentIsAUsageError() {
        assertThat(main.run("status", "extra")).isEqualTo(1);
        assertThat(err()).contains("unexpected argument 'extra' for status");
    }

    @Test
    void unreadableSmiCsvFileIsAUsageError() {
        assertThat(main.run("doctor", "--smi-csv", "/nonexistent/gpu.csv")).isEqualTo(1);
        assertThat(err()).contains("/nonexistent/gpu.csv");
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(main.run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("usage: lobby-governor")
                .contains("demo").contains("doctor").contains("lobbies").contains("status")
                .contains("exit codes");
    }

    @Test
    void equalsFormOfAnOptionIsAccepted() throws UsageException {
        Arguments args = Arguments.parse(new String[] {"lobbies", "--wolf-socket=/run/wolf.sock", "--json"},
                Map.of("lobbies", Map.of("--wolf-socket", Arguments.Kind.VALUE, "--json", Arguments.Kind.FLAG)));
        assertThat(args.value("--wolf-socket")).contains("/run/wolf.sock");
        assertThat(args.has("--json")).isTrue();
    }
}
