package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.SessionCleanup;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.StreamSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever lobbies, sessions and clients a Wolf holds, and however they change between cycles,
 * session cleanup never stops a session that a lobby lists or whose client streams; and every
 * session abandoned long enough is gone.
 */
class SessionCleanupPropertyTest {

    /** What happens before one cycle: 0 new session, 1 join a lobby, 2 abandon, 3 new lobby, else nothing. */
    private static final int STEPS = 5;

    @TempDir
    Path dir;

    @Test
    void neverStopsALiveSessionAndStopsEveryLongAbandonedOne() {
        qt().withExamples(25).withShrinkCycles(0)
                .forAll(lists().of(integers().between(0, 4 * STEPS)).ofSizeBetween(1, 30),
                        integers().between(1, 400))
                .checkAssert((script, stepSeconds) -> run(script, Duration.ofSeconds(stepSeconds)));
    }

    private void run(List<Integer> script, Duration step) {
        MutableClock clock = MutableClock.at("2025-11-05T12:00:00Z");
        ReaperConfig config = ReaperConfig.builder().sessionCleanup(SessionCleanup.STOP)
                .sessionGrace(Duration.ofMinutes(5)).stopOrphans(false).build();
        try (WolfSimulator sim = WolfSimulator.builder().start(Files.createTempDirectory(dir, "wolf"));
                WolfClient client = Clients.of(sim);
                LobbyReaper reaper = LobbyReaper.builder(new InMemorySessionStore(),
                        Map.of("wolf-1", new WolfLobbyRuntime(client))).config(config).clock(clock).build()) {
            List<String> lobbies = new ArrayList<>();
            List<String> live = new ArrayList<>();
            Set<String> abandoned = new HashSet<>();
            int n = 0;
            for (int move : script) {
                int kind = move % STEPS;
                int pick = move / STEPS;
                if (kind == 0) {
                    live.add(sim.createSession("10.0.0." + (++n % 250)));
                } else if (kind == 1 && !lobbies.isEmpty() && !live.isEmpty()) {
                    // multi-user lobbies that stay when everyone leaves: joining never stops one
                    client.joinLobby(new JoinLobbyRequest(lobbies.get(pick % lobbies.size()),
                            live.get(pick % live.size()), null));
                } else if (kind == 2 && !live.isEmpty()) {
                    String gone = live.remove(pick % live.size());
                    sim.abandonSession(gone);
                    abandoned.add(gone);
                } else if (kind == 3) {
                    lobbies.add(sim.createLeakedLobby("lobby-" + lobbies.size(), Optional.empty()));
                }
                reaper.runOnce();
                Set<String> listed = ids(client.listSessions());
                assertThat(listed).as("live sessions after a cycle").containsAll(live);
                clock.advance(step);
            }
            // two more listings, the grace apart: every abandoned session is leaked by then
            reaper.runOnce();
            clock.advance(config.sessionGrace());
            reaper.runOnce();
            Set<String> listed = ids(client.listSessions());
            assertThat(listed).containsExactlyInAnyOrderElementsOf(live);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> ids(List<StreamSession> sessions) {
        Set<String> out = new HashSet<>();
        sessions.forEach(s -> out.add(s.id()));
        return out;
    }
}
