package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import dev.lobbygovernor.testing.Await;
import dev.lobbygovernor.testing.LogCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NVML probe's own guard, for callers that close it without the timeout decorator: closing
 * while a call hangs gives up the shutdown after a bounded wait instead of hanging or shutting
 * NVML down under the call. (Its own class: NVML's session is process-wide.)
 */
class NvmlDirectCloseUnderHungCallTest {

    @TempDir
    Path tmp;

    @Test
    void closingWhileACallHangsGivesUpTheShutdownInsteadOfHanging() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1)
                .with("hang.nvmlDeviceGetPowerUsage", 4000).with("hang_count", 1));
        try (LogCapture logs = LogCapture.library()) {
            GpuProbe probe = fake.probe();
            Thread caller = new Thread(() -> {
                try {
                    probe.sample();
                } catch (ProbeException ignored) {
                    // what the hung call answers does not matter here
                }
            }, "hung-nvml-caller");
            caller.setDaemon(true);
            caller.start();
            Await.until("the call is inside the driver", () -> fake.calls("nvmlDeviceGetPowerUsage") > 0);

            long start = System.nanoTime();
            probe.close();
            long closeMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(closeMs).isLessThan(3500);
            assertThat(fake.calls("nvmlShutdown")).isZero();
            assertThat(logs.at(Level.WARN)).singleElement().extracting(e -> e.getFormattedMessage()).asString()
                    .contains("still running", "skipping nvmlShutdown");
            caller.join(10_000);
        }
    }
}
