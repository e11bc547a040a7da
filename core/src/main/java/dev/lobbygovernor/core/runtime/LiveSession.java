package dev.lobbygovernor.core.runtime;

import java.util.Objects;

/**
 * A streaming session as the server lists it.
 *
 * @param id the session's id, the value a stop names and a lobby's connected sessions list
 * @param appId the app the session streams; empty if the server did not say
 */
public record LiveSession(String id, String appId) {

    /**
     * Validates the id.
     *
     * @param id the session's id; not blank
     * @param appId the app it streams; {@code null} reads as empty
     * @throws IllegalArgumentException if {@code id} is null or blank
     */
    public LiveSession {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("session id must not be blank");
        }
        appId = Objects.requireNonNullElse(appId, "");
    }
}
