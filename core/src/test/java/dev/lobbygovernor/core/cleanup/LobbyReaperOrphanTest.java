package dev.lobbygovernor.core.cleanup;

import static dev.lobbygovernor.core.cleanup.ReaperRig.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanStopped;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Lobbies the runtime runs that no record knows: tracked from first sight, bounded in age. */
class LobbyReaperOrphanTest {

    private static final Duration GRACE = ReaperConfig.DEFAULT_ORPHAN_GRACE;

    private final ReaperRig rig = new ReaperRig();

    @Test
    void tracksAnOrphanWithItsAgeButLeavesItAloneDuringTheGracePeriod() {
        rig.runtime.start("leak", null);
        Instant firstSeen = rig.clock.instant().plus(rig.config.interval());

        assertThat(rig.cycle().outcomes()).isEmpty();
        rig.advance(GRACE.minusSeconds(31));
        assertThat(rig.cycle().outcomes()).isEmpty();

        assertThat(rig.reaper.orphans()).containsExactly(new OrphanLobby(HOST, "leak", firstSeen, false));
        assertThat(rig.reaper.orphans().get(0).age(rig.clock.instant())).isEqualTo(GRACE.minusSeconds(1));
        assertThat(rig.runtime.isRunning("leak")).isTrue();
    }

    @Test
    void stopsAnOpenOrphanOnceItOutlivesTheGracePeriod() {
        rig.runtime.start("leak", null);
        Instant firstSeen = rig.clock.instant().plus(rig.config.interval());
        rig.cycle();
        rig.advance(GRACE.minus(rig.config.interval()));

        assertThat(rig.cycle().outcomes()).containsExactly(new OrphanStopped(HOST, "leak", firstSeen, GRACE));
        assertThat(rig.runtime.isRunning("leak")).isFalse();
        assertThat(rig.reaper.orphans()).isEmpty();
    }

    @Test
    void reportsAPinProtectedOrphanOnceAndNeverTriesToStopIt() {
        rig.runtime.start("locked", LobbyPin.of("9999"));
        rig.cycle();
        rig.advance(GRACE);

        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(OrphanReported.class, o -> {
            assertThat(o.lobbyId()).isEqualTo("locked");
            assertThat(o.pinRequired()).isTrue();
            assertThat(o.age()).isEqualTo(GRACE.plus(rig.config.interval()));
        });
        assertThat(rig.cycle().outcomes()).as("reported once").isEmpty();
        assertThat(rig.runtime.stopCalls()).isZero();
        assertThat(rig.reaper.orphans()).extracting(OrphanLobby::lobbyId).containsExactly("locked");
    }

    @Test
    void onlyReportsOpenOrphansWhenOrphanStoppingIsOff() {
        ReaperRig reportOnly = new ReaperRig(ReaperConfig.builder().stopOrphans(false).build());
        reportOnly.runtime.start("other-tool", null);
        reportOnly.cycle();
        reportOnly.advance(GRACE);

        assertThat(reportOnly.cycle().outcomes()).singleElement().isInstanceOf(OrphanReported.class);
        assertThat(reportOnly.runtime.isRunning("other-tool")).isTrue();
    }

    @Test
    void aBoundOnOrphanAgeIsConfigurable() {
        ReaperRig strict = new ReaperRig(ReaperConfig.builder().orphanGrace(Duration.ofMinutes(1)).build());
        strict.runtime.start("leak", null);
        strict.cycle();
        strict.cycle();

        assertThat(strict.cycle().count(CleanupOutcome.Kind.ORPHAN_STOPPED)).isEqualTo(1);
    }

    @Test
    void aLobbyWhosePermitIsCommittedDuringTheGracePeriodIsNoOrphan() {
        // created, listed before its permit is committed: it looks like an orphan for a moment
        rig.runtime.start("pending", LobbyPin.of("1234"));
        rig.cycle();
        rig.memory.putSession("s1");
        rig.memory.saveLobby(new LobbyRecord("pending", HOST, "s1", LobbyPin.of("1234"),
                rig.clock.instant(), rig.clock.instant()));
        rig.advance(GRACE);

        assertThat(rig.cycle().outcomes()).isEmpty();
        assertThat(rig.reaper.orphans()).isEmpty();
        assertThat(rig.runtime.isRunning("pending")).isTrue();
    }

    @Test
    void anOrphanCommittedJustBeforeItsStopIsLeftRunning() {
        AtomicBoolean commitDuringNextListing = new AtomicBoolean();
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                // the permit commits after the cycle read the records, before it stops the "orphan"
                if (commitDuringNextListing.getAndSet(false)) {
                    rig.memory.putSession("s1");
                    rig.memory.saveLobby(new LobbyRecord("late", HOST, "s1", null, rig.clock.instant(),
                            rig.clock.instant()));
                }
                return rig.runtime.listLobbies();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                rig.runtime.stopLobby(lobbyId, pin);
            }
        };
        rig.reaper = rig.newReaper();
        rig.runtime.start("late", null);
        rig.cycle();
        rig.advance(GRACE);
        commitDuringNextListing.set(true);

        assertThat(rig.cycle().outcomes()).isEmpty();
        assertThat(rig.runtime.isRunning("late")).isTrue();
        assertThat(rig.runtime.stopCalls()).isZero();
    }

    @Test
    void aRestartGivesEveryOrphanAFreshGracePeriod() {
        rig.runtime.start("leak", null);
        rig.cycle();
        rig.advance(GRACE.minusSeconds(60));
        rig.reaper = rig.newReaper();

        assertThat(rig.cycle().outcomes()).isEmpty();
        assertThat(rig.runtime.isRunning("leak")).isTrue();
    }

    @Test
    void aFailedOrphanStopIsNamedAndRetried() {
        rig.runtime.start("leak", null);
        rig.cycle();
        rig.advance(GRACE);
        rig.runtime.setIgnoreStops(true);

        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(CleanupOutcome.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.STILL_RUNNING);
            assertThat(f.sessionId()).isNull();
        });
        rig.runtime.setIgnoreStops(false);
        assertThat(rig.cycle().count(CleanupOutcome.Kind.ORPHAN_STOPPED)).isEqualTo(1);
    }

    @Test
    void anOrphanThatVanishesUnderAFailedStopIsGoneButNotCountedAsStopped() {
        rig.runtime.setFailAfterStopping(new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "Invalid lobby ID"));
        rig.runtime.start("leak", null);
        rig.cycle();
        rig.advance(GRACE);

        assertThat(rig.cycle().outcomes()).containsExactly(new CleanupOutcome.AlreadyGone(HOST, "leak", null, false));
        assertThat(rig.reaper.orphans()).isEmpty();
    }
}
