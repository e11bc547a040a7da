package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMonitorLoggingTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");
    private final ScriptedGpuProbe probe = new ScriptedGpuProbe("nvml", clock);

    private HealthMonitor.Builder monitor() {
        return HealthMonitor.builder().clock(clock).host("wolf-1", probe).capacity(id -> new HostCapacity(3, 5, 4));
    }

    private static void poll(HealthMonitor m, int times) {
        for (int i = 0; i < times; i++) {
            m.pollOnce();
        }
    }

    private void pollEvery5s(HealthMonitor m, Duration total) {
        long polls = total.toSeconds() / 5;
        for (long i = 0; i < polls; i++) {
            clock.advance(Duration.ofSeconds(5));
            m.pollOnce();
        }
    }

    @Test
    void aHealthyHostLogsOnlyItsFirstTransitionHoweverOftenItIsPolled() {
        probe.thenPlausible();
        HealthMonitor m = monitor().build();
        try (LogCapture logs = LogCapture.library()) {
            m.pollOnce();
            logs.clear();
            pollEvery5s(m, Duration.ofHours(1));
            assertThat(logs.events()).isEmpty();
        }
    }

    @Test
    void enteringMonitoringLostLogsOneErrorNamingTheCauseOnceAndWhatToDo() {
        probe.thenPlausible().thenFail(ProbeFailureCause.VERSION_MISMATCH,
                "Failed to initialize NVML: Driver/library version mismatch");
        HealthMonitor m = monitor().build();
        try (LogCapture logs = LogCapture.library()) {
            poll(m, 10);
            assertThat(logs.at(Level.ERROR)).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).contains("GPU monitoring lost on host wolf-1")
                        .contains("Driver/library version mismatch").contains("reboot the host");
                assertThat(e.getKeyValuePairs()).anySatisfy(kv -> assertThat(kv.key).isEqualTo("host"));
                String everything = e.getFormattedMessage() + " " + e.getKeyValuePairs().stream()
                        .map(kv -> String.valueOf(kv.value)).collect(java.util.stream.Collectors.joining(" "));
                assertThat(everything.split("Driver/library version mismatch", -1)).as("the cause, once: " + everything)
                        .hasSize(2);
            });
        }
    }

    @Test
    void theMonitoringLostErrorQuotesAKilobyteRawMessageOnOneShortLine() {
        String raw = "Unable to determine the device handle for GPU0000:01:00.0: Unknown Error\n".repeat(140);
        probe.thenFail(ProbeFailureCause.GPU_LOST, raw);
        HealthMonitor m = monitor().build();
        try (LogCapture logs = LogCapture.library()) {
            m.pollOnce();
            assertThat(logs.at(Level.ERROR)).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).doesNotContain("\n").hasSizeLessThan(1_000)
                        .contains("Unable to determine the device handle");
                assertThat(e.getKeyValuePairs()).allSatisfy(kv ->
                        assertThat(String.valueOf(kv.value)).doesNotContain("\n").hasSizeLessThan(1_000));
            });
        }
    }

    @Test
    void whileLostAWarnReminderComesAtMostEveryFiveMinutes() {
        probe.thenNvmlUnknownError();
        HealthMonitor m = monitor().build();
        try (LogCapture logs = LogCapture.library()) {
            m.pollOnce();
            pollEvery5s(m, Duration.ofHours(1));
            assertThat(logs.at(Level.ERROR)).hasSize(1);
            assertThat(logs.at(Level.WARN)).hasSize(12)
                    .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("still lost after"));
            assertThat(logs.at(Level.WARN).get(0).getFormattedMessage()).contains("after 5 min 0 s");
        }
    }

    @Test
    void theReminderIntervalIsConfigurable() {
        probe.thenNvmlUnknownError();
        HealthMonitor m = monitor().config(MonitorConfig.builder().reminderInterval(Duration.ofMinutes(1)).build()).build();
        try (LogCapture logs = LogCapture.library()) {
            m.pollOnce();
            pollEvery5s(m, Duration.ofMinutes(10));
            assertThat(logs.at(Level.WARN)).hasSize(10);
        }
    }

    @Test
    void recoveryLogsOneInfoWithHowLongMonitoringWasDark() {
        probe.thenPlausible().thenAllZero().times(25).thenPlausible();
        HealthMonitor m = monitor().build();
        try (LogCapture logs = LogCapture.library()) {
            m.pollOnce();
            logs.clear();
            pollEvery5s(m, Duration.ofMinutes(5));
            assertThat(logs.at(Level.INFO)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .isEqualTo("GPU monitoring restored on host wolf-1 after 2 min 15 s dark; status HEALTHY"));
        }
    }

    @Test
    void eachLossIsOneErrorAndEachRecoveryOneInfo() {
        probe.thenPlausible().thenNvmlUnknownError().times(3).thenPlausible().times(3)
                .thenFail(ProbeFailureCause.TIMEOUT, "").times(2).thenPlausible();
        HealthMonitor m = monitor().build();
        try (LogCapture logs = LogCapture.library()) {
            m.pollOnce();
            pollEvery5s(m, Duration.ofMinutes(2));
            assertThat(logs.at(Level.ERROR)).hasSize(2);
            assertThat(logs.at(Level.INFO)).filteredOn(e -> e.getFormattedMessage().contains("restored")).hasSize(2);
            assertThat(logs.at(Level.WARN)).isEmpty();
        }
    }

    @Test
    void noPinAppearsInAnyLogLineOrHealthValue() throws LobbyRuntimeException {
        LobbyPin pin = LobbyPin.of("80472");
        FakeLobbyRuntime wolf = new FakeLobbyRuntime();
        for (int i = 0; i < 6; i++) {
            wolf.start("lobby-" + i, pin);
        }
        probe.thenPlausible().thenNvmlUnknownError().times(30).thenPlausible();
        List<HostHealth> seen = new ArrayList<>();
        HealthMonitor m = HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(id -> {
                    try {
                        return new HostCapacity(wolf.listLobbies().size(), 5, 4);
                    } catch (LobbyRuntimeException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .sink(seen::add)
                .config(MonitorConfig.builder().remediateAfterFailures(3).build())
                .remediation((host, health) -> {
                    wolf.restart();
                    return RemediationResult.succeeded("restarted the streaming server of " + host);
                })
                .build();
        try (LogCapture logs = LogCapture.library()) {
            m.pollOnce();
            pollEvery5s(m, Duration.ofMinutes(10));
            assertThat(logs.at(Level.ERROR)).isNotEmpty();
            assertThat(logs.anyLineContains(pin.reveal())).isFalse();
            assertThat(seen).isNotEmpty().noneMatch(h -> h.toString().contains(pin.reveal()));
        }
    }
}
