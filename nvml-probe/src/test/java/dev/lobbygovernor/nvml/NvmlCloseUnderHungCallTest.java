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

/**
 * Closing the timeout decorator while NVML hangs returns at once and never shuts NVML down under
 * the running call; the shutdown follows once the call returns. (Its own class: NVML's session is
 * process-wide and surefire gives each class a fresh JVM.)
 */
class NvmlCloseUnderHungCallTest {

    @TempDir
    Path tmp;

    @Test
    void closingTheTimeoutDecoratorShutsNvmlDownOnlyAfterTheHungCallReturns() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1)
                .with("hang.nvmlDeviceGetPowerUsage", 1500).with("hang_count", 1));
        GpuProbe probe = Probes.withTimeout(fake.probe(), Duration.ofMillis(200));
        ProbeException hung = catchThrowableOfType(ProbeException.class, probe::sample);
        assertThat(hung.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);

        long start = System.nanoTime();
        probe.close();
        long closeMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(closeMs).isLessThan(1000);
        assertThat(fake.calls("nvmlShutdown")).isZero();
        Await.until("NVML is shut down once the hung call has returned", () -> fake.calls("nvmlShutdown") == 1);
    }
}
