package dev.lobbygovernor.core.cleanup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled.Resolution;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.ReservationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ReservationPlanner}, pinned on both sides of its edge. */
class ReservationPlannerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MAX_CREATE = Duration.ofSeconds(60);
    private static final Instant EXPIRES = T0.plusSeconds(120);

    private static ReservationRecord reserved() {
        return ReservationRecord.reserved("r1", "h", "s", LobbyPin.of("1234"), "lobby-abc", T0, EXPIRES);
    }

    private static ReservationRecord creating(Instant at) {
        return reserved().creating(at);
    }

    private static List<ReservationPlanner.Settlement> plan(ReservationRecord r, List<LiveLobby> listed,
            Set<String> recorded, Instant listedAt) {
        return ReservationPlanner.plan(List.of(r), listed, recorded, MAX_CREATE, listedAt);
    }

    private static final LiveLobby FOUND = new LiveLobby("wolf-id", "lobby-abc", true, 0);

    @Test
    void anUnusedReservationIsRemovedFromItsExpiryOnAndNotBefore() {
        assertThat(plan(reserved(), List.of(), Set.of(), EXPIRES.minusMillis(1))).isEmpty();
        assertThat(plan(reserved(), List.of(), Set.of(), EXPIRES)).singleElement()
                .extracting(ReservationPlanner.Settlement::resolution).isEqualTo(Resolution.EXPIRED);
    }

    @Test
    void anUnusedReservationIsNeverStoppedEvenIfALobbyCarriesItsName() {
        assertThat(plan(reserved(), List.of(FOUND), Set.of(), EXPIRES.minusMillis(1))).isEmpty();
    }

    @Test
    void aCreateUnderWayIsLeftAloneUntilItsPermitExpires() {
        ReservationRecord r = creating(T0.plusSeconds(1));

        assertThat(plan(r, List.of(FOUND), Set.of(), EXPIRES.minusMillis(1))).isEmpty();
        assertThat(plan(r, List.of(FOUND), Set.of(), EXPIRES)).singleElement()
                .extracting(ReservationPlanner.Settlement::resolution).isEqualTo(Resolution.STOPPED);
    }

    @Test
    void anAbandonedReservationWhoseLobbyIsListedIsStoppedAtOnce() {
        ReservationRecord r = creating(T0.plusSeconds(1)).abandoned();

        List<ReservationPlanner.Settlement> plan = plan(r, List.of(FOUND), Set.of(), T0.plusSeconds(2));

        assertThat(plan).singleElement().satisfies(s -> {
            assertThat(s.resolution()).isEqualTo(Resolution.STOPPED);
            assertThat(s.lobby()).isEqualTo(FOUND);
        });
    }

    @Test
    void aListedLobbyThatHasARecordIsOnlyTheReservationToRemove() {
        ReservationRecord r = creating(T0.plusSeconds(1)).abandoned();

        assertThat(plan(r, List.of(FOUND), Set.of("wolf-id"), T0.plusSeconds(2))).singleElement()
                .extracting(ReservationPlanner.Settlement::resolution).isEqualTo(Resolution.COMMITTED);
    }

    @Test
    void anAbsentLobbyIsSettledOnlyOnceTheLongestCreateTimeHasPassed() {
        Instant attempt = T0.plusSeconds(1);
        ReservationRecord r = creating(attempt).abandoned();

        assertThat(plan(r, List.of(), Set.of(), attempt.plus(MAX_CREATE).minusMillis(1))).isEmpty();
        assertThat(plan(r, List.of(), Set.of(), attempt.plus(MAX_CREATE))).singleElement()
                .extracting(ReservationPlanner.Settlement::resolution).isEqualTo(Resolution.ABSENT);
    }

    @Test
    void anotherLobbysNameIsNotThisReservationsLobby() {
        ReservationRecord r = creating(T0).abandoned();
        LiveLobby other = new LiveLobby("x", "lobby-abd", false, 0);

        assertThat(plan(r, List.of(other), Set.of(), T0.plusSeconds(1))).isEmpty();
    }
}
