package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting before a host was ever listed, and the time helpers counts and suggestions use. */
class HostCountEdgeTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void beforeTheFirstListingEveryRecordCounts() {
        HostRecords records = new HostRecords("h", List.of(new LobbyRecord("a", "h", "s", null,
                Instant.EPOCH, Instant.EPOCH)), List.of());

        HostCount count = HostCount.of(Listing.NONE, records, T0, Duration.ofSeconds(60));

        assertThat(count.active()).isEqualTo(1);
        assertThat(count.lobbies()).containsExactly("a");
        assertThat(count.streams()).as("one stream for a lobby known from its record alone").isEqualTo(1);
    }

    @Test
    void aListingWithRecordsItLacksStillReportsTheListedLobbies() {
        Listing listing = Listing.of(List.of(new LiveLobby("x", "n", false, 2)), T0.toEpochMilli());
        HostRecords records = new HostRecords("h", List.of(new LobbyRecord("a", "h", "s", null, T0, T0)), List.of());

        HostCount count = HostCount.of(listing, records, T0, Duration.ofSeconds(60));

        assertThat(count.lobbies()).containsExactlyInAnyOrder("a", "x");
        assertThat(count.streams()).isEqualTo(3);
        assertThat(listing.ids()).as("the listing is left as it was").containsExactly("x");
    }

    @Test
    void timeSinceAnInstantIsNeverNegative() {
        assertThat(HostLobbies.since(T0, T0.plusSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(HostLobbies.since(T0.plusSeconds(5), T0)).as("clocks may disagree").isEqualTo(Duration.ZERO);
        assertThat(HostLobbies.since(T0, T0)).isEqualTo(Duration.ZERO);
    }
}
