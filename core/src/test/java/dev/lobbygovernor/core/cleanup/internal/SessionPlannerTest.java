package dev.lobbygovernor.core.cleanup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.SessionCleanup;
import dev.lobbygovernor.core.runtime.LiveSession;
import dev.lobbygovernor.core.runtime.SessionListing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which streaming sessions are leaked: loose twice in a row, the first time at least the grace ago. */
class SessionPlannerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final ReaperConfig STOP = ReaperConfig.builder().sessionCleanup(SessionCleanup.STOP)
            .sessionGrace(GRACE).build();
    private static final ReaperConfig REPORT = STOP.toBuilder().sessionCleanup(SessionCleanup.REPORT).build();
    private static final LiveSession S1 = new LiveSession("s1", "app");

    private static SessionListing loose(LiveSession... sessions) {
        return new SessionListing(List.of(sessions), Set.of(), true, Set.of());
    }

    private static Map<String, SessionSighting> seenAt(Instant since, int listings, boolean reported) {
        return Map.of("s1", new SessionSighting(since, listings, reported));
    }

    @Test
    void offPlansNothingAndRemembersNothing() {
        ReaperConfig off = STOP.toBuilder().sessionCleanup(SessionCleanup.OFF).build();
        SessionPlanner.Plan plan = SessionPlanner.plan(loose(S1), seenAt(T0, 5, false), Map.of(), off,
                T0.plus(GRACE.multipliedBy(3)));
        assertThat(plan.leaks()).isEmpty();
        assertThat(plan.sightings()).isEmpty();
    }

    @Test
    void aFirstLooseSightingStartsARunAndIsNoLeakHoweverLongTheGrace() {
        SessionPlanner.Plan plan = SessionPlanner.plan(loose(S1), Map.of(), Map.of(), STOP, T0);
        assertThat(plan.leaks()).isEmpty();
        assertThat(plan.sightings()).isEqualTo(seenAt(T0, 1, false));
    }

    @Test
    void aSecondSightingLeaksFromExactlyTheGraceOnAndNotOneMillisecondBefore() {
        Instant atGrace = T0.plus(GRACE);
        SessionPlanner.Plan early = SessionPlanner.plan(loose(S1), seenAt(T0, 1, false), Map.of(), STOP,
                atGrace.minusMillis(1));
        assertThat(early.leaks()).isEmpty();
        assertThat(early.sightings()).isEqualTo(seenAt(T0, 2, false));

        SessionPlanner.Plan due = SessionPlanner.plan(loose(S1), seenAt(T0, 1, false), Map.of(), STOP, atGrace);
        assertThat(due.leaks()).containsExactly(new SessionPlanner.Leak(S1, T0, true));
        assertThat(due.sightings()).isEqualTo(seenAt(T0, 2, false));
    }

    @Test
    void aStopIsHeldBackUntilItsRetryTimeAndAttemptedFromItOn() {
        Instant now = T0.plus(GRACE);
        assertThat(SessionPlanner.plan(loose(S1), seenAt(T0, 1, false), Map.of("s1", now.plusMillis(1)), STOP, now)
                .leaks()).isEmpty();
        assertThat(SessionPlanner.plan(loose(S1), seenAt(T0, 1, false), Map.of("s1", now), STOP, now).leaks())
                .containsExactly(new SessionPlanner.Leak(S1, T0, true));
    }

    @Test
    void reportModeReportsALeakOnceAndRemembersThatItDid() {
        Instant now = T0.plus(GRACE);
        SessionPlanner.Plan first = SessionPlanner.plan(loose(S1), seenAt(T0, 1, false), Map.of(), REPORT, now);
        assertThat(first.leaks()).containsExactly(new SessionPlanner.Leak(S1, T0, false));
        assertThat(first.sightings()).isEqualTo(seenAt(T0, 2, true));

        SessionPlanner.Plan again = SessionPlanner.plan(loose(S1), first.sightings(), Map.of(), REPORT, now.plusSeconds(60));
        assertThat(again.leaks()).isEmpty();
        assertThat(again.sightings()).isEqualTo(seenAt(T0, 3, true));
    }

    @Test
    void anAttachedSessionIsNeverActedOnAndEndsItsRun() {
        Instant now = T0.plus(GRACE);
        SessionListing inLobby = new SessionListing(List.of(S1), Set.of("s1"), true, Set.of());
        SessionListing streaming = new SessionListing(List.of(S1), Set.of(), true, Set.of("s1"));
        SessionListing noClientList = new SessionListing(List.of(S1), Set.of(), false, Set.of());
        for (SessionListing listing : List.of(inLobby, streaming, noClientList)) {
            SessionPlanner.Plan plan = SessionPlanner.plan(listing, seenAt(T0, 3, false), Map.of(), STOP, now);
            assertThat(plan.leaks()).isEmpty();
            assertThat(plan.sightings()).isEmpty();
        }
    }

    @Test
    void aSessionListedTwiceIsJudgedOnce() {
        Instant now = T0.plus(GRACE);
        LiveSession twin = new LiveSession("s1", "other-app");
        SessionPlanner.Plan once = SessionPlanner.plan(loose(S1, twin), seenAt(T0, 1, false), Map.of(), STOP, now);
        assertThat(once.leaks()).containsExactly(new SessionPlanner.Leak(S1, T0, true));
        assertThat(once.sightings()).isEqualTo(seenAt(T0, 2, false));

        SessionListing bothInALobby = new SessionListing(List.of(S1, twin), Set.of("s1"), true, Set.of());
        SessionPlanner.Plan attached = SessionPlanner.plan(bothInALobby, seenAt(T0, 1, false), Map.of(), STOP, now);
        assertThat(attached.leaks()).isEmpty();
        assertThat(attached.sightings()).isEmpty();
    }

    @Test
    void aFailedListingForgetsEveryRun() {
        assertThat(SessionPlanner.forget()).isEmpty();
    }
}
