package dev.lobbygovernor.core.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A lobby the runtime lists that no record knows, as the reaper last saw it.
 *
 * @param hostId the host it runs on
 * @param lobbyId the runtime's id of it
 * @param firstSeenAt when this process first saw it (an orphan's age restarts with the process)
 * @param pinRequired whether stopping it needs a PIN, which the library does not have
 */
public record OrphanLobby(String hostId, String lobbyId, Instant firstSeenAt, boolean pinRequired) {

    /**
     * Validates the fields.
     *
     * @param hostId the host it runs on; not null
     * @param lobbyId the runtime's id of it; not null
     * @param firstSeenAt when this process first saw it; not null
     * @param pinRequired whether stopping it needs a PIN
     * @throws NullPointerException if {@code hostId}, {@code lobbyId} or {@code firstSeenAt}
     *     is null
     */
    public OrphanLobby {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(lobbyId, "lobbyId");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }

    /**
     * How long it has been seen, as of {@code now}.
     *
     * @param now the moment to measure to
     * @return the time since {@link #firstSeenAt()}; negative if {@code now} is earlier
     */
    public Duration age(Instant now) {
        return Duration.between(firstSeenAt, now);
    }
}
