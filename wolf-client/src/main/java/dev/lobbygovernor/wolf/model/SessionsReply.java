package dev.lobbygovernor.wolf.model;

import java.util.List;

/**
 * Reply to {@code GET /api/v1/sessions}.
 *
 * @param success whether Wolf answered normally
 * @param sessions the streaming sessions
 */
public record SessionsReply(boolean success, List<StreamSession> sessions) {

    /**
     * An absent list becomes empty.
     *
     * @param success whether Wolf answered normally
     * @param sessions the streaming sessions
     */
    public SessionsReply {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
