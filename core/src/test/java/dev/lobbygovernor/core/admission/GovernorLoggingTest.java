package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the governor logs: quiet on success, one WARN with key-values per denial. */
class GovernorLoggingTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
            .host(Host.of("wolf-1", new FakeLobbyRuntime(), HostLimits.builder().staticCap(1).build())).build();

    @Test
    void grantsAndCommitsLogNothingAboveDebug() {
        try (LogCapture logs = LogCapture.library()) {
            governor.acquire(AdmissionRequest.forSession("s")).create(c -> "lobby-1");

            assertThat(logs.events()).isNotEmpty().allMatch(e -> e.getLevel() == Level.DEBUG);
        }
    }

    @Test
    void eachDenialIsOneInfoLineWithKeyValuesAndNoWarning() {
        governor.acquire(AdmissionRequest.forSession("s")).create(c -> "lobby-1");
        try (LogCapture logs = LogCapture.library()) {
            assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("refused")))
                    .isInstanceOf(AdmissionDeniedException.class);

            assertThat(logs.at(Level.WARN)).as("a refusal is a business event, not a warning").isEmpty();
            List<ILoggingEvent> infos = logs.at(Level.INFO);
            assertThat(infos).hasSize(1);
            assertThat(infos.get(0).getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value)))
                    .containsEntry("host", "wolf-1")
                    .containsEntry("session", "refused")
                    .containsEntry("reason", DenialReason.LOBBY_LIMIT)
                    .containsEntry("active", 1)
                    .containsEntry("cap", 1);
        }
    }
}
