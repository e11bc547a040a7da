package dev.lobbygovernor.core.cleanup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.StopReason;
import dev.lobbygovernor.core.cleanup.internal.HostView.TrackedRecord;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each time limit of the cleanup planner, pinned on both sides of its edge. */
class CleanupPlannerBoundaryTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Duration MAX_CREATE = Duration.ofSeconds(60);
    private static final ReaperConfig CONFIG = ReaperConfig.builder().idleTimeout(IDLE).orphanGrace(GRACE)
            .maxCreateTime(MAX_CREATE).stopOrphans(true).build();

    private static LobbyRecord record(Instant createdAt, Instant lastActivity) {
        return new LobbyRecord("l1", "h", "s1", null, createdAt, lastActivity);
    }

    private static HostPlan plan(List<TrackedRecord> records, List<LiveLobby> live, Map<String, OrphanSighting> seen,
            Map<String, Instant> retry) {
        return CleanupPlanner.plan(new HostView("h", records, new HostView.Listed(live)), seen, retry, CONFIG, NOW);
    }

    private static TrackedRecord present(LobbyRecord record) {
        return new TrackedRecord(record, SessionState.present("s1"));
    }

    @Test
    void aLobbyIsIdleOnlyWhenItsLastActivityIsStrictlyBeforeTheTimeout() {
        LobbyRecord atLimit = record(NOW.minus(IDLE).minusSeconds(1), NOW.minus(IDLE));
        LobbyRecord past = record(NOW.minus(IDLE).minusSeconds(1), NOW.minus(IDLE).minusMillis(1));
        assertThat(CleanupPlanner.isIdle(atLimit, CONFIG, NOW)).isFalse();
        assertThat(CleanupPlanner.isIdle(past, CONFIG, NOW)).isTrue();
        LiveLobby l1 = new LiveLobby("l1", "n", true, 0);
        assertThat(plan(List.of(present(atLimit)), List.of(l1), Map.of(), Map.of()).actions()).isEmpty();
        assertThat(plan(List.of(present(past)), List.of(l1), Map.of(), Map.of()).actions())
                .containsExactly(new PlannedAction.StopRecorded(past, StopReason.IDLE_TIMEOUT));
    }

    @Test
    void aRecordWhoseLobbyIsNotListedIsForgottenFromTheLongestCreateTimeOnAndNotBefore() {
        LobbyRecord young = record(NOW.minus(MAX_CREATE).plusMillis(1), NOW);
        LobbyRecord due = record(NOW.minus(MAX_CREATE), NOW);
        assertThat(plan(List.of(present(young)), List.of(), Map.of(), Map.of()).actions()).isEmpty();
        assertThat(plan(List.of(present(due)), List.of(), Map.of(), Map.of()).actions())
                .containsExactly(new PlannedAction.ForgetRecord(due));
    }

    @Test
    void aRetryIsHeldBackUntilItsTimeAndAttemptedFromItOn() {
        LobbyRecord gone = record(NOW.minusSeconds(3600), NOW);
        TrackedRecord tracked = new TrackedRecord(gone, SessionState.gone("s1"));
        LiveLobby l1 = new LiveLobby("l1", "n", true, 0);
        assertThat(plan(List.of(tracked), List.of(l1), Map.of(), Map.of("l1", NOW.plusMillis(1))).actions()).isEmpty();
        assertThat(plan(List.of(tracked), List.of(l1), Map.of(), Map.of("l1", NOW)).actions())
                .containsExactly(new PlannedAction.StopRecorded(gone, StopReason.SESSION_GONE));
    }

    @Test
    void anOrphanIsActedOnFromExactlyTheGracePeriodOnAndNotBefore() {
        LiveLobby open = new LiveLobby("o1", "orphan", false, 0);
        Instant firstSeen = NOW.minus(GRACE);
        assertThat(plan(List.of(), List.of(open), Map.of("o1", new OrphanSighting(firstSeen.plusMillis(1), false, false)),
                Map.of()).actions()).isEmpty();
        HostPlan due = plan(List.of(), List.of(open), Map.of("o1", new OrphanSighting(firstSeen, false, false)), Map.of());
        assertThat(due.actions()).containsExactly(new PlannedAction.StopOrphan(open, firstSeen));
        assertThat(due.sightings()).containsEntry("o1", new OrphanSighting(firstSeen, false, false));
    }

    @Test
    void aPinnedOrphanPastTheGraceIsReportedOnceAndRemembered() {
        LiveLobby pinned = new LiveLobby("o1", "orphan", true, 0);
        Instant firstSeen = NOW.minus(GRACE);
        HostPlan first = plan(List.of(), List.of(pinned), Map.of("o1", new OrphanSighting(firstSeen, true, false)),
                Map.of());
        assertThat(first.actions()).containsExactly(new PlannedAction.ReportOrphan(pinned, firstSeen));
        assertThat(first.sightings()).containsEntry("o1", new OrphanSighting(firstSeen, true, true));
        assertThat(plan(List.of(), List.of(pinned), first.sightings(), Map.of()).actions()).isEmpty();
    }

    @Test
    void aNewOrphanIsRememberedFromNow() {
        LiveLobby open = new LiveLobby("o1", "orphan", false, 0);
        HostPlan plan = plan(List.of(), List.of(open), Map.of(), Map.of());
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.sightings()).containsExactly(Map.entry("o1", new OrphanSighting(NOW, false, false)));
    }

    @Test
    void aLobbyWhoseRecordTheStoreHandsBackTwiceIsStillLiveForBothAndNoOrphan() {
        LobbyRecord old = record(NOW.minus(IDLE).minusSeconds(5), NOW.minus(IDLE).minusSeconds(5));
        LobbyRecord other = new LobbyRecord("l2", "h", "s1", null, NOW.minus(MAX_CREATE), NOW);
        LiveLobby l1 = new LiveLobby("l1", "n", false, 1);
        LiveLobby orphan = new LiveLobby("l3", "n3", false, 0);

        LobbyRecord first = new LobbyRecord("l4", "h", "s1", null, NOW.minus(MAX_CREATE), NOW);
        LiveLobby l4 = new LiveLobby("l4", "n4", false, 1);

        // a record that misses (l2) comes before the lobby l1 is claimed, and l1's copy after it
        HostPlan plan = plan(List.of(present(first), present(other), present(old), present(old)),
                List.of(l1, orphan, l4), Map.of(), Map.of());

        // l1 has a client: neither copy is stopped nor forgotten; l2 is not listed; l3 is seen, not yet acted on
        assertThat(plan.actions()).containsExactly(new PlannedAction.ForgetRecord(other));
        assertThat(plan.sightings()).containsOnlyKeys("l3");
    }
}
