package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import dev.lobbygovernor.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call that hangs in the driver costs the caller the timeout, not the thread. */
class NvmlHangTest {

    static final Duration TIMEOUT = Duration.ofMillis(200);

    @TempDir
    Path tmp;

    @Test
    void aHangingCallIsCutOffByTheTimeoutDecoratorAndTheProbeAnswersOnceItReturns() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1)
                .with("hang.nvmlDeviceGetPowerUsage", 1500).with("hang_count", 1));
        try (GpuProbe probe = Probes.withTimeout(fake.probe(), TIMEOUT)) {
            long start = System.nanoTime();
            ProbeException hung = catchThrowableOfType(ProbeException.class, probe::sample);
            long waitedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(hung.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
            assertThat(waitedMs).isLessThan(1500);
            Await.until("the hung call returns and the probe answers", () -> {
                try {
                    return probe.sample().devices().size() == 1;
                } catch (ProbeException stillRunning) {
                    assertThat(stillRunning.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
                    return false;
                }
            });
        }
    }
}
