package dev.lobbygovernor.core.admission;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One lobby that counts against a host. Never carries the PIN.
 *
 * @param lobbyId the lobby
 * @param sessionId the session it belongs to, empty for a leaked lobby (running, not recorded)
 * @param age how long ago it was committed, empty for a leaked lobby
 * @param idle how long since its last recorded activity, empty for a leaked lobby
 */
public record LobbyStatus(String lobbyId, Optional<String> sessionId, Optional<Duration> age,
        Optional<Duration> idle) {

    /**
     * Requires every field.
     *
     * @param lobbyId the lobby; not null
     * @param sessionId the session it belongs to; not null, empty for a leaked lobby
     * @param age how long ago it was committed; not null, empty for a leaked lobby
     * @param idle how long since its last recorded activity; not null, empty for a leaked lobby
     * @throws NullPointerException if any field is null
     */
    public LobbyStatus {
        Objects.requireNonNull(lobbyId, "lobbyId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(idle, "idle");
    }

    /**
     * Whether the lobby runs without a record: nobody can say whose it is or how old.
     *
     * @return true if it has no session, i.e. the runtime lists it but the store does not
     */
    public boolean leaked() {
        return sessionId.isEmpty();
    }
}
