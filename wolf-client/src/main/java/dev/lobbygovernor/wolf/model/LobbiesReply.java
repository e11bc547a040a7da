package dev.lobbygovernor.wolf.model;

import java.util.List;

/**
 * Reply to {@code GET /api/v1/lobbies}.
 *
 * @param success whether Wolf answered normally
 * @param lobbies the lobbies running now
 */
public record LobbiesReply(boolean success, List<Lobby> lobbies) {

    /**
     * An absent list becomes empty.
     *
     * @param success whether Wolf answered normally
     * @param lobbies the lobbies running now
     */
    public LobbiesReply {
        lobbies = lobbies == null ? List.of() : List.copyOf(lobbies);
    }
}
