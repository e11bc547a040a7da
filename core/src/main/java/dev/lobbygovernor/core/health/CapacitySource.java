package dev.lobbygovernor.core.health;

/**
 * Where the {@link HealthMonitor} learns a host's lobby count and caps; the governor supplies it
 * ({@code governor::capacity}).
 */
@FunctionalInterface
public interface CapacitySource {

    /**
     * The host's lobby count against its limits now. Should not block for long: the monitor
     * calls it on its polling thread, once per host and poll. If it throws or returns null, the
     * poll goes on with the last capacity it returned (a warning is logged at most once per
     * reminder interval).
     *
     * @param hostId the host, as given to {@link HealthMonitor.Builder#host}
     * @return its count, caps and streaming lobbies; not null
     */
    HostCapacity capacity(String hostId);
}
