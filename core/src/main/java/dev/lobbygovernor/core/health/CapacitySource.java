package dev.lobbygovernor.core.health;

/**
 * Where the {@link HealthMonitor} learns a host's lobby count and caps; the governor supplies it
 * ({@code governor::capacity}).
 */
@FunctionalInterface
public interface CapacitySource {

    /** The host's lobby count against its limits now. Should not block for long. */
    HostCapacity capacity(String hostId);
}
