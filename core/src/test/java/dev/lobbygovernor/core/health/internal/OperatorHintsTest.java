package dev.lobbygovernor.core.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.NvidiaFailureText;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private static final HealthReason FAILED = new HealthReason.ProbeFailed(ProbeFailureCause.TIMEOUT, "nvml", "slow");
    private static final HealthReason FIRST_IMPLAUSIBLE = new HealthReason.Implausible("devices[0].name", "empty");
    private static final HealthReason SECOND_IMPLAUSIBLE = new HealthReason.Implausible("devices", "none");
    private static final HealthReason FIRST_STALE = new HealthReason.Stale(Duration.ofSeconds(20), Duration.ofSeconds(15));
    private static final HealthReason SECOND_STALE = new HealthReason.Stale(Duration.ofSeconds(30), Duration.ofSeconds(15));
    private static final HealthReason AT_CAPACITY = new HealthReason.AtCapacity(5, 5);
    private static final HealthReason MEMORY = new HealthReason.GpuMemoryHigh(15_000, 16_000);

    private static HostHealth lostFor(HealthReason... reasons) {
        return new HostHealth("wolf-1", HealthStatus.MONITORING_LOST, false, null, "nvml", List.of(reasons),
                Instant.parse("2025-01-10T12:28:18Z"));
    }

    @Test
    void aProbeFailureIsNamedFirstWhereverItStands() {
        assertThat(OperatorHints.primaryCause(lostFor(AT_CAPACITY, FIRST_STALE, FIRST_IMPLAUSIBLE, FAILED)))
                .isSameAs(FAILED);
    }

    @Test
    void withoutAProbeFailureTheFirstImplausibleReadingComesBeforeStaleness() {
        assertThat(OperatorHints.primaryCause(lostFor(AT_CAPACITY, FIRST_STALE, FIRST_IMPLAUSIBLE, SECOND_IMPLAUSIBLE)))
                .isSameAs(FIRST_IMPLAUSIBLE);
    }

    @Test
    void withOnlyStalenessTheFirstStaleReasonIsNamedBeforeAnyOther() {
        assertThat(OperatorHints.primaryCause(lostFor(AT_CAPACITY, FIRST_STALE, SECOND_STALE))).isSameAs(FIRST_STALE);
    }

    @Test
    void otherwiseTheFirstReasonAndWithoutReasonsNone() {
        assertThat(OperatorHints.primaryCause(lostFor(MEMORY, AT_CAPACITY))).isSameAs(MEMORY);
        assertThat(OperatorHints.primaryCause(lostFor())).isNull();
    }

    @Test
    void eachKindOfCauseGetsItsOwnAdviceAndTheBlindWarning() {
        String blind = " Until then the host is blind: do not add lobbies beyond its count-based cap.";
        assertThat(OperatorHints.whatToDo(FIRST_IMPLAUSIBLE)).isEqualTo("Empty or all-zero GPU readings mean monitoring"
                + " is broken, not that the GPU is idle (the NVML \"Unknown Error\" of a container that lost its GPU"
                + " devices reads this way); check nvidia-smi inside the streaming server's container and restart it"
                + " if it fails." + blind);
        assertThat(OperatorHints.whatToDo(FIRST_STALE)).isEqualTo("No fresh GPU reading arrives: the probe or its"
                + " source is stuck; check the probe and the streaming server." + blind);
        assertThat(OperatorHints.whatToDo(AT_CAPACITY)).isEqualTo("Check the host's GPU and the probe." + blind);
        assertThat(OperatorHints.whatToDo(null)).isEqualTo("Check the host's GPU and the probe." + blind);
        assertThat(OperatorHints.whatToDo(FAILED)).endsWith(blind);
    }
}
