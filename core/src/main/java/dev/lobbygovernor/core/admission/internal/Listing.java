package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.runtime.LiveLobby;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One answer of a host's runtime: its lobbies, their ids and names (a reservation's lobby is
 * recognised by its unique name), and how many have a connected client.
 *
 * @param lobbies what the runtime listed
 * @param ids their ids
 * @param names their names
 * @param streaming how many have a connected client
 * @param streamDemand the client streams its lobbies need encoders for: each lobby's connected
 *     clients, at least one (a lobby with no client yet keeps one in reserve for its first);
 *     a lobby listed twice counts once
 * @param startedAtMillis when the runtime was asked: the listing is at least that old
 */
record Listing(List<LiveLobby> lobbies, Set<String> ids, Set<String> names, int streaming, int streamDemand,
        long startedAtMillis) {

    /** A listing as nothing ran: before a host was ever listed. */
    static final Listing NONE = new Listing(List.of(), Set.of(), Set.of(), 0, 0, Long.MIN_VALUE);

    static Listing of(List<LiveLobby> lobbies, long startedAtMillis) {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        int streaming = 0;
        long streamDemand = 0;
        for (LiveLobby lobby : lobbies) {
            if (ids.add(lobby.id())) {
                streamDemand += Math.max(lobby.connectedSessions(), 1);
            }
            if (!lobby.name().isEmpty()) {
                names.add(lobby.name());
            }
            if (lobby.connectedSessions() > 0) {
                streaming++;
            }
        }
        return new Listing(List.copyOf(lobbies), Set.copyOf(ids), Set.copyOf(names), streaming,
                (int) Math.min(streamDemand, Integer.MAX_VALUE), startedAtMillis);
    }
}
