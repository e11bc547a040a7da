package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A lobby as {@code GET /api/v1/lobbies} lists it. Wolf never returns the PIN, only whether one
 * is required.
 *
 * @param id the lobby id (a UUID)
 * @param name the display name
 * @param iconPngPath icon path, or {@code null}
 * @param multiUser whether several clients may join
 * @param startedByProfileId the profile that created it
 * @param pinRequired whether join and stop need the PIN
 * @param stopWhenEveryoneLeaves whether Wolf stops it when the last client leaves
 * @param runner what it runs, or {@code null} if not given
 * @param connectedSessions the Moonlight session ids connected now (strings on the wire)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Lobby(
        String id,
        String name,
        String iconPngPath,
        boolean multiUser,
        String startedByProfileId,
        boolean pinRequired,
        boolean stopWhenEveryoneLeaves,
        Runner runner,
        List<String> connectedSessions) {

    /**
     * An absent session list becomes empty.
     *
     * @param id the lobby id (a UUID)
     * @param name the display name
     * @param iconPngPath icon path, or {@code null}
     * @param multiUser whether several clients may join
     * @param startedByProfileId the profile that created it
     * @param pinRequired whether join and stop need the PIN
     * @param stopWhenEveryoneLeaves whether Wolf stops it when the last client leaves
     * @param runner what it runs, or {@code null} if not given
     * @param connectedSessions the Moonlight session ids connected now (strings on the wire)
     */
    public Lobby {
        connectedSessions = connectedSessions == null ? List.of() : List.copyOf(connectedSessions);
    }
}
