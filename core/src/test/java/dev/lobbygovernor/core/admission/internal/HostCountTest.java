package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts on a host, rule by rule, each pinned on both sides of its edge. */
class HostCountTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DELAY = Duration.ofSeconds(60);

    private static Listing listing(Instant startedAt, LiveLobby... lobbies) {
        return Listing.of(List.of(lobbies), startedAt.toEpochMilli());
    }

    private static LobbyRecord record(String id, Instant created) {
        return new LobbyRecord(id, "h", "s", null, created, created);
    }

    private static HostRecords records(List<LobbyRecord> lobbies, List<ReservationRecord> reservations) {
        return new HostRecords("h", lobbies, reservations);
    }

    @Test
    void aListedLobbyWithARecordCountsOnce() {
        HostCount c = HostCount.of(listing(T0, new LiveLobby("a", "n", false, 0)),
                records(List.of(record("a", T0.minusSeconds(600))), List.of()), T0, DELAY);

        assertThat(c.active()).isEqualTo(1);
    }

    @Test
    void anUnlistedRecordCountsWhileTheListingMayPredateItsLobby() {
        Instant listedAt = T0;
        HostRecords young = records(List.of(record("a", listedAt.minus(DELAY).plusMillis(1))), List.of());
        HostRecords old = records(List.of(record("a", listedAt.minus(DELAY))), List.of());

        assertThat(HostCount.of(listing(listedAt), young, T0, DELAY).active()).isEqualTo(1);
        assertThat(HostCount.of(listing(listedAt), old, T0, DELAY).active()).as("the lobby stopped").isZero();
    }

    @Test
    void anUnusedReservationCountsUntilItExpires() {
        ReservationRecord r = ReservationRecord.reserved("r", "h", "s", null, "lobby-x", T0, T0.plusSeconds(120));

        assertThat(HostCount.of(listing(T0), records(List.of(), List.of(r)), T0.plusSeconds(120).minusMillis(1), DELAY)
                .reserved()).isEqualTo(1);
        assertThat(HostCount.of(listing(T0), records(List.of(), List.of(r)), T0.plusSeconds(120), DELAY).active())
                .isZero();
    }

    @Test
    void aReservationWithACreateAttemptCountsPastItsExpiry() {
        ReservationRecord r = ReservationRecord.reserved("r", "h", "s", null, "lobby-x", T0, T0.plusSeconds(120))
                .creating(T0.plusSeconds(1)).abandoned();

        assertThat(HostCount.of(listing(T0), records(List.of(), List.of(r)), T0.plusSeconds(3_600), DELAY).active())
                .isEqualTo(1);
    }

    @Test
    void aReservationWhoseLobbyIsListedByNameIsThatLobbyCountedOnce() {
        ReservationRecord r = ReservationRecord.reserved("r", "h", "s", null, "lobby-x", T0, T0.plusSeconds(120))
                .creating(T0);

        HostCount c = HostCount.of(listing(T0, new LiveLobby("wolf-1", "lobby-x", false, 0)),
                records(List.of(), List.of(r)), T0, DELAY);

        assertThat(c.active()).isEqualTo(1);
        assertThat(c.reserved()).isZero();
        assertThat(c.lobbies()).containsExactly("wolf-1");
    }

    /**
     * Streams, against a model written from Wolf's side: each listed lobby encodes once per
     * connected client and keeps one in reserve while it has none; a young unlisted record and a
     * live reservation each stand for one lobby with no client yet.
     */
    @Test
    void streamsCountEveryConnectedClientAndOneReservePerLobbyWithout() {
        qt().forAll(lists().of(integers().between(0, 6)).ofSizeBetween(0, 6), integers().between(0, 3),
                integers().between(0, 3)).checkAssert((clients, youngRecords, reservations) -> {
                    List<LiveLobby> listed = new ArrayList<>();
                    List<LobbyRecord> lobbyRecords = new ArrayList<>();
                    for (int i = 0; i < clients.size(); i++) {
                        listed.add(new LiveLobby("listed-" + i, "n" + i, false, clients.get(i)));
                        lobbyRecords.add(record("listed-" + i, T0.minusSeconds(600)));
                    }
                    for (int i = 0; i < youngRecords; i++) {
                        lobbyRecords.add(record("young-" + i, T0.minusSeconds(1)));
                    }
                    List<ReservationRecord> open = new ArrayList<>();
                    for (int i = 0; i < reservations; i++) {
                        open.add(ReservationRecord.reserved("r" + i, "h", "s", null, "lobby-r" + i, T0,
                                T0.plusSeconds(120)));
                    }
                    HostCount c = HostCount.of(Listing.of(listed, T0.toEpochMilli()), records(lobbyRecords, open), T0,
                            DELAY);

                    int expected = youngRecords + reservations;
                    for (int n : clients) {
                        expected += n == 0 ? 1 : n;
                    }
                    assertThat(c.streams()).isEqualTo(expected);
                    assertThat(c.active()).isEqualTo(clients.size() + youngRecords + reservations);
                });
    }
}
