package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.HostDenial;
import dev.lobbygovernor.core.health.HealthStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact sentences of refusals: what happened, then what the user can do. */
class DenialTextTest {

    @Test
    void eachCapacityReasonNamesItsLimitAndAsksToCloseASession() {
        assertThat(DenialText.message(DenialReason.LOBBY_LIMIT, "wolf-1", 5, 5)).isEqualTo(
                "GPU resource limit reached (5/5 lobbies active). Please close an unused session and try again.");
        assertThat(DenialText.message(DenialReason.GPU_MEMORY, "wolf-1", 3, 3)).isEqualTo(
                "GPU memory limit reached (3/3 lobbies active). Please close an unused session and try again.");
        assertThat(DenialText.message(DenialReason.ENCODER_SESSIONS, "wolf-1", 2, 2)).isEqualTo(
                "GPU video encoder limit reached (2/2 encoder sessions in use). Please close an unused session and try again.");
    }

    @Test
    void lostMonitoringAndAnUnreachableHostNameTheHostAndWhatToCheck() {
        assertThat(DenialText.message(DenialReason.MONITORING_LOST, "wolf-1", 1, 5)).isEqualTo(
                "GPU monitoring is not working on host wolf-1, so it admits no new lobby (1/5 lobbies active). "
                        + "Check nvidia-smi on that host or restart its streaming server, then try again.");
        assertThat(DenialText.message(DenialReason.HOST_UNAVAILABLE, "wolf-1", 0, 5)).isEqualTo(
                "Streaming host wolf-1 cannot be reached, so its lobbies cannot be counted. "
                        + "Check that its streaming server is running, then try again.");
    }

    @Test
    void aFleetRefusalSpeaksOfTheClosestHost() {
        assertThat(DenialText.fleet(denial("wolf-2", DenialReason.LOBBY_LIMIT, 5, 5), 3)).isEqualTo(
                "GPU resource limit reached (5/5 lobbies active) on wolf-2, the least loaded of 3 hosts, "
                        + "so no host can take it. Please close an unused session and try again.");
        assertThat(DenialText.fleet(denial("wolf-2", DenialReason.MONITORING_LOST, 1, 5), 2)).isEqualTo(
                "GPU monitoring is not working on host wolf-2 (1/5 lobbies active), the best of 2 hosts, "
                        + "so no host can take it. "
                        + "Check nvidia-smi on that host or restart its streaming server, then try again.");
        assertThat(DenialText.fleet(denial("wolf-2", DenialReason.HOST_UNAVAILABLE, 0, 5), 4)).isEqualTo(
                "None of the 4 streaming hosts can be reached, so no host can take it. "
                        + "Check that their streaming servers are running, then try again.");
    }

    @Test
    void aFleetSentenceKeepsAHostIdOfSixtyFourCharactersAndCutsOneOfSixtyFive() {
        String id64 = "h".repeat(64);
        assertThat(DenialText.fleet(denial(id64, DenialReason.GPU_MEMORY, 2, 2), 2))
                .contains(" on " + id64 + ", the least loaded").doesNotContain("...");
        String id65 = id64 + "X";
        assertThat(DenialText.fleet(denial(id65, DenialReason.GPU_MEMORY, 2, 2), 2))
                .contains(" on " + id64 + "..., the least loaded").doesNotContain("X");
    }

    @Test
    void onlyFullHostsAreCapacityDenials() {
        assertThat(DenialReason.LOBBY_LIMIT.isCapacity()).isTrue();
        assertThat(DenialReason.GPU_MEMORY.isCapacity()).isTrue();
        assertThat(DenialReason.ENCODER_SESSIONS.isCapacity()).isTrue();
        assertThat(DenialReason.MONITORING_LOST.isCapacity()).isFalse();
        assertThat(DenialReason.HOST_UNAVAILABLE.isCapacity()).isFalse();
    }

    @Test
    void aServerThatCannotCreatePipelinesIsNamedWithItsOwnReportAndWhatToDo() {
        assertThat(DenialText.message(DenialReason.SERVER_UNHEALTHY, "wolf-1", 2, 5, "wolf")).isEqualTo(
                "Wolf on host wolf-1 reports that it cannot create new pipelines (wolf's own health report), so the"
                        + " host admits no new lobby (2/5 lobbies active). Restart wolf on that host, or wait until it"
                        + " reports healthy again, then try again.");
        assertThat(DenialText.fleet(denial("wolf-1", DenialReason.SERVER_UNHEALTHY, 2, 5), 3)).isEqualTo(
                "The streaming server on host wolf-1 (2/5 lobbies active), the best of 3 hosts, reports in its own"
                        + " health report that it cannot create new pipelines, so no host can take it. Restart its"
                        + " streaming server, or wait until it reports healthy again, then try again.");
    }

    @Test
    void aGpuFaultSaysTheHostWaitsForTheGpuToRecover() {
        assertThat(DenialText.message(DenialReason.GPU_FAULT, "wolf-1", 0, 5)).isEqualTo(
                "A GPU of host wolf-1 had a hardware fault and needs a reset, so the host admits no new lobby (0/5"
                        + " lobbies active). The host's health names the fault and what to do; try again once the GPU"
                        + " has recovered.");
        assertThat(DenialText.fleet(denial("wolf-1", DenialReason.GPU_FAULT, 0, 5), 3)).isEqualTo(
                "A GPU of host wolf-1 (0/5 lobbies active), the best of 3 hosts, had a hardware fault and needs a"
                        + " reset, so no host can take it. The host's health names the fault and what to do; try again"
                        + " once the GPU has recovered.");
        assertThat(DenialReason.GPU_FAULT.isCapacity()).isFalse();
        assertThat(DenialReason.SERVER_UNHEALTHY.isCapacity()).isFalse();
    }

    private static HostDenial denial(String host, DenialReason reason, int active, int cap) {
        return new HostDenial(host, reason, active, cap, HealthStatus.HEALTHY, "m", List.of());
    }
}
