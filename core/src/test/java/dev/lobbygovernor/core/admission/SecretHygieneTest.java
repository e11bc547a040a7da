package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lobby PIN never leaves through a permit, a denial, a status or a log line. */
class SecretHygieneTest {

    private static final String PIN = "80417";

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(1).build())).build();

    @Test
    void pinAppearsNowhereAcrossCommitDenialStatusAndLogs() {
        try (LogCapture logs = LogCapture.library()) {
            Permit p = governor.acquire(AdmissionRequest.forSession("sess-1").withPin(LobbyPin.of(PIN)));
            p.create(c -> runtime.create("lobby-1", c));
            clock.advance(Duration.ofMinutes(5));

            AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                    () -> governor.acquire(AdmissionRequest.forSession("sess-2")));
            GovernorStatus status = governor.status();

            assertThat(p.toString()).doesNotContain(PIN).contains("lobby-1");
            assertThat(denied.getMessage()).doesNotContain(PIN);
            assertThat(denied.perHost().toString()).doesNotContain(PIN);
            assertThat(denied.suggestions()).extracting(IdleLobbySuggestion::lobbyId).containsExactly("lobby-1");
            assertThat(denied.suggestions().toString()).doesNotContain(PIN);
            assertThat(status.toString()).doesNotContain(PIN);
            assertThat(logs.renderedLines()).isNotEmpty();
            assertThat(logs.anyLineContains(PIN)).isFalse();
        }
    }

    @Test
    void expiredCommitErrorDoesNotCarryThePin() {
        Permit p = governor.acquire(AdmissionRequest.forSession("sess-1").withPin(LobbyPin.of(PIN)));
        clock.advance(Duration.ofMinutes(3));

        PermitExpiredException e = catchThrowableOfType(PermitExpiredException.class, p::beginCreate);

        assertThat(e.getMessage()).doesNotContain(PIN);
    }
}
