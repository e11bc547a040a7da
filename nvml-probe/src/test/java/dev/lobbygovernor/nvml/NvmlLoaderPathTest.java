package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default search finds NVML the way a GPU host has it: {@code libnvidia-ml.so.1} through the
 * loader path, {@code LD_LIBRARY_PATH} included, else the development name. The loader reads
 * {@code LD_LIBRARY_PATH} at process start, so each case runs in a child JVM.
 */
class NvmlLoaderPathTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheVersionedSonameThroughLdLibraryPath() throws Exception {
        assertThat(runChild(FakeNvml.directory().resolve("soname"))).contains("devices=3");
    }

    @Test
    void fallsBackToTheUnversionedDevelopmentName() throws Exception {
        assertThat(runChild(FakeNvml.directory().resolve("devname"))).contains("devices=3");
    }

    @Test
    void withNeitherOnThePathReportsLibraryMissingNamingBoth() throws Exception {
        String output = runChild(tmp);
        // A machine with a real driver would find it; only then is there nothing to check here.
        org.junit.jupiter.api.Assumptions.assumeFalse(output.startsWith("devices="), "a real NVML is installed");
        assertThat(output).contains("failure=LIBRARY_MISSING", "libnvidia-ml.so.1 or nvidia-ml");
    }

    private String runChild(Path libraryDir) throws IOException, InterruptedException {
        Path control = Files.writeString(tmp.resolve("control"), "devices=3\n");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoaderPathMain.class.getName());
        builder.environment().put("LD_LIBRARY_PATH", libraryDir.toAbsolutePath().toString());
        builder.environment().put("FAKE_NVML_CONTROL", control.toString());
        builder.redirectErrorStream(true);
        Process child = builder.start();
        byte[] out = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        List<String> lines = text.lines().filter(l -> l.startsWith("devices=") || l.startsWith("failure=")).toList();
        assertThat(lines).as("child output:%n%s", text).hasSize(1);
        return lines.get(0);
    }
}
