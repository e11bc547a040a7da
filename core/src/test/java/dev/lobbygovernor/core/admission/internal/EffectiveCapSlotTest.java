package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.testing.GpuSamples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each GPU's own cap where lobbies are placed per GPU, at the edges of its memory. */
class EffectiveCapSlotTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    /** 1000 MiB per lobby after 1000 MiB headroom; static cap 3. */
    private static final HostLimits LIMITS = HostLimits.builder().staticCap(3).headroomMiB(1000).perLobbyMiB(1000)
            .build();

    private static GpuSlot slotFor(long totalMiB) {
        GpuDevice device = GpuSamples.device().index(0).memory(100L, totalMiB).encoderSessions(0).build();
        HostHealth health = new HostHealth("h", HealthStatus.HEALTHY, true, GpuSamples.of("nvml", AT, device), "nvml",
                List.of(), AT);
        return EffectiveCap.of(LIMITS, health, BlindAdmission.STATIC_CAP,
                List.of(new RenderNode("/dev/dri/renderD128", device.uuid()))).gpus().get(0);
    }

    @Test
    void aGpuWithNoMemoryBeyondTheHeadroomTakesNoLobby() {
        assertThat(slotFor(1000).cap()).isZero();
        assertThat(slotFor(1999).cap()).isZero();
    }

    @Test
    void aGpuTakesWhatItsMemoryHoldsUpToTheStaticCap() {
        assertThat(slotFor(2000).cap()).isEqualTo(1);
        assertThat(slotFor(3999).cap()).isEqualTo(2);
        assertThat(slotFor(4000).cap()).isEqualTo(3);
        assertThat(slotFor(9000).cap()).isEqualTo(3);
    }
}
