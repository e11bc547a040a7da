package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.health.HealthStatus;
import java.util.List;
import java.util.Objects;

/**
 * One host's refusal, as a value.
 *
 * @param hostId the host that refused
 * @param reason why
 * @param active lobbies running or reserved on it when it refused
 * @param cap its effective cap then
 * @param healthStatus its health status then
 * @param message the sentence for people
 * @param suggestions the longest-idle lobbies on it, longest idle first (empty if unknown)
 */
public record HostDenial(
        String hostId,
        DenialReason reason,
        int active,
        int cap,
        HealthStatus healthStatus,
        String message,
        List<IdleLobbySuggestion> suggestions) {

    /**
     * Requires every field; copies the suggestions.
     *
     * @param hostId the host that refused; not null
     * @param reason why; not null
     * @param active lobbies running or reserved on it when it refused
     * @param cap its effective cap then
     * @param healthStatus its health status then; not null
     * @param message the sentence for people; not null, never a PIN
     * @param suggestions the longest-idle lobbies on it; not null, copied
     * @throws NullPointerException if a field that must be present is null
     */
    public HostDenial {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(healthStatus, "healthStatus");
        Objects.requireNonNull(message, "message");
        suggestions = List.copyOf(suggestions);
    }
}
