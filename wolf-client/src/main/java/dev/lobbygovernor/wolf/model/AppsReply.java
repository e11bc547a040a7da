package dev.lobbygovernor.wolf.model;

import java.util.List;

/**
 * Reply to {@code GET /api/v1/apps}.
 *
 * @param success whether Wolf answered normally
 * @param apps the configured apps
 */
public record AppsReply(boolean success, List<App> apps) {

    /**
     * An absent list becomes empty.
     *
     * @param success whether Wolf answered normally
     * @param apps the configured apps
     */
    public AppsReply {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }
}
