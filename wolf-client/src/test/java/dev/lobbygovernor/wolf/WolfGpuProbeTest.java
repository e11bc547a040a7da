package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.NvidiaFailureText;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.wolf.testing.ScriptedTransport;
import org.junit.jupiter.api.Test;

/** Wolf's own GPU reading as a GpuProbe. */
class WolfGpuProbeTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final MutableClock clock = MutableClock.at("2025-01-01T12:28:18Z");
    private final WolfGpuProbe probe = new WolfGpuProbe(WolfClient.builder().transport(transport)
            .readRetries(RetryPolicy.none()).build(), clock);

    private static String memory(String gpuStats) {
        return "{\"success\":true,\"process_rss_bytes\":1461000000,\"gpu_stats\":" + gpuStats + "}";
    }

    @Test
    void availableStatsBecomeOneDevice() throws Exception {
        transport.reply(200, memory("{\"available\":true,\"gpu_name\":\"NVIDIA RTX 2000 Ada\","
                + "\"encoder_session_count\":2,\"encoder_average_fps\":59,"
                + "\"encoder_average_latency_us\":1800,\"encoder_utilization_percent\":31,"
                + "\"gpu_utilization_percent\":40,\"memory_utilization_percent\":12,"
                + "\"memory_used_mb\":6720,\"memory_total_mb\":16380,\"temperature_celsius\":61}"));

        GpuSample sample = probe.sample();

        assertThat(sample.source()).isEqualTo("wolf");
        assertThat(sample.takenAt()).isEqualTo(clock.instant());
        GpuDevice d = sample.devices().get(0);
        assertThat(d.name()).isEqualTo("NVIDIA RTX 2000 Ada");
        assertThat(d.memoryTotalMiB()).isEqualTo(16380L);
        assertThat(d.memoryUsedMiB()).isEqualTo(6720L);
        assertThat(d.memoryFreeMiB()).isEqualTo(9660L);
        assertThat(d.encoderSessions()).isEqualTo(2);
        assertThat(d.encoderAverageLatencyUs()).isEqualTo(1800);
        assertThat(d.temperatureC()).isEqualTo(61);
        assertThat(d.powerWatts()).isNull();
    }

    @Test
    void allZeroStatsAreCarriedAsReadForTheClassifierToJudge() throws Exception {
        transport.reply(200, memory("{\"available\":true,\"gpu_name\":\"\","
                + "\"encoder_session_count\":0,\"memory_used_mb\":0,\"memory_total_mb\":0}"));

        GpuDevice d = probe.sample().devices().get(0);

        assertThat(d.name()).isEmpty();
        assertThat(d.memoryTotalMiB()).isZero();
        assertThat(d.gpuUtilizationPercent()).as("absent is null, not zero").isNull();
    }

    @Test
    void exitCode255IsUnknownAndKeepsWolfsText() {
        transport.reply(200, memory("{\"available\":false,"
                + "\"error\":\"nvidia-smi exited with code 255\"}"));

        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
            assertThat(e.rawMessage()).isEqualTo("nvidia-smi exited with code 255");
            assertThat(e.probeName()).isEqualTo("wolf");
            assertThat(e.getMessage()).contains("nvidia-smi exited with code 255");
        });
    }

    @Test
    void nvmlInitFailureIsInitFailedWithARemedy() {
        transport.reply(200, memory("{\"available\":false,"
                + "\"error\":\"Failed to initialize NVML: Unknown Error\"}"));

        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(e.getMessage()).contains("Failed to initialize NVML: Unknown Error",
                    NvidiaFailureText.CONTAINER_DEVICE_HINT);
        });
    }

    @Test
    void wrongFieldCountIsMalformedOutput() {
        transport.reply(200, memory("{\"available\":false,"
                + "\"error\":\"Unexpected nvidia-smi output: expected 10 fields, got 3\"}"));

        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class,
                e -> assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT));
    }

    @Test
    void wolfWithoutTheRouteSaysTheSourceIsMissing() {
        transport.reply(404, "");

        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class, e -> {
            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
            assertThat(e.getMessage()).contains("does not serve /api/v1/system/memory");
        });
    }

    @Test
    void replyWithoutGpuStatsIsMalformedOutput() {
        transport.reply(200, "{\"success\":true}");

        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class,
                e -> assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.MALFORMED_OUTPUT));
    }

    @Test
    void unreachableWolfIsAProbeFailureNotACrash() {
        transport.fail(new WolfUnavailableException("timed out", true, null));

        assertThatThrownBy(probe::sample).isInstanceOfSatisfying(ProbeException.class,
                e -> assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.TIMEOUT));
    }
}
