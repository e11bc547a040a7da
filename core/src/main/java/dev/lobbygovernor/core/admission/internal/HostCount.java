package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * What counts on a host, decided from the runtime's listing and the store's records: a pure
 * function, the same for every governor that shares the store.
 *
 * <p>A lobby counts once if the runtime lists it, or if a record names it that was committed no
 * earlier than the listing delay before the listing started: a listing may predate the lobby
 * (it was cached before the commit, or the runtime lists new lobbies late), so such a record
 * counts whatever the listing says. A record committed well before a listing that does not show
 * its lobby does not count: the lobby stopped, and cleanup forgets the record.
 * A reservation counts while {@link ReservationRecord#countsAt} says so, unless the listing
 * already shows a lobby with its unique name: then it is that lobby, counted once.
 *
 * <p>The client streams that need an encoder are counted the way Wolf encodes, once per
 * connected client: a listed lobby counts its clients, at least one (a lobby with no client yet
 * keeps one in reserve for its first); a lobby known only from its record, and a reservation,
 * count one.
 *
 * @param active lobbies and reservations that count
 * @param reserved the reservations among them
 * @param lobbies the ids of the lobbies among them
 * @param streams the client streams they need encoders for, reserves included
 */
record HostCount(int active, int reserved, Set<String> lobbies, int streams) {

    static HostCount of(Listing listing, HostRecords records, Instant now, Duration listingDelay) {
        // a record counts unlisted when committed after this instant (see above)
        long countsUnlistedAfter = saturatedMinus(listing.startedAtMillis(), listingDelay.toMillis());
        Set<String> lobbies = listing.ids(); // shared until a record adds a lobby the listing lacks
        for (LobbyRecord r : records.lobbies()) {
            if (!lobbies.contains(r.lobbyId()) && r.createdAt().toEpochMilli() > countsUnlistedAfter) {
                if (lobbies == listing.ids()) {
                    lobbies = new HashSet<>(lobbies);
                }
                lobbies.add(r.lobbyId());
            }
        }
        int reserved = 0;
        for (ReservationRecord r : records.reservations()) {
            if (r.countsAt(now) && !listing.names().contains(r.lobbyName())) {
                reserved++;
            }
        }
        // every lobby the listing lacks is known from its record alone: one stream each
        long streams = (long) listing.streamDemand() + reserved + (lobbies.size() - listing.ids().size());
        return new HostCount(lobbies.size() + reserved, reserved,
                lobbies == listing.ids() ? lobbies : Collections.unmodifiableSet(lobbies),
                (int) Math.min(streams, Integer.MAX_VALUE));
    }

    private static long saturatedMinus(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }
}
