package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import dev.lobbygovernor.testing.LogCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe logs changes, never samples: a host sampling every 2 s must not fill its log. */
class NvmlQuietLogTest {

    @TempDir
    Path tmp;

    @Test
    void healthySamplingLogsOnlyTheSessionStart() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(2));
        try (LogCapture logs = LogCapture.library(); NvmlGpuProbe probe = fake.probe()) {
            for (int i = 0; i < 100; i++) {
                probe.sample();
            }

            assertThat(logs.renderedLines()).singleElement().asString()
                    .startsWith("INFO NVML session started").contains("driver=550.54.15", "init=nvmlInit_v2");
        }
    }

    @Test
    void aLastingFailureIsLoggedOnceAndItsRecoveryOnce() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1).with("init_return", 999));
        try (LogCapture logs = LogCapture.library(); NvmlGpuProbe probe = fake.probe()) {
            for (int i = 0; i < 20; i++) {
                catchThrowableOfType(NvmlProbeException.class, probe::sample);
            }
            fake.write(Control.devices(1));
            for (int i = 0; i < 20; i++) {
                probe.sample();
            }

            assertThat(logs.at(Level.WARN)).singleElement().extracting(e -> e.getFormattedMessage()).asString()
                    .contains("NVML could not be initialised", "Unknown Error");
            assertThat(logs.renderedLines()).filteredOn(l -> l.startsWith("INFO"))
                    .hasSize(2)
                    .anySatisfy(l -> assertThat(l).startsWith("INFO NVML session started"))
                    .anySatisfy(l -> assertThat(l).startsWith("INFO NVML answers again"));
        }
    }

    @Test
    void aGpuFailingBesideHealthyOnesIsLoggedOncePerChange() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp,
                Control.devices(2).device(1, "return.nvmlDeviceGetPowerUsage", 15));
        try (LogCapture logs = LogCapture.library(); NvmlGpuProbe probe = fake.probe()) {
            for (int i = 0; i < 20; i++) {
                probe.sample();
            }
            fake.write(Control.devices(2));
            for (int i = 0; i < 20; i++) {
                probe.sample();
            }

            assertThat(logs.at(Level.WARN)).singleElement().extracting(e -> e.getFormattedMessage()).asString()
                    .contains("GPU 1", "NVML_ERROR_GPU_IS_LOST");
            assertThat(logs.renderedLines()).filteredOn(l -> l.startsWith("INFO GPU answers NVML again")).hasSize(1);
        }
    }
}
