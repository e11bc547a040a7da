package dev.lobbygovernor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.jupiter.api.Test;

/** The contract kit is only worth running if it catches the mistakes hosts make: it must fail these. */
class SessionStoreContractSelfTest {

    @Test
    void catchesRecordsCascadeDeletedWithTheirSession() {
        assertThat(failuresOf(BrokenStores.CascadingDelete.class))
                .contains("keepsLobbyRecordsWhenTheirSessionIsHardDeleted");
    }

    @Test
    void catchesASoftDeletedSessionReportedAsGone() {
        assertThat(failuresOf(BrokenStores.SoftDeleteAsGone.class))
                .containsExactly("findsASoftDeletedSessionWithItsDeletionTime");
    }

    @Test
    void catchesATouchThatMovesActivityBackward() {
        assertThat(failuresOf(BrokenStores.BlindTouch.class))
                .contains("touchNeverMovesLastActivityBackward");
    }

    @Test
    void catchesLostUpdatesBetweenConcurrentTouches() {
        // A lost update shows only when two touches interleave; on a loaded machine one run of
        // the kit may miss it, so it gets a few runs (each one is a real chance to catch it).
        boolean caught = false;
        for (int run = 0; run < 5 && !caught; run++) {
            caught = failuresOf(BrokenStores.NonAtomicTouch.class).contains("parallelTouchesKeepTheLatestActivity");
        }
        assertThat(caught).as("the kit's parallel-touch test catches a non-atomic touch").isTrue();
    }

    @Test
    void catchesAPinThatLosesItsLeadingZeros() {
        assertThat(failuresOf(BrokenStores.PinAsNumber.class)).contains("roundTripsThePinExactly");
    }

    @Test
    void catchesAHostListingNotOrderedByAge() {
        assertThat(failuresOf(BrokenStores.ListsByLobbyId.class))
                .contains("listsLobbiesOnAHostOldestFirstAndOnlyThatHost");
    }

    @Test
    void catchesAnUpdateThatReCreatesARemovedReservation() {
        assertThat(failuresOf(BrokenStores.UpdateCreates.class)).contains("updateNeverCreatesAReservation");
    }

    @Test
    void catchesACommitWithoutItsReservation() {
        assertThat(failuresOf(BrokenStores.CommitWithoutReservation.class))
                .contains("commitOfAReservationThatIsGoneChangesNothing", "parallelCommitsOfOneReservationSucceedOnce");
    }

    @Test
    void catchesABatchLookupThatLeavesUnknownSessionsOut() {
        assertThat(failuresOf(BrokenStores.BatchLookupDropsUnknownSessions.class))
                .contains("findsEachOfSeveralSessionsAsPresentSoftDeletedOrGone", "answersOnceForEachDistinctSession");
    }

    @Test
    void catchesAnEmptyListingInPlaceOfAnOutage() {
        assertThat(failuresOf(BrokenStores.EmptyAnswersWhileDown.class))
                .contains("everyMethodThrowsStoreExceptionWhileTheDatabaseIsDown")
                .doesNotContain("readsBackASavedRecordFieldForField", "failedCallsChangeNothing");
    }

    @Test
    void catchesALedgerThatDecidesWithoutALock() {
        // like a lost update, an overshoot needs an interleaving: a few runs give it real chances
        boolean caught = false;
        for (int run = 0; run < 5 && !caught; run++) {
            caught = failuresOf(BrokenStores.UnlockedLedger.class)
                    .contains("replicasRacingForTheLastSlotsNeverExceedTheCap");
        }
        assertThat(caught).as("the kit's race catches a ledger without a lock").isTrue();
    }

    /** Runs the kit bound to {@code run} and names the test methods that failed (a skipped test did not). */
    private static Set<String> failuresOf(Class<?> run) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED
                        && id.getSource().orElse(null) instanceof MethodSource m) {
                    failed.add(m.getMethodName());
                }
            }
        };
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(run)).build(), listener);
        return failed;
    }
}
