package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.EncoderCapScope;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which GPU takes the next lobby, decided from what is placed on each: every rule of the choice
 * and of the load count, each pinned where its outcome turns.
 */
class GpuChoiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration DELAY = Duration.ofSeconds(60);

    private final List<LiveLobby> listed = new ArrayList<>();
    private final List<LobbyRecord> lobbyRecords = new ArrayList<>();
    private final List<ReservationRecord> reservations = new ArrayList<>();
    private int reservationIds;

    private static GpuSlot slot(String uuid, int cap) {
        return new GpuSlot(uuid, cap, null, 0);
    }

    private static EffectiveCap cap(GpuSlot... slots) {
        return encoderCap(0, EncoderCapScope.PER_HOST, slots);
    }

    private static EffectiveCap encoderCap(int encoderCap, EncoderCapScope scope, GpuSlot... slots) {
        int sum = 0;
        for (GpuSlot s : slots) {
            sum += s.cap();
        }
        return new EffectiveCap(sum, LimitKind.GPU_MEMORY, Math.max(sum - 1, 1), null, encoderCap, 1, 0, scope,
                List.of(slots));
    }

    /** A committed lobby on {@code gpu}, listed with {@code clients} connected. */
    private void lobbyOn(String gpu, int clients) {
        String id = "l" + (listed.size() + 1);
        listed.add(new LiveLobby(id, "name-" + id, false, clients));
        lobbyRecords.add(new LobbyRecord(id, "h", "s-" + id, null, NOW.minusSeconds(600), NOW.minusSeconds(600), gpu));
    }

    /** A lobby running with no record: nothing places it. */
    private void unrecordedLobby() {
        String id = "x" + (listed.size() + 1);
        listed.add(new LiveLobby(id, "name-" + id, false, 0));
    }

    /** An open reservation on {@code gpu} ({@code null} for none) whose lobby is not listed yet. */
    private ReservationRecord reservationOn(String gpu) {
        String id = "r" + (++reservationIds);
        ReservationRecord r = ReservationRecord.reserved(id, "h", "s-" + id, null, "lobby-" + id, NOW.minusSeconds(1),
                NOW.plusSeconds(60));
        r = gpu == null ? r : r.onGpu(gpu);
        reservations.add(r);
        return r;
    }

    private GpuChoice.Loads loads(EffectiveCap cap) {
        Listing listing = Listing.of(listed, NOW.toEpochMilli());
        HostRecords records = new HostRecords("h", lobbyRecords, reservations);
        return GpuChoice.loads(cap, listing, records, HostCount.of(listing, records, NOW, DELAY), NOW);
    }

    private GpuChoice.Choice choose(EffectiveCap cap) {
        Listing listing = Listing.of(listed, NOW.toEpochMilli());
        HostRecords records = new HostRecords("h", lobbyRecords, reservations);
        return GpuChoice.choose(cap, listing, records, HostCount.of(listing, records, NOW, DELAY), NOW);
    }

    @Test
    void emptyGpusOfEqualShareGoToTheFirstListed() {
        assertThat(choose(cap(slot("A", 3), slot("B", 5))).gpu()).isEqualTo("A");
        assertThat(choose(cap(slot("B", 5), slot("A", 3))).gpu()).isEqualTo("B");
    }

    @Test
    void theGpuWithTheSmallerShareOfItsCapInUseTakesTheLobby() {
        lobbyOn("A", 0);
        lobbyOn("B", 0);

        // 1/3 against 1/5
        assertThat(choose(cap(slot("A", 3), slot("B", 5))).gpu()).isEqualTo("B");
        assertThat(choose(cap(slot("B", 5), slot("A", 3))).gpu()).isEqualTo("B");
    }

    @Test
    void onEqualSharesTheGpuWithFewerLobbiesTakesIt() {
        lobbyOn("A", 0);
        lobbyOn("B", 0);
        lobbyOn("B", 0);

        // 1/2 against 2/4
        assertThat(choose(cap(slot("B", 4), slot("A", 2))).gpu()).isEqualTo("A");
        assertThat(choose(cap(slot("A", 2), slot("B", 4))).gpu()).isEqualTo("A");
    }

    @Test
    void aGpuOneBelowItsCapTakesALobbyAndAFullOneDoesNot() {
        lobbyOn("A", 0);
        lobbyOn("A", 0);

        assertThat(choose(cap(slot("A", 3))).gpu()).isEqualTo("A");

        GpuChoice.Choice full = choose(cap(slot("A", 2)));
        assertThat(full.gpu()).isNull();
        assertThat(full.refusal()).isEqualTo(new Refusal(LimitKind.GPU_MEMORY, 2, 2));
    }

    @Test
    void whenEveryGpuIsFullTheRefusalIsTheOneClosestToHavingRoom() {
        lobbyOn("A", 0);
        lobbyOn("A", 0);
        lobbyOn("A", 0);
        lobbyOn("B", 0);
        lobbyOn("B", 0);

        // A: 3 of 2 (one over), B: 2 of 2 (none over)
        assertThat(choose(cap(slot("A", 2), slot("B", 2))).refusal()).isEqualTo(new Refusal(LimitKind.GPU_MEMORY, 2, 2));
        assertThat(choose(cap(slot("B", 2), slot("A", 2))).refusal()).isEqualTo(new Refusal(LimitKind.GPU_MEMORY, 2, 2));
        // equally over: the first refusal stays
        assertThat(choose(cap(slot("A", 3), slot("B", 2))).refusal()).isEqualTo(new Refusal(LimitKind.GPU_MEMORY, 3, 3));
    }

    @Test
    void anUnavailableGpuTakesNothingWhileAnotherDoes() {
        lobbyOn("B", 0);
        lobbyOn("B", 0);

        GpuSlot faulted = new GpuSlot("A", 5, LimitKind.GPU_FAULT, 0);
        assertThat(choose(cap(faulted, slot("B", 5))).gpu()).isEqualTo("B");
    }

    @Test
    void noGpuThatTakesLobbiesRefusesAsAFaultIfAnyIsFaultedElseAsBlind() {
        lobbyOn("A", 0);
        GpuSlot faulted = new GpuSlot("A", 5, LimitKind.GPU_FAULT, 0);
        GpuSlot unread = new GpuSlot("B", 5, LimitKind.BLIND_REFUSAL, 0);
        EffectiveCap cap = new EffectiveCap(7, LimitKind.STATIC, 6, null, 0, 1, 0, EncoderCapScope.PER_HOST,
                List.of(unread, faulted));

        assertThat(choose(cap).refusal()).isEqualTo(new Refusal(LimitKind.GPU_FAULT, 1, 7));
        EffectiveCap blind = new EffectiveCap(7, LimitKind.STATIC, 6, null, 0, 1, 0, EncoderCapScope.PER_HOST,
                List.of(unread, new GpuSlot("C", 5, LimitKind.BLIND_REFUSAL, 0)));
        assertThat(choose(blind).refusal()).isEqualTo(new Refusal(LimitKind.BLIND_REFUSAL, 1, 7));
    }

    @Test
    void aFullGpuIsAMoreUsefulRefusalThanAnUnavailableOne() {
        lobbyOn("B", 0);
        GpuSlot faulted = new GpuSlot("A", 5, LimitKind.GPU_FAULT, 0);

        assertThat(choose(cap(faulted, slot("B", 1))).refusal()).isEqualTo(new Refusal(LimitKind.GPU_MEMORY, 1, 1));
    }

    @Test
    void perGpuEncoderCapAdmitsUpToItsLastSessionAndRefusesPastIt() {
        lobbyOn("A", 1);
        lobbyOn("A", 1);

        assertThat(choose(encoderCap(3, EncoderCapScope.PER_GPU, slot("A", 10))).gpu()).isEqualTo("A");
        assertThat(choose(encoderCap(2, EncoderCapScope.PER_GPU, slot("A", 10))).refusal())
                .isEqualTo(new Refusal(LimitKind.ENCODER_SESSIONS, 2, 2));
    }

    @Test
    void perGpuEncoderCapCountsEachConnectedClientAndTheSessionsTheGpuShows() {
        lobbyOn("A", 3);

        assertThat(choose(encoderCap(3, EncoderCapScope.PER_GPU, slot("A", 10))).refusal())
                .as("three clients on one lobby use three sessions").isEqualTo(new Refusal(LimitKind.ENCODER_SESSIONS, 3, 3));
        assertThat(choose(encoderCap(5, EncoderCapScope.PER_GPU, new GpuSlot("A", 10, null, 5))).refusal())
                .as("the GPU shows more sessions than its lobbies' streams")
                .isEqualTo(new Refusal(LimitKind.ENCODER_SESSIONS, 5, 5));
        assertThat(choose(encoderCap(5, EncoderCapScope.PER_GPU, new GpuSlot("A", 10, null, 4))).gpu()).isEqualTo("A");
    }

    @Test
    void perGpuEncoderCapSendsTheLobbyToTheGpuWithSessionsLeft() {
        lobbyOn("A", 2);

        assertThat(choose(encoderCap(2, EncoderCapScope.PER_GPU, slot("A", 10), slot("B", 10))).gpu()).isEqualTo("B");
    }

    @Test
    void perGpuEncoderCapCountsEachStreamAtTheConfiguredSessions() {
        lobbyOn("A", 1);
        EffectiveCap twoPerStream = new EffectiveCap(10, LimitKind.STATIC, 9, null, 4, 2, 0, EncoderCapScope.PER_GPU,
                List.of(slot("A", 10)));
        EffectiveCap roomForTwo = new EffectiveCap(10, LimitKind.STATIC, 9, null, 5, 2, 0, EncoderCapScope.PER_GPU,
                List.of(slot("A", 10)));

        // one stream uses 2 sessions, the next needs 2 more
        assertThat(choose(twoPerStream).gpu()).isEqualTo("A");
        lobbyOn("A", 1);
        assertThat(choose(twoPerStream).refusal()).isEqualTo(new Refusal(LimitKind.ENCODER_SESSIONS, 4, 4));
        assertThat(choose(roomForTwo).refusal()).isEqualTo(new Refusal(LimitKind.ENCODER_SESSIONS, 4, 5));
    }

    @Test
    void anUnplacedStreamUsesSessionsOnEveryGpu() {
        unrecordedLobby();

        assertThat(choose(encoderCap(1, EncoderCapScope.PER_GPU, slot("A", 10))).refusal())
                .isEqualTo(new Refusal(LimitKind.ENCODER_SESSIONS, 1, 1));
        assertThat(choose(encoderCap(2, EncoderCapScope.PER_GPU, slot("A", 10))).gpu()).isEqualTo("A");
    }

    @Test
    void aPerGpuScopeWithoutAnEncoderCapChecksNoSessions() {
        lobbyOn("A", 4);

        assertThat(choose(encoderCap(0, EncoderCapScope.PER_GPU, slot("A", 10))).gpu()).isEqualTo("A");
    }

    @Test
    void aPerHostEncoderCapIsNotCheckedPerGpu() {
        lobbyOn("A", 2);

        assertThat(choose(encoderCap(2, EncoderCapScope.PER_HOST, slot("A", 10))).gpu()).isEqualTo("A");
    }

    @Test
    void aLobbyNothingPlacesCountsAgainstEveryGpu() {
        unrecordedLobby();
        lobbyOn("A", 0);

        GpuChoice.Loads loads = loads(cap(slot("A", 2), slot("B", 2)));

        assertThat(loads.lobbies()).containsExactly(1, 0);
        assertThat(loads.unplaced()).isEqualTo(1);
        assertThat(loads.unplacedStreams()).isEqualTo(1);
        // B holds none of its own, yet the unplaced lobby fills its one slot
        assertThat(choose(cap(slot("B", 1), slot("A", 2))).refusal())
                .isEqualTo(new Refusal(LimitKind.GPU_MEMORY, 1, 1));
    }

    @Test
    void aReservationCountsOnItsGpuOrOnEveryGpuWhenItNamesNone() {
        reservationOn("A");
        reservationOn("A");
        reservationOn(null);

        GpuChoice.Loads loads = loads(cap(slot("A", 5), slot("B", 5)));

        assertThat(loads.lobbies()).containsExactly(2, 0);
        assertThat(loads.streams()).containsExactly(2, 0);
        assertThat(loads.unplaced()).isEqualTo(1);
        assertThat(loads.unplacedStreams()).as("3 streams counted, 2 placed").isEqualTo(1);
    }

    @Test
    void anExpiredReservationCountsNowhere() {
        reservations.add(ReservationRecord.reserved("r", "h", "s", null, "lobby-r", NOW.minusSeconds(120), NOW)
                .onGpu("A"));

        GpuChoice.Loads loads = loads(cap(slot("A", 5)));

        assertThat(loads.lobbies()).containsExactly(0);
        assertThat(loads.unplaced()).isZero();
    }

    @Test
    void aCreatedButUncommittedLobbyCountsOnceOnItsReservationsGpu() {
        ReservationRecord r = reservationOn("B");
        listed.add(new LiveLobby("new", r.lobbyName(), false, 2));
        listed.add(new LiveLobby("new", r.lobbyName(), false, 2)); // listed twice, counted once

        GpuChoice.Loads loads = loads(cap(slot("A", 5), slot("B", 5)));

        assertThat(loads.lobbies()).containsExactly(0, 1);
        assertThat(loads.streams()).containsExactly(0, 2);
        assertThat(loads.unplaced()).isZero();
        assertThat(loads.unplacedStreams()).isZero();
    }

    @Test
    void aListedReservationWhoseLobbyIsAlsoRecordedCountsOnlyByItsRecord() {
        lobbyOn("B", 0);
        reservations.add(ReservationRecord.reserved("r", "h", "s", null, listed.get(0).name(), NOW.minusSeconds(1),
                NOW.plusSeconds(60)).onGpu("B"));

        GpuChoice.Loads loads = loads(cap(slot("A", 5), slot("B", 5)));

        assertThat(loads.lobbies()).containsExactly(0, 1);
        assertThat(loads.unplaced()).isZero();
    }

    @Test
    void aListedReservationOnAnUnknownGpuLeavesItsLobbyUnplaced() {
        ReservationRecord r = reservationOn("gone");
        listed.add(new LiveLobby("new", r.lobbyName(), false, 0));

        GpuChoice.Loads loads = loads(cap(slot("A", 5)));

        assertThat(loads.lobbies()).containsExactly(0);
        assertThat(loads.unplaced()).isEqualTo(1);
    }

    @Test
    void aRecordOnAGpuTheHostNoLongerHasIsUnplaced() {
        lobbyOn("gone", 0);

        GpuChoice.Loads loads = loads(cap(slot("A", 5)));

        assertThat(loads.lobbies()).containsExactly(0);
        assertThat(loads.unplaced()).isEqualTo(1);
    }

    @Test
    void aRecordWhoseLobbyNoLongerCountsIsNotPlaced() {
        lobbyRecords.add(new LobbyRecord("stopped", "h", "s", null, NOW.minusSeconds(600), NOW.minusSeconds(600), "A"));

        GpuChoice.Loads loads = loads(cap(slot("A", 5)));

        assertThat(loads.lobbies()).containsExactly(0);
        assertThat(loads.unplaced()).isZero();
    }

    @Test
    void aPlacedLobbyWithClientsDemandsAStreamPerClient() {
        lobbyOn("A", 3);
        lobbyOn("A", 0);

        GpuChoice.Loads loads = loads(cap(slot("A", 5)));

        assertThat(loads.streams()).containsExactly(4);
        assertThat(loads.unplacedStreams()).isZero();
    }
}
