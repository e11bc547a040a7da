package dev.lobbygovernor.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.lobbygovernor.core.cleanup.ReaperWorld.Move;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.slf4j.LoggerFactory;

/**
 * Random histories of sessions created, soft-deleted, hard-deleted and touched, runtime outages,
 * ignored stops, failing stores, server and reaper restarts, and leaked lobbies. QuickTheories
 * prints the seed and the smallest failing history.
 */
class LobbyReaperPropertyTest {

    private static final Logger CLEANUP_LOG = (Logger) LoggerFactory.getLogger("dev.lobbygovernor.core.cleanup");
    private static Level previous;

    @BeforeAll
    static void quietTheReaper() {
        // thousands of cycles: their log lines would drown the report; logging has its own tests
        previous = CLEANUP_LOG.getLevel();
        CLEANUP_LOG.setLevel(Level.OFF);
    }

    @AfterAll
    static void restoreLogging() {
        CLEANUP_LOG.setLevel(previous);
    }

    private static Gen<List<Move>> histories(List<ReaperWorld.Step> steps) {
        Gen<Move> move = Generate.pick(steps).zip(integers().between(0, 9_999), Move::new);
        return lists().of(move).ofSizeBetween(1, 80);
    }

    @Test
    void removesARecordOnlyOnceItsLobbyIsGoneAndStopsEveryDueLobbyWithinTwoHealthyCycles() {
        qt().withExamples(300).forAll(histories(ReaperWorld.WEIGHTED))
                .checkAssert(history -> assertThat(new ReaperWorld().play(history)).isEmpty());
    }

    @Test
    void recoversWithinTwoHealthyCyclesAfterLongFailureStreaks() {
        qt().withExamples(300).forAll(histories(ReaperWorld.FAULT_HEAVY))
                .checkAssert(history -> assertThat(new ReaperWorld().play(history)).isEmpty());
    }
}
