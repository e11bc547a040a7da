package dev.lobbygovernor.core.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * A lobby a refused user might close to make room: never carries the PIN.
 *
 * @param lobbyId the lobby
 * @param age how long ago it was created
 * @param idle how long since its last recorded activity
 */
public record IdleLobbySuggestion(String lobbyId, Duration age, Duration idle) {

    /**
     * Requires every field.
     *
     * @param lobbyId the lobby; not null
     * @param age how long ago it was created; not null
     * @param idle how long since its last recorded activity; not null
     * @throws NullPointerException if any field is null
     */
    public IdleLobbySuggestion {
        Objects.requireNonNull(lobbyId, "lobbyId");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(idle, "idle");
    }
}
