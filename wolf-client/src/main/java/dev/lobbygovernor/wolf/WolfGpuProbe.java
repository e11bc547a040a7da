package dev.lobbygovernor.wolf;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.NvidiaFailureText;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.wolf.internal.WolfGpuErrors;
import dev.lobbygovernor.wolf.model.GpuStats;
import dev.lobbygovernor.wolf.model.SystemMemoryReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link GpuProbe} that reads the GPU through Wolf: the helixml fork's
 * {@code GET /api/v1/system/memory} reports the nvidia-smi reading Wolf took itself, so a
 * control plane on another machine than the GPU still sees it. One device (index 0) per sample.
 *
 * <p>Wolf's {@code available:false} becomes a {@link ProbeException} that keeps Wolf's text as
 * the raw message and classifies it ({@code INIT_FAILED} when it says NVML failed to
 * initialise, {@code UNKNOWN} for a bare "exited with code 255"). A Wolf without the route
 * gives {@code LIBRARY_MISSING}: the source this probe needs is not there.
 */
public final class WolfGpuProbe implements GpuProbe {

    /** This probe's name in samples and failures. */
    public static final String NAME = "wolf";

    private final WolfClient client;
    private final Clock clock;

    /**
     * A probe over {@code client}; the client stays the caller's to close.
     *
     * @param client the client that asks Wolf
     * @param clock times the samples
     * @throws NullPointerException if an argument is null
     */
    public WolfGpuProbe(WolfClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GpuSample sample() throws ProbeException {
        Instant start = clock.instant();
        Optional<SystemMemoryReply> reply;
        try {
            reply = client.systemMemory();
        } catch (WolfUnavailableException e) {
            throw failure(e.timedOut() ? ProbeFailureCause.TIMEOUT : ProbeFailureCause.UNKNOWN,
                    "Wolf could not be asked for GPU stats", e);
        } catch (WolfProtocolException e) {
            throw failure(ProbeFailureCause.MALFORMED_OUTPUT, "Wolf's GPU stats are malformed", e);
        } catch (WolfApiException e) {
            throw failure(ProbeFailureCause.UNKNOWN, "Wolf refused to give GPU stats", e);
        } catch (WolfException e) {
            throw failure(ProbeFailureCause.UNKNOWN, "Wolf GPU stats failed", e);
        }
        if (reply.isEmpty()) {
            throw new ProbeException(NAME, ProbeFailureCause.LIBRARY_MISSING, "Wolf at "
                    + client.endpoint() + " does not serve /api/v1/system/memory (only the"
                    + " helixml fork does); use the NVML or nvidia-smi probe on the GPU host",
                    "404 " + WolfClient.SYSTEM_MEMORY);
        }
        GpuStats stats = reply.get().gpuStats();
        if (stats == null) {
            throw new ProbeException(NAME, ProbeFailureCause.MALFORMED_OUTPUT,
                    "Wolf's system/memory reply has no gpu_stats", "");
        }
        if (!stats.available()) {
            throw unavailable(stats.error());
        }
        Duration took = Duration.between(start, clock.instant());
        return new GpuSample(NAME, start, took.isNegative() ? Duration.ZERO : took,
                List.of(toDevice(stats)));
    }

    private ProbeException unavailable(String error) {
        ProbeFailureCause cause = WolfGpuErrors.classify(error);
        String text = error == null || error.isBlank() ? "no reason given" : error;
        // Wolf's text is nvidia-smi's, run inside Wolf's container, so the shared advice applies.
        String hint = cause == ProbeFailureCause.UNKNOWN ? "" : ". " + NvidiaFailureText.hint(cause, text);
        return new ProbeException(NAME, cause,
                "Wolf at " + client.endpoint() + " cannot read the GPU: " + text + hint,
                Objects.requireNonNullElse(error, ""));
    }

    private ProbeException failure(ProbeFailureCause cause, String what, WolfException e) {
        return new ProbeException(NAME, cause, what + ": " + e.getMessage(), e.getMessage(), e);
    }

    /** Boxed fields stay null when Wolf omits them: absent is not zero. */
    private static GpuDevice toDevice(GpuStats s) {
        Long total = s.memoryTotalMb();
        Long used = s.memoryUsedMb();
        Long free = total != null && used != null && total >= used ? total - used : null;
        return new GpuDevice(0, "", s.gpuName(), total, used, free,
                s.gpuUtilizationPercent(), s.memoryUtilizationPercent(),
                s.encoderUtilizationPercent(), s.temperatureCelsius(), null,
                s.encoderSessionCount(), s.encoderAverageFps(), s.encoderAverageLatencyUs(),
                List.of());
    }

    @Override
    public String toString() {
        return "WolfGpuProbe[" + client.endpoint() + "]";
    }
}
