package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.core.gpu.GpuProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * With {@code --json}, a failed command line answers one JSON object on stdout,
 * {@code {"error": ..., "exitCode": ...}}, and nothing on stderr; without it, the same failure is
 * text on stderr. (Wolf being unreachable is {@link WolfCommandsTest}'s.)
 */
class JsonErrorTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Supplier<List<GpuProbe>> localProbes, String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(), localProbes)
                .run(args);
    }

    private int run(String... args) {
        return run(List::of, args);
    }

    private JsonNode stdoutJson() throws Exception {
        return GpuJson.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static Supplier<List<GpuProbe>> probesThatBreak() {
        return () -> {
            throw new IllegalStateException("probe set broke");
        };
    }

    @Test
    void usageErrorAfterJsonIsAJsonError() throws Exception {
        int code = run("doctor", "--json", "--bogus");

        assertThat(code).isEqualTo(1);
        JsonNode error = stdoutJson();
        assertThat(error.get("error").asText()).isEqualTo("unknown option --bogus for doctor");
        assertThat(error.get("exitCode").asInt()).isEqualTo(1);
        assertThat(error.size()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void jsonOnACommandWithoutItStillAsksForAJsonError() throws Exception {
        int code = run("demo", "--json");

        assertThat(code).isEqualTo(1);
        assertThat(stdoutJson().get("error").asText()).isEqualTo("unknown option --json for demo");
    }

    @Test
    void unreadableFileUnderJsonIsAJsonError() throws Exception {
        int code = run("doctor", "--smi-csv", "/nonexistent/gpu.csv", "--json");

        assertThat(code).isEqualTo(1);
        assertThat(stdoutJson().get("error").asText()).isEqualTo(
                "--smi-csv: cannot read /nonexistent/gpu.csv (NoSuchFileException)");
        assertThat(stdoutJson().get("exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void unforeseenFailureUnderJsonIsAJsonErrorWithExitCodeFour() throws Exception {
        int code = run(probesThatBreak(), "doctor", "--json");

        assertThat(code).isEqualTo(4);
        assertThat(stdoutJson().get("error").asText())
                .isEqualTo("doctor failed: java.lang.IllegalStateException: probe set broke");
        assertThat(stdoutJson().get("exitCode").asInt()).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void unforeseenFailureWithoutJsonIsTextOnStderr() {
        int code = run(probesThatBreak(), "doctor");

        assertThat(code).isEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("lobby-governor: doctor failed: java.lang.IllegalStateException: probe set broke"
                        + System.lineSeparator());
    }
}
