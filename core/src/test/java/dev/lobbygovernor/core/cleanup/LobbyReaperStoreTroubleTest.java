package dev.lobbygovernor.core.cleanup;

import static dev.lobbygovernor.core.cleanup.ReaperRig.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Failed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.SessionState;
import dev.lobbygovernor.testing.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A cycle when the store or the runtime answers badly: what it still does, what it leaves
 * alone, and the one line an operator reads about it.
 */
class LobbyReaperStoreTroubleTest {

    private final ReaperRig rig = new ReaperRig();

    private static List<String> warnings(LogCapture log) {
        return log.at(Level.WARN).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static LogCapture capture() {
        return LogCapture.of("dev.lobbygovernor.core.cleanup");
    }

    private void runtimeListing(Supplier<List<LiveLobby>> listing) {
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() {
                return listing.get();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                rig.runtime.stopLobby(lobbyId, pin);
            }
        };
        rig.reaper = rig.newReaper();
    }

    @Test
    void aStoreThatCannotListRecordsSkipsTheCycleSayingNothingWasStoppedOrRemoved() {
        rig.store.failListing = true;
        try (LogCapture log = capture()) {
            assertThat(rig.cycle().status()).isEqualTo(CycleReport.Status.STORE_UNAVAILABLE);
            assertThat(warnings(log)).containsExactly("Lobby cleanup skipped: the session store could not list lobby "
                    + "records; nothing was stopped or removed");
            assertThat(log.renderedLines().get(0)).contains("detail=lobby table unavailable");
        }
    }

    @Test
    void aStoreThatListsNullRecordsIsUnavailableToo() {
        rig.runtime.start("unrecorded", null);
        rig.store.nullListing = true;
        CycleReport report = rig.cycle();
        assertThat(report).isEqualTo(CycleReport.empty(report.startedAt(), CycleReport.Status.STORE_UNAVAILABLE));
        assertThat(rig.runtime.listCalls()).isZero();
    }

    @Test
    void aSessionLookupThatFailsIsWarnedAboutWithTheNumberOfLobbiesJudgedOnIdleTimeAlone() {
        rig.commit("a", "s1", null);
        rig.commit("b", "s2", null);
        rig.memory.hardDeleteSession("s1");
        rig.store.failSessions = true;
        try (LogCapture log = capture()) {
            assertThat(rig.cycle().outcomes()).isEmpty();
            assertThat(warnings(log)).containsExactly("The session store could not say where sessions stand; "
                    + "lobbies are judged on idle time alone this cycle");
            assertThat(log.renderedLines().get(0)).contains("lobbies=2", "detail=sessions table unavailable");
        }
    }

    @Test
    void aSessionLookupAnsweringNullIsTreatedAsAFailedOne() {
        rig.commit("a", "s1", null);
        rig.memory.hardDeleteSession("s1");
        rig.store.sessionsAnswer = null;
        rig.store.failSessions = false;
        FlakyStore nulls = rig.store;
        nulls.sessionsAnswer = Map.of(); // answers nothing for any session: unknown, not gone
        try (LogCapture log = capture()) {
            assertThat(rig.cycle().outcomes()).as("an unknown session is not a gone one").isEmpty();
            assertThat(warnings(log)).containsExactly("The session store did not say where some sessions stand; "
                    + "their lobbies are judged on idle time alone this cycle");
            assertThat(log.renderedLines().get(0)).contains("lobbies=1");
        }
        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT);
        assertThat(rig.cycle().outcomes()).containsExactly(new Stopped(HOST, "a", "s1", StopReason.IDLE_TIMEOUT, true));
    }

    @Test
    void aSessionMissingFromTheAnswerIsCountedAloneWhileTheOthersAreJudgedByTheirState() {
        rig.commit("a", "s1", null);
        rig.commit("b", "s2", null);
        rig.store.sessionsAnswer = Map.of("s2", SessionState.gone("s2"));
        try (LogCapture log = capture()) {
            assertThat(rig.cycle().outcomes()).containsExactly(
                    new Stopped(HOST, "b", "s2", StopReason.SESSION_GONE, true));
            assertThat(log.renderedLines()).filteredOn(l -> l.contains("did not say where some sessions stand"))
                    .singleElement().satisfies(l -> assertThat(l).contains("lobbies=1"));
        }
    }

    @Test
    void aStoreThatKnowsEverySessionCausesNoWarning() {
        rig.commit("a", "s1", null);
        try (LogCapture log = capture()) {
            rig.cycle();
            assertThat(warnings(log)).isEmpty();
        }
    }

    @Test
    void reservationsThatCannotBeListedAreLeftForLaterAndLobbiesAreStillCleaned() {
        rig.commit("a", "s1", null);
        rig.memory.hardDeleteSession("s1");
        rig.store.failReservations = true;
        try (LogCapture log = capture()) {
            assertThat(rig.cycle().outcomes()).containsExactly(
                    new Stopped(HOST, "a", "s1", StopReason.SESSION_GONE, true));
            assertThat(warnings(log)).containsExactly(
                    "Reservations not settled this cycle: the session store could not list them");
            assertThat(log.renderedLines()).filteredOn(l -> l.startsWith("WARN"))
                    .singleElement().satisfies(l -> assertThat(l).contains("detail=reservation table unavailable"));
        }
    }

    @Test
    void aRuntimeListingNullIsAProtocolFailureAndNothingIsRemoved() {
        runtimeListing(() -> null);
        rig.commit("a", "s1", null);
        rig.memory.hardDeleteSession("s1");

        CycleReport report = rig.cycle();

        assertThat(report.unreachableHosts()).containsExactly(HOST);
        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.RUNTIME_PROTOCOL);
            assertThat(f.detail()).isEqualTo("listLobbies() returned null");
        });
        assertThat(rig.memory.findLobby("a")).isPresent();
    }

    @Test
    void aRuntimeThrowingUncheckedNamesTheExceptionInTheFailure() {
        runtimeListing(() -> {
            throw new IllegalStateException("decoder bug");
        });
        rig.commit("a", "s1", null);
        rig.memory.hardDeleteSession("s1");

        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.detail()).isEqualTo("IllegalStateException: decoder bug"));
    }

    @Test
    void aHostWithoutARuntimeSaysSoInItsFailure() {
        rig.memory.saveLobby(new dev.lobbygovernor.store.LobbyRecord("far", "wolf-9", "s9", null,
                rig.clock.instant(), rig.clock.instant()));
        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.detail()).isEqualTo("no LobbyRuntime is configured for this host"));
    }

    @Test
    void hostWorkThatFailsUnexpectedlyIsLoggedAsAnErrorAndTheHostCountsUnreachable() {
        runtimeListing(() -> {
            throw new AssertionError("not an exception a runtime may throw");
        });
        rig.commit("a", "s1", null);
        try (LogCapture log = capture()) {
            CycleReport report = rig.cycle();
            assertThat(report.status()).isEqualTo(CycleReport.Status.COMPLETED);
            assertThat(report.unreachableHosts()).containsExactly(HOST);
            assertThat(report.outcomes()).isEmpty();
            assertThat(log.at(Level.ERROR)).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo(
                        "Lobby cleanup on this host failed unexpectedly; the next cycle tries again");
                assertThat(e.getThrowableProxy().getMessage()).isEqualTo("not an exception a runtime may throw");
            });
        }
    }

    @Test
    void activityThatCannotBeWrittenIsWarnedAboutWithTheNumberOfLobbies() {
        rig.commit("a", "s1", null);
        rig.commit("b", "s2", null);
        rig.runtime.setClients("a", 1);
        rig.runtime.setClients("b", 2);
        rig.store.failTouches = true;
        rig.advance(ReaperConfig.DEFAULT_ACTIVITY_RESOLUTION);
        try (LogCapture log = capture()) {
            rig.cycle();
            assertThat(log.renderedLines()).filteredOn(l -> l.contains("could not record the activity"))
                    .singleElement().satisfies(l -> assertThat(l).startsWith("WARN").contains("lobbies=2"));
        }
    }

    @Test
    void anIdleLobbyWhoseRecordCannotBeReadAgainIsLeftRunningAndTheStoreFailureNamed() {
        rig.commit("idle", "s1", null);
        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT);
        rig.store.failFindLobby = true;

        CycleReport report = rig.cycle();

        assertThat(report.outcomes()).containsExactly(new Failed(HOST, "idle", "s1", FailureReason.STORE_UNAVAILABLE,
                "lobby table unavailable", 0, report.startedAt()));
        assertThat(rig.runtime.isRunning("idle")).isTrue();
        assertThat(rig.memory.findLobby("idle")).isPresent();
    }

    @Test
    void aLobbyWhoseSessionIsGoneIsStoppedWithoutReadingItsRecordAgain() {
        rig.commit("a", "s1", null);
        rig.memory.hardDeleteSession("s1");
        rig.store.failFindLobby = true;

        assertThat(rig.cycle().outcomes()).containsExactly(new Stopped(HOST, "a", "s1", StopReason.SESSION_GONE, true));
    }

    @Test
    void anOrphanThatCannotBeCheckedAgainstTheStoreIsLeftRunningAndTheStoreFailureNamed() {
        rig.runtime.start("orphan", null);
        rig.cycle(); // first seen
        rig.advance(ReaperConfig.DEFAULT_ORPHAN_GRACE);
        rig.store.failFindLobby = true;

        CycleReport report = rig.cycle();

        assertThat(report.outcomes()).containsExactly(new Failed(HOST, "orphan", null, FailureReason.STORE_UNAVAILABLE,
                "lobby table unavailable", 0, report.startedAt()));
        assertThat(rig.runtime.isRunning("orphan")).isTrue();
        assertThat(rig.reaper.orphans()).extracting(OrphanLobby::lobbyId).containsExactly("orphan");
    }

    @Test
    void aRecordWhoseLobbyIsNotListedAndCannotBeRemovedIsForgottenNextCycle() {
        rig.commit("vanished", "s1", null);
        rig.runtime.vanish("vanished");
        rig.advance(ReaperConfig.DEFAULT_MAX_CREATE_TIME);
        rig.store.failRemovals = true;

        assertThat(rig.cycle().outcomes()).containsExactly(new CleanupOutcome.AlreadyGone(HOST, "vanished", "s1", false));
        assertThat(rig.memory.findLobby("vanished")).isPresent();

        rig.store.failRemovals = false;
        assertThat(rig.cycle().outcomes()).containsExactly(new CleanupOutcome.AlreadyGone(HOST, "vanished", "s1", true));
        assertThat(rig.memory.findLobby("vanished")).isEmpty();
    }

    @Test
    void aDueLobbyOnAHostThatCannotBeListedCarriesItsEarlierFailuresAndIsNotHeldBack() {
        rig.commit("a", "s1", "4821");
        rig.memory.hardDeleteSession("s1");
        rig.runtime.setIgnoreStops(true);
        assertThat(rig.cycle().outcomes()).singleElement().isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.consecutiveFailures()).isEqualTo(1));
        rig.runtime.setUnreachable(true);

        CycleReport report = rig.cycle();

        assertThat(report.outcomes()).containsExactly(new Failed(HOST, "a", "s1", FailureReason.RUNTIME_UNAVAILABLE,
                "fake runtime unreachable", 1, report.startedAt()));
        assertThat(events(report)).as("the listener hears it too").isNotEmpty();
    }

    private List<CleanupOutcome> events(CycleReport report) {
        return rig.events.outcomes.stream().filter(report.outcomes()::contains).toList();
    }
}
