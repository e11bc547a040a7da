package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.wolf.RetryPolicy;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfGpuProbe;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** WolfGpuProbe reading the simulated GPU through the fork's system/memory endpoint. */
@ExtendWith(PinLeakGuard.class)
class WolfGpuProbeIntegrationTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2025-06-01T12:35:00Z");

    @Test
    void samplesTheSimulatedCard() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().gpu(GpuModel.rtx2000Ada()).start(dir);
                WolfClient client = Clients.of(sim)) {
            client.createLobby(Clients.lobby("one"));
            client.createLobby(Clients.lobby("two"));

            GpuSample sample = new WolfGpuProbe(client, clock).sample();

            assertThat(sample.source()).isEqualTo("wolf");
            GpuDevice gpu = sample.devices().get(0);
            assertThat(gpu.name()).isEqualTo("NVIDIA RTX 2000 Ada Generation");
            assertThat(gpu.memoryTotalMiB()).isEqualTo(16380);
            assertThat(gpu.memoryUsedMiB()).isEqualTo(GpuModel.rtx2000Ada().memoryUsedMiB(2));
            assertThat(gpu.encoderSessions()).isEqualTo(2);
        }
    }

    @Test
    void failsWithWolfsErrorPreservedOnceNvmlBreaksAtTheNthLobby() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().nvmlBreaksAt(3).start(dir);
                WolfClient client = Clients.of(sim)) {
            WolfGpuProbe probe = new WolfGpuProbe(client, clock);
            client.createLobby(Clients.lobby("one"));
            client.createLobby(Clients.lobby("two"));
            assertThat(probe.sample().devices()).hasSize(1);

            client.createLobby(Clients.lobby("three"));
            ProbeException e = catchThrowableOfType(ProbeException.class, probe::sample);

            assertThat(e.probeName()).isEqualTo("wolf");
            assertThat(e.rawMessage()).isEqualTo("nvidia-smi exited with code 255");
            assertThat(e.getMessage()).contains("nvidia-smi exited with code 255");
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        }
    }

    @Test
    void recoversAfterARestartHealsNvml() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            WolfGpuProbe probe = new WolfGpuProbe(client, clock);
            sim.breakNvml();
            assertThat(catchThrowableOfType(ProbeException.class, probe::sample)).isNotNull();

            sim.restart();

            assertThat(probe.sample().devices().get(0).memoryUsedMiB())
                    .isEqualTo(GpuModel.RTX_2000_ADA_IDLE_MIB);
        }
    }

    @Test
    void saysTheSourceIsMissingOnUpstreamWolf() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().withoutForkEndpoints().start(dir);
                WolfClient client = Clients.of(sim)) {
            ProbeException e = catchThrowableOfType(ProbeException.class,
                    () -> new WolfGpuProbe(client, clock).sample());

            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
        }
    }

    @Test
    void reportsATimeoutWhenWolfNeverAnswers() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir);
                WolfClient client = Clients.of(sim.socketPath(),
                        Clients.FAST.toBuilder().requestTimeout(Duration.ofMillis(200)).build(),
                        RetryPolicy.none())) {
            sim.faults().always(Fault.NEVER_ANSWER);

            ProbeException e = catchThrowableOfType(ProbeException.class,
                    () -> new WolfGpuProbe(client, clock).sample());

            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT);
        }
    }
}
