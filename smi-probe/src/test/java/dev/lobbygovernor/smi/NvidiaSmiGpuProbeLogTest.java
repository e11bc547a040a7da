package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe logs partial failures when they start and when they end, never once per sample. */
class NvidiaSmiGpuProbeLogTest {

    private static final int SAMPLES = 20;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-01-01T12:28:18Z");
    private FakeNvidiaSmi smi;

    @BeforeEach
    void install() {
        smi = FakeNvidiaSmi.install("broken-until-fixed.sh", dir);
    }

    private NvidiaSmiGpuProbe probe(boolean queryProcesses) {
        return new NvidiaSmiGpuProbe(smi.config().queryProcesses(queryProcesses).build(), clock);
    }

    private static void sample(NvidiaSmiGpuProbe probe, int times) throws ProbeException {
        for (int i = 0; i < times; i++) {
            probe.sample();
        }
    }

    private void fix() throws IOException {
        Files.createFile(smi.file("fixed"));
    }

    @Test
    void sameFieldErrorOverTwentySamplesIsOneWarning() throws ProbeException {
        NvidiaSmiGpuProbe probe = probe(false);
        try (LogCapture logs = LogCapture.library()) {
            sample(probe, SAMPLES);
            assertThat(logs.at(Level.WARN)).hasSize(1);
            assertThat(logs.renderedLines()).anyMatch(l -> l.startsWith("WARN") && l.contains("field=temperature.gpu")
                    && l.contains("value=[Unknown Error]") && l.contains("gpu=0"));
        }
    }

    @Test
    void fieldThatReadsAgainIsLoggedOnceAtInfoAndThenNothing() throws Exception {
        NvidiaSmiGpuProbe probe = probe(false);
        sample(probe, 3);
        fix();
        try (LogCapture logs = LogCapture.library()) {
            sample(probe, SAMPLES);
            assertThat(logs.events()).hasSize(1);
            assertThat(logs.renderedLines()).singleElement().satisfies(l -> assertThat(l)
                    .startsWith("INFO").contains("reads the GPU field again", "field=temperature.gpu", "gpu=0"));
        }
    }

    @Test
    void fieldFailingAgainAfterRecoveringWarnsAgain() throws Exception {
        NvidiaSmiGpuProbe probe = probe(false);
        fix();
        sample(probe, 2);
        try (LogCapture logs = LogCapture.library()) {
            Files.delete(smi.file("fixed"));
            sample(probe, 5);
            assertThat(logs.at(Level.WARN)).hasSize(1);
        }
    }

    @Test
    void failingProcessQueryOverTwentySamplesIsOneWarningAndTheGpuReadingStands() throws ProbeException {
        NvidiaSmiGpuProbe probe = probe(true);
        try (LogCapture logs = LogCapture.library()) {
            for (int i = 0; i < SAMPLES; i++) {
                GpuSample s = probe.sample();
                assertThat(s.devices()).singleElement().satisfies(d -> assertThat(d.processes()).isEmpty());
            }
            assertThat(logs.renderedLines()).filteredOn(l -> l.contains("compute processes"))
                    .singleElement().satisfies(l -> assertThat(l).startsWith("WARN"));
        }
    }

    @Test
    void processQueryAnsweringAgainIsLoggedOnceAtInfo() throws Exception {
        NvidiaSmiGpuProbe probe = probe(true);
        sample(probe, 3);
        fix();
        try (LogCapture logs = LogCapture.library()) {
            sample(probe, SAMPLES);
            assertThat(probe.sample().devices().get(0).processes()).hasSize(1);
            assertThat(logs.renderedLines()).filteredOn(l -> l.contains("compute processes"))
                    .singleElement().satisfies(l -> assertThat(l).startsWith("INFO").contains("again"));
        }
    }
}
