package dev.lobbygovernor.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the governor remembers of a lobby it admitted: saved when the permit is committed,
 * before the host reports success, and kept until the lobby is verified gone.
 *
 * <p>The record is separate from the session on purpose: deleting a session, even hard, must
 * not lose the credentials needed to stop its lobby (the incident's cleanup defect).
 *
 * @param lobbyId the runtime's id of the lobby (Wolf's lobby UUID)
 * @param hostId the governor's id of the host the lobby runs on
 * @param sessionId the host application's session that owns the lobby
 * @param pin the lobby's PIN, or {@code null} for an open lobby; masked in {@link #toString()}
 * @param createdAt when the lobby was committed
 * @param lastActivityAt when the lobby was last reported active
 * @param gpu the GPU of the host the lobby was placed on (its NVML UUID), or empty when the
 *     host's GPUs are not told apart
 */
public record LobbyRecord(
        String lobbyId,
        String hostId,
        String sessionId,
        LobbyPin pin,
        Instant createdAt,
        Instant lastActivityAt,
        String gpu) {

    /**
     * Validates that every field but the PIN is present.
     *
     * @param lobbyId the runtime's id of the lobby; not blank
     * @param hostId the governor's id of the host; not blank
     * @param sessionId the owning session; not blank
     * @param pin the lobby's PIN, or {@code null} for an open lobby
     * @param createdAt when the lobby was committed; not {@code null}
     * @param lastActivityAt when the lobby was last reported active; not {@code null}
     * @param gpu the GPU's UUID, or empty (or {@code null}, read as empty) for none
     * @throws IllegalArgumentException if an id is {@code null} or blank
     * @throws NullPointerException if a time is {@code null}
     */
    public LobbyRecord {
        gpu = gpu == null ? "" : gpu;
        requireText(lobbyId, "lobbyId");
        requireText(hostId, "hostId");
        requireText(sessionId, "sessionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
    }

    /**
     * A record of a lobby on no GPU in particular.
     *
     * @param lobbyId the runtime's id of the lobby; not blank
     * @param hostId the governor's id of the host; not blank
     * @param sessionId the owning session; not blank
     * @param pin the lobby's PIN, or {@code null} for an open lobby
     * @param createdAt when the lobby was committed; not {@code null}
     * @param lastActivityAt when the lobby was last reported active; not {@code null}
     * @throws IllegalArgumentException if an id is {@code null} or blank
     * @throws NullPointerException if a time is {@code null}
     */
    public LobbyRecord(String lobbyId, String hostId, String sessionId, LobbyPin pin, Instant createdAt,
            Instant lastActivityAt) {
        this(lobbyId, hostId, sessionId, pin, createdAt, lastActivityAt, "");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * The PIN, if the lobby has one.
     *
     * @return the PIN, or empty for an open lobby
     */
    public Optional<LobbyPin> optionalPin() {
        return Optional.ofNullable(pin);
    }

    /**
     * This record with its last activity moved to {@code at}.
     *
     * @param at the new last activity
     * @return a copy of this record with {@code lastActivityAt} set to {@code at}
     */
    public LobbyRecord touchedAt(Instant at) {
        return new LobbyRecord(lobbyId, hostId, sessionId, pin, createdAt, at, gpu);
    }
}
