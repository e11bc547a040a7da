package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.wolf.testing.ScriptedTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Value semantics and names of the client's small public types. */
class MiscValuesTest {

    @Test
    void retryPoliciesDifferingInOneValueAreNotEqual() {
        RetryPolicy base = RetryPolicy.builder().maxAttempts(3)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build();

        assertThat(base).isEqualTo(base.toBuilder().build()).hasSameHashCodeAs(base.toBuilder().build());
        assertThat(base).isNotEqualTo(base.toBuilder().maxAttempts(4).build())
                .isNotEqualTo(base.toBuilder().backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build())
                .isNotEqualTo(base.toBuilder().backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).build())
                .isNotEqualTo("RetryPolicy");
    }

    @Test
    void gpuProbeIsNamedWolfAndShowsItsEndpoint() {
        WolfGpuProbe probe = new WolfGpuProbe(WolfClient.builder().transport(new ScriptedTransport()).build(),
                MutableClock.at("2026-01-01T12:00:00Z"));

        assertThat(probe.name()).isEqualTo(WolfGpuProbe.NAME).isNotBlank();
        assertThat(probe).hasToString("WolfGpuProbe[scripted:]");
    }

    @Test
    void socketPathOfThisProcessIsTheOneItsEnvironmentNames() {
        assertThat(SocketPaths.resolve()).isEqualTo(SocketPaths.resolve(System::getenv));
    }
}
