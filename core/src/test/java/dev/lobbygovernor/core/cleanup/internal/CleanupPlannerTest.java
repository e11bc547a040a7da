package dev.lobbygovernor.core.cleanup.internal;

import static dev.lobbygovernor.core.cleanup.internal.PlannerScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.lobbygovernor.core.cleanup.StopReason;
import dev.lobbygovernor.core.cleanup.internal.HostView.TrackedRecord;
import dev.lobbygovernor.core.runtime.LiveLobby;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The planner's rules, checked over random hosts. */
class CleanupPlannerTest {

    private static final int EXAMPLES = 500;

    private static Set<String> listedIds(HostView view) {
        return ((HostView.Listed) view.runtime()).lobbies().stream().map(LiveLobby::id).collect(Collectors.toSet());
    }

    private static int clientsOf(HostView view, String lobbyId) {
        return ((HostView.Listed) view.runtime()).lobbies().stream().filter(l -> l.id().equals(lobbyId))
                .mapToInt(LiveLobby::connectedSessions).findFirst().orElse(0);
    }

    private static boolean inBackoff(PlannerScenario s, String id) {
        var notBefore = s.retryNotBefore().get(id);
        return notBefore != null && notBefore.isAfter(NOW);
    }

    @Test
    void plansAtMostOneActionPerLobby() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.all()).checkAssert(s -> {
            List<String> ids = s.plan().actions().stream().map(PlannedAction::lobbyId).toList();
            assertThat(ids).doesNotHaveDuplicates();
        });
    }

    @Test
    void againstAnUnreachableRuntimeOnlyReportsDueLobbiesAndKeepsOrphanAges() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.reachable(false)).checkAssert(s -> {
            HostPlan plan = s.plan();
            assertThat(plan.actions()).allMatch(a -> a instanceof PlannedAction.ReportUnreachable);
            Set<String> due = s.view().records().stream()
                    .filter(t -> CleanupPlanner.dueReason(t, false, s.config(), NOW).isPresent())
                    .map(t -> t.record().lobbyId()).collect(Collectors.toSet());
            assertThat(plan.actions()).extracting(PlannedAction::lobbyId).containsExactlyInAnyOrderElementsOf(due);
            assertThat(plan.sightings()).isEqualTo(s.sightings());
        });
    }

    @Test
    void forgetsExactlyTheRecordsWhoseLobbyIsNotListed() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.reachable(true)).checkAssert(s -> {
            Set<String> listed = listedIds(s.view());
            Set<String> forgotten = s.plan().actions().stream().filter(a -> a instanceof PlannedAction.ForgetRecord)
                    .map(PlannedAction::lobbyId).collect(Collectors.toSet());
            Set<String> unlisted = s.view().records().stream().map(t -> t.record().lobbyId())
                    .filter(id -> !listed.contains(id)).collect(Collectors.toSet());
            assertThat(forgotten).isEqualTo(unlisted);
        });
    }

    @Test
    void stopsEveryListedDueRecordNotInBackoffAndNothingElseRecorded() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.reachable(true)).checkAssert(s -> {
            Set<String> listed = listedIds(s.view());
            Map<String, StopReason> expected = new java.util.HashMap<>();
            for (TrackedRecord t : s.view().records()) {
                String id = t.record().lobbyId();
                if (listed.contains(id) && !inBackoff(s, id)) {
                    CleanupPlanner.dueReason(t, clientsOf(s.view(), id) > 0, s.config(), NOW)
                            .ifPresent(r -> expected.put(id, r));
                }
            }
            Map<String, StopReason> planned = s.plan().actions().stream()
                    .filter(a -> a instanceof PlannedAction.StopRecorded)
                    .map(a -> (PlannedAction.StopRecorded) a)
                    .collect(Collectors.toMap(PlannedAction::lobbyId, PlannedAction.StopRecorded::reason));
            assertThat(planned).isEqualTo(expected);
        });
    }

    @Test
    void neverStopsALobbyWithConnectedClientsAsIdle() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.reachable(true)).checkAssert(s -> {
            for (PlannedAction a : s.plan().actions()) {
                if (a instanceof PlannedAction.StopRecorded stop && clientsOf(s.view(), stop.lobbyId()) > 0) {
                    assertThat(stop.reason()).isNotEqualTo(StopReason.IDLE_TIMEOUT);
                }
            }
        });
    }

    @Test
    void stillStopsALobbyWithConnectedClientsWhoseSessionIsGone() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.reachable(true)).checkAssert(s -> {
            Set<String> stopped = s.plan().actions().stream().filter(a -> a instanceof PlannedAction.StopRecorded)
                    .map(PlannedAction::lobbyId).collect(Collectors.toSet());
            for (TrackedRecord t : s.view().records()) {
                String id = t.record().lobbyId();
                boolean gone = t.session() != null && !t.session().isLive();
                if (gone && listedIds(s.view()).contains(id) && !inBackoff(s, id)) {
                    assertThat(stopped).contains(id);
                }
            }
        });
    }

    @Test
    void stopsOnlyOpenOrphansPastTheGracePeriodAndNeverARecordedLobby() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.reachable(true)).checkAssert(s -> {
            HostPlan plan = s.plan();
            Set<String> recorded = s.view().records().stream().map(t -> t.record().lobbyId()).collect(Collectors.toSet());
            for (PlannedAction a : plan.actions()) {
                if (a instanceof PlannedAction.StopOrphan stop) {
                    assertThat(recorded).doesNotContain(stop.lobbyId());
                    assertThat(stop.lobby().pinRequired()).isFalse();
                    assertThat(s.config().stopOrphans()).isTrue();
                    assertThat(stop.firstSeenAt().plus(s.config().orphanGrace())).isBeforeOrEqualTo(NOW);
                    assertThat(inBackoff(s, stop.lobbyId())).isFalse();
                }
            }
        });
    }

    @Test
    void reportsEachOrphanLeftRunningOnceAndRemembersEveryOrphanItSaw() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.reachable(true)).checkAssert(s -> {
            HostPlan plan = s.plan();
            Map<String, OrphanSighting> before = s.sightings();
            Set<String> orphanIds = new HashSet<>(listedIds(s.view()));
            s.view().records().forEach(t -> orphanIds.remove(t.record().lobbyId()));
            assertThat(plan.sightings().keySet()).isEqualTo(orphanIds);
            plan.sightings().forEach((id, seen) -> {
                if (before.containsKey(id)) {
                    assertThat(seen.firstSeenAt()).isEqualTo(before.get(id).firstSeenAt());
                } else {
                    assertThat(seen.firstSeenAt()).isEqualTo(NOW);
                }
            });
            plan.actions().stream().filter(a -> a instanceof PlannedAction.ReportOrphan).forEach(a -> {
                assertThat(before.getOrDefault(a.lobbyId(), new OrphanSighting(NOW, false, false)).reported()).isFalse();
                assertThat(plan.sightings().get(a.lobbyId()).reported()).isTrue();
            });
        });
    }

    @Test
    void judgesAnUnknownSessionOnIdleTimeAlone() {
        qt().withExamples(EXAMPLES).forAll(PlannerScenario.all()).checkAssert(s -> {
            for (TrackedRecord t : s.view().records()) {
                if (t.session() == null) {
                    boolean idle = CleanupPlanner.isIdle(t.record(), s.config(), NOW);
                    assertThat(CleanupPlanner.dueReason(t, false, s.config(), NOW))
                            .isEqualTo(idle ? java.util.Optional.of(StopReason.IDLE_TIMEOUT) : java.util.Optional.empty());
                }
            }
        });
    }
}
