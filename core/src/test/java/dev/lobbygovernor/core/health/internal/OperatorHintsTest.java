package dev.lobbygovernor.core.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.NvidiaFailureText;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.HealthReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The health log's advice for a failed probe comes from the shared NVIDIA hints. */
class OperatorHintsTest {

    private static final String BLIND = "Until then the host is blind";

    @ParameterizedTest
    @EnumSource(value = ProbeFailureCause.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void probeFailureAdviceIsTheSharedHintForItsCause(ProbeFailureCause cause) {
        String advice = OperatorHints.whatToDo(new HealthReason.ProbeFailed(cause, "nvml", "it failed"));

        assertThat(advice).startsWith(NvidiaFailureText.hint(cause)).contains(BLIND);
    }

    @Test
    void nvmlUnknownErrorAtInitGetsTheContainerDeviceHint() {
        String advice = OperatorHints.whatToDo(new HealthReason.ProbeFailed(ProbeFailureCause.INIT_FAILED,
                "wolf", "Wolf cannot read the GPU: Failed to initialize NVML: Unknown Error"));

        assertThat(advice).startsWith(NvidiaFailureText.CONTAINER_DEVICE_HINT).contains(BLIND);
    }

    @Test
    void unknownCausePointsAtTheProbesOwnMessage() {
        String advice = OperatorHints.whatToDo(new HealthReason.ProbeFailed(ProbeFailureCause.UNKNOWN, "nvml", "?"));

        assertThat(advice).startsWith("See the probe's message above.").contains(BLIND);
    }
}
