package dev.lobbygovernor.core.admission;

import java.util.Optional;

/**
 * A request for one lobby slot.
 *
 * @param sessionId the host application's session the lobby will belong to
 * @param hostId the host to place it on; empty lets the governor pick the least-loaded
 *     admissible host
 */
public record AdmissionRequest(String sessionId, Optional<String> hostId) {

    /**
     * Requires a session id; a named host must not be blank.
     *
     * @param sessionId the session the lobby will belong to; not blank
     * @param hostId the host to place it on, or empty for any; {@code null} reads as empty
     * @throws IllegalArgumentException if {@code sessionId} is null or blank, or
     *     {@code hostId} holds a blank id
     */
    public AdmissionRequest {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        hostId = hostId == null ? Optional.empty() : hostId;
        if (hostId.isPresent() && hostId.get().isBlank()) {
            throw new IllegalArgumentException("hostId must not be blank when given");
        }
    }

    /**
     * A request for the session, on whichever host fits best.
     *
     * @param sessionId the session the lobby will belong to; not blank
     * @return a request with no host named
     * @throws IllegalArgumentException if {@code sessionId} is null or blank
     */
    public static AdmissionRequest forSession(String sessionId) {
        return new AdmissionRequest(sessionId, Optional.empty());
    }

    /**
     * This request pinned to one host; the governor will then not try any other.
     *
     * @param host the host's id, or {@code null} to let the governor pick again
     * @return a new request for the same session; this one is unchanged
     * @throws IllegalArgumentException if {@code host} is blank
     */
    public AdmissionRequest onHost(String host) {
        return new AdmissionRequest(sessionId, Optional.ofNullable(host));
    }
}
