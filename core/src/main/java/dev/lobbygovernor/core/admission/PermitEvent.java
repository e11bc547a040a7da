package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.health.HealthStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A permit as an {@link AdmissionListener} hears it: ids and numbers, never the PIN.
 *
 * @param hostId the host the slot is on
 * @param sessionId the session the lobby is for
 * @param reservationId the reservation's id in the store
 * @param lobbyId the lobby it was committed as; empty before a commit
 * @param activeAfter lobbies on the host once the slot was granted, this one included
 * @param cap the host's effective cap at the grant
 * @param warning whether the grant reached the host's warning threshold (nearly full)
 * @param healthStatus the host's health status at the grant
 */
public record PermitEvent(String hostId, String sessionId, String reservationId, Optional<String> lobbyId,
        int activeAfter, int cap, boolean warning, HealthStatus healthStatus) {

    /**
     * Validates the fields.
     *
     * @param hostId the host; not null
     * @param sessionId the session; not null
     * @param reservationId the reservation; not null
     * @param lobbyId the lobby, or empty; not null
     * @param activeAfter the count after the grant
     * @param cap the cap at the grant
     * @param warning whether the host was nearly full
     * @param healthStatus the host's health; not null
     * @throws NullPointerException if a reference is null
     */
    public PermitEvent {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(lobbyId, "lobbyId");
        Objects.requireNonNull(healthStatus, "healthStatus");
    }

    /**
     * The event for a permit as it stands now.
     *
     * @param permit the permit; its PIN is not read
     * @return the event
     */
    public static PermitEvent of(Permit permit) {
        return new PermitEvent(permit.hostId(), permit.sessionId(), permit.reservationId(), permit.lobbyId(),
                permit.activeAfter(), permit.cap(), permit.warning(), permit.healthStatus());
    }
}
