package dev.lobbygovernor.core.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one stop-verify-remove sequence the reaper and the last resort share. */
class VerifiedStopTest {

    private static final LobbyPin PIN = LobbyPin.of("9042");

    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final VerifiedStop stops = new VerifiedStop(runtime, store);

    private void running(String lobbyId) {
        runtime.start(lobbyId, PIN);
        Instant t = Instant.parse("2025-01-01T12:00:00Z");
        store.saveLobby(new LobbyRecord(lobbyId, "wolf-1", "s-" + lobbyId, PIN, t, t));
    }

    @Test
    void removesTheRecordOfALobbyStoppedAndVerifiedGone() {
        running("a");

        VerifiedStop.Attempt sent = stops.send("a", Optional.of(PIN));
        VerifiedStop.Verification listing = stops.verify();
        stops.removeRecord(listing, "a");

        assertThat(listing.verdictOf(sent)).isEqualTo(VerifiedStop.Verdict.STOPPED);
        assertThat(store.findLobby("a")).isEmpty();
    }

    @Test
    void refusesToRemoveTheRecordOfALobbyTheListingStillShows() {
        running("a");
        runtime.setIgnoreStops(true);

        VerifiedStop.Attempt sent = stops.send("a", Optional.of(PIN));
        VerifiedStop.Verification listing = stops.verify();

        assertThat(listing.verdictOf(sent)).isEqualTo(VerifiedStop.Verdict.STILL_RUNNING);
        assertThatThrownBy(() -> stops.removeRecord(listing, "a")).isInstanceOf(IllegalStateException.class);
        assertThat(store.findLobby("a")).isPresent();
    }

    @Test
    void refusesToRemoveAnyRecordWhenTheRuntimeCannotBeListedAgain() {
        running("a");
        VerifiedStop.Attempt sent = stops.send("a", Optional.of(PIN));
        runtime.setUnreachable(true);

        VerifiedStop.Verification listing = stops.verify();

        assertThat(listing.verdictOf(sent)).isEqualTo(VerifiedStop.Verdict.UNVERIFIED);
        assertThat(listing.answered()).isFalse();
        assertThatThrownBy(() -> stops.removeRecord(listing, "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scrubsThePinSentFromTheRuntimesStopError() {
        VerifiedStop echoing = new VerifiedStop(new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() {
                return List.of();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
                throw new IllegalStateException("no lobby for pin " + pin.map(LobbyPin::reveal).orElse(""));
            }
        }, store);

        VerifiedStop.Attempt sent = echoing.send("a", Optional.of(PIN));

        assertThat(sent.acknowledged()).isFalse();
        assertThat(sent.failure()).isEqualTo(LobbyRuntimeException.Kind.PROTOCOL);
        assertThat(sent.detail()).isEqualTo("IllegalStateException: no lobby for pin ****");
    }
}
