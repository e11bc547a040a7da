package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Help exits 0 with the usage picocli generates from the commands' annotations; usage errors
 * exit 1 with a message naming the mistake, followed by the usage of the command concerned.
 */
class CommandLineUsageTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpCommandPrintsTheUsageWithEveryCommandAndTheExitCodes() {
        assertThat(main.run("help")).isZero();
        assertThat(out())
                .startsWith("Usage: lobby-governor ")
                .contains("demo").contains("doctor").contains("lobbies").contains("status")
                .contains("Exit codes:")
                .contains("2   GPU monitoring lost")
                .contains("4   failed");
        assertThat(err()).isEmpty();
    }

    @Test
    void helpOptionPrintsTheSameUsage() {
        assertThat(main.run("--help")).isZero();
        String viaOption = out();
        out.reset();
        assertThat(main.run("help")).isZero();

        assertThat(viaOption).isEqualTo(out());
    }

    @Test
    void commandHelpPrintsThatCommandsOptionsAndExitsZero() {
        assertThat(main.run("doctor", "--help")).isZero();
        assertThat(out())
                .startsWith("Usage: lobby-governor doctor")
                .contains("--json").contains("--smi-csv=FILE").contains("--verbose")
                .doesNotContain("--wolf-socket");
    }

    @Test
    void helpCommandNamesACommand() {
        assertThat(main.run("help", "status")).isZero();
        assertThat(out()).startsWith("Usage: lobby-governor status")
                .contains("--wolf-socket=PATH").contains("$WOLF_SOCKET_PATH").contains("/var/run/wolf/wolf.sock");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(main.run()).isEqualTo(1);
        assertThat(err()).startsWith("lobby-governor: no command given").contains("Usage: lobby-governor");
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownCommandIsNamed() {
        assertThat(main.run("frobnicate")).isEqualTo(1);
        assertThat(err()).startsWith("lobby-governor: unknown command 'frobnicate'");
    }

    @Test
    void misspeltCommandGetsASuggestion() {
        assertThat(main.run("stauts")).isEqualTo(1);
        assertThat(err()).startsWith("lobby-governor: unknown command 'stauts' (did you mean status?)");
    }

    @Test
    void unknownOptionIsNamedWithItsCommandAndThatCommandsUsage() {
        assertThat(main.run("doctor", "--wolf-socket", "/x")).isEqualTo(1);
        assertThat(err()).startsWith("lobby-governor: unknown option --wolf-socket for doctor")
                .contains("Usage: lobby-governor doctor");
    }

    @Test
    void unknownTopLevelOptionIsAUsageError() {
        assertThat(main.run("--frobnicate")).isEqualTo(1);
        assertThat(err()).startsWith("lobby-governor: unknown option --frobnicate");
    }

    @Test
    void optionMissingItsValueIsAUsageError() {
        assertThat(main.run("doctor", "--smi-csv")).isEqualTo(1);
        assertThat(err()).contains("--smi-csv").contains("Missing required parameter");
    }

    @Test
    void optionFollowedByAnotherOptionHasNoValue() {
        assertThat(main.run("doctor", "--smi-csv", "--verbose")).isEqualTo(1);
        assertThat(err()).contains("Expected parameter for option '--smi-csv' but found '--verbose'");
    }

    @Test
    void flagGivenAValueIsAUsageError() {
        assertThat(main.run("demo", "--verbose=yes")).isEqualTo(1);
        assertThat(err()).contains("--verbose").contains("'yes'");
    }

    @Test
    void repeatedOptionIsAUsageError() {
        assertThat(main.run("lobbies", "--wolf-socket", "/a", "--wolf-socket", "/b")).isEqualTo(1);
        assertThat(err()).contains("option '--wolf-socket' (PATH) should be specified only once");
    }

    @Test
    void strayPositionalArgumentIsAUsageError() {
        assertThat(main.run("status", "extra")).isEqualTo(1);
        assertThat(err()).startsWith("lobby-governor: unexpected argument 'extra' for status");
    }

    @Test
    void argumentFilesAreNotExpanded() {
        // picocli would read options from a file named by @FILE; this command line takes none
        assertThat(main.run("status", "@/etc/hostname")).isEqualTo(1);
        assertThat(err()).startsWith("lobby-governor: unexpected argument '@/etc/hostname' for status");
    }

    @Test
    void unreadableSmiCsvFileIsAUsageError() {
        assertThat(main.run("doctor", "--smi-csv", "/nonexistent/gpu.csv")).isEqualTo(1);
        assertThat(err()).isEqualTo("lobby-governor: --smi-csv: cannot read /nonexistent/gpu.csv "
                + "(NoSuchFileException)" + System.lineSeparator());
    }
}
