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
 * @param startedAtMillis when the runtime was asked: the listing is at least that old
 */
record Listing(List<LiveLobby> lobbies, Set<String> ids, Set<String> names, int streaming, long startedAtMillis) {

    /** A listing as nothing ran: before a host was ever listed. */
    static final Listing NONE = new Listing(List.of(), Set.of(), Set.of(), 0, Long.MIN_VALUE);

    static Listing of(List<LiveLobby> lobbies, long startedAtMillis) {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        int streaming = 0;
        for (LiveLobby lobby : lobbies) {
            ids.add(lobby.id());
            if (!lobby.name().isEmpty()) {
                names.add(lobby.name());
            }
            if (lobby.connectedSessions() > 0) {
                streaming++;
            }
        }
        return new Listing(List.copyOf(lobbies), Set.copyOf(ids), Set.copyOf(names), streaming, startedAtMillis);
    }
}
