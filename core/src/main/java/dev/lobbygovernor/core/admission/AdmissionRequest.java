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

    /** Requires a session id; a named host must not be blank. */
    public AdmissionRequest {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        hostId = hostId == null ? Optional.empty() : hostId;
        if (hostId.isPresent() && hostId.get().isBlank()) {
            throw new IllegalArgumentException("hostId must not be blank when given");
        }
    }

    /** A request for the session, on whichever host fits best. */
    public static AdmissionRequest forSession(String sessionId) {
        return new AdmissionRequest(sessionId, Optional.empty());
    }

    /** This request pinned to one host. */
    public AdmissionRequest onHost(String host) {
        return new AdmissionRequest(sessionId, Optional.ofNullable(host));
    }
}
