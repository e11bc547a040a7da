package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.LogCapture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PIN is used to stop a lobby and goes nowhere else: not in logs, events, reports or toString. */
class CleanupSecretsTest {

    private static final String PIN = "7351";

    private final ReaperRig rig = new ReaperRig();

    private List<String> everythingVisible() {
        List<String> texts = new java.util.ArrayList<>();
        rig.events.outcomes.forEach(o -> texts.add(o.toString()));
        rig.events.cycles.forEach(c -> texts.add(c.toString()));
        rig.reaper.orphans().forEach(o -> texts.add(o.toString()));
        return texts;
    }

    @Test
    void noOutcomeLogLineOrEventCarriesThePin() {
        try (LogCapture logs = LogCapture.library()) {
            rig.commit("stopped", "s1", PIN);
            rig.commit("failing", "s2", PIN);
            rig.commit("unreachable-later", "s3", PIN);
            rig.runtime.start("orphan", LobbyPin.of(PIN));
            rig.memory.hardDeleteSession("s1");
            rig.cycle();
            rig.runtime.setIgnoreStops(true);
            rig.memory.softDeleteSession("s2", rig.clock.instant());
            rig.cycle();
            rig.runtime.setIgnoreStops(false);
            rig.store.failRemovals = true;
            rig.cycle();
            rig.store.failRemovals = false;
            rig.advance(ReaperConfig.DEFAULT_ORPHAN_GRACE);
            rig.runtime.setUnreachable(true);
            rig.memory.hardDeleteSession("s3");
            rig.cycle();
            rig.runtime.setUnreachable(false);
            rig.cycle();

            assertThat(rig.events.outcomes).extracting(CleanupOutcome::kind).contains(CleanupOutcome.Kind.STOPPED,
                    CleanupOutcome.Kind.FAILED, CleanupOutcome.Kind.ORPHAN_REPORTED);
            assertThat(logs.events()).isNotEmpty();
            assertThat(logs.anyLineContains(PIN)).isFalse();
            assertThat(logs.anyLineContains("7, 3, 5, 1")).isFalse();
        }
        assertThat(everythingVisible()).noneMatch(t -> t.contains(PIN));
    }

    @Test
    void aRuntimeThatEchoesThePinInItsErrorDoesNotLeakItFurther() {
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                return rig.runtime.listLobbies();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                // a careless implementation: the library must still not pass the PIN on
                throw new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED,
                        "stop refused for pin " + pin.map(LobbyPin::reveal).orElse(""));
            }
        };
        rig.reaper = rig.newReaper();
        rig.commit("a", "s1", PIN);
        rig.memory.hardDeleteSession("s1");

        try (LogCapture logs = LogCapture.library()) {
            CycleReport report = rig.cycle();
            assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(CleanupOutcome.Failed.class,
                    f -> assertThat(f.detail()).isEqualTo("stop refused for pin ****"));
            assertThat(logs.anyLineContains(PIN)).isFalse();
        }
        assertThat(everythingVisible()).noneMatch(t -> t.contains(PIN));
    }
}
