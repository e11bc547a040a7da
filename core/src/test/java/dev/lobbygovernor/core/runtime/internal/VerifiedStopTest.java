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

    /** A runtime whose calls fail as the test says; each failure message echoes the PIN. */
    private static LobbyRuntime failing(RuntimeException onList, LobbyRuntimeException onListChecked, boolean nullList) {
        return new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                if (onListChecked != null) {
                    throw onListChecked;
                }
                if (onList != null) {
                    throw onList;
                }
                return nullList ? null : List.of(new LiveLobby("b", "lobby b", true, 0));
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                throw new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "wrong pin 9042", null);
            }
        };
    }

    @Test
    void aFailedStopOfALobbyTheListingNoLongerShowsIsAlreadyGoneAndOneStillShownIsStopFailed() {
        VerifiedStop round = new VerifiedStop(failing(null, null, false), store);
        VerifiedStop.Attempt gone = round.send("a", Optional.of(PIN));
        VerifiedStop.Attempt shown = round.send("b", Optional.of(PIN));
        VerifiedStop.Verification listing = round.verify();

        assertThat(gone).isEqualTo(new VerifiedStop.Attempt("a", false, LobbyRuntimeException.Kind.REJECTED,
                "wrong pin ****"));
        assertThat(listing.verdictOf(gone)).isEqualTo(VerifiedStop.Verdict.ALREADY_GONE);
        assertThat(listing.verdictOf(shown)).isEqualTo(VerifiedStop.Verdict.STOP_FAILED);
        assertThat(listing.showsGone("a")).isTrue();
        assertThat(listing.showsGone("b")).isFalse();
        assertThat(listing.detail()).isEmpty();
    }

    @Test
    void aListingThatFailsOrIsNullSaysWhyWithThePinScrubbed() {
        VerifiedStop checked = new VerifiedStop(failing(null,
                new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "timeout after pin 9042"), false),
                store);
        checked.send("a", Optional.of(PIN));
        assertThat(checked.verify().detail()).isEqualTo("could not list lobbies to verify the stop: timeout after pin ****");

        VerifiedStop unchecked = new VerifiedStop(failing(new IllegalArgumentException("bad json near 9042"), null,
                false), store);
        unchecked.send("a", Optional.of(PIN));
        assertThat(unchecked.verify().detail())
                .isEqualTo("could not list lobbies to verify the stop: IllegalArgumentException: bad json near ****");

        VerifiedStop nulls = new VerifiedStop(failing(null, null, true), store);
        VerifiedStop.Verification none = nulls.verify();
        assertThat(none.answered()).isFalse();
        assertThat(none.showsGone("a")).as("an unanswered listing shows nothing gone").isFalse();
        assertThat(none.detail()).isEqualTo("could not list lobbies to verify the stop: listLobbies() returned null");
    }

    @Test
    void anAcknowledgedStopHasNoFailureAndNoDetail() {
        running("a");
        assertThat(stops.send("a", Optional.of(PIN))).isEqualTo(new VerifiedStop.Attempt("a", true, null, ""));
    }

    @Test
    void aFailureWithoutAMessageHasAnEmptyDetail() {
        VerifiedStop round = new VerifiedStop(failing(new IllegalStateException(), null, false), store);
        assertThat(round.verify().detail())
                .isEqualTo("could not list lobbies to verify the stop: IllegalStateException: ");
    }
}
