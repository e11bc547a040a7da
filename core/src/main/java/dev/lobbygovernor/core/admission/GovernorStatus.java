package dev.lobbygovernor.core.admission;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every host's state at one moment, for dashboards and the {@code doctor} command.
 *
 * @param at when it was taken
 * @param hosts one entry per host, in the order they were configured
 */
public record GovernorStatus(Instant at, List<HostStatus> hosts) {

    /**
     * Requires the time; copies the hosts.
     *
     * @param at when it was taken; not null
     * @param hosts one entry per host; not null, copied
     * @throws NullPointerException if {@code at} or {@code hosts} is null
     */
    public GovernorStatus {
        Objects.requireNonNull(at, "at");
        hosts = List.copyOf(hosts);
    }

    /**
     * One host's entry.
     *
     * @param hostId the host's id
     * @return its entry, or empty if no configured host has that id
     */
    public Optional<HostStatus> host(String hostId) {
        return hosts.stream().filter(h -> h.hostId().equals(hostId)).findFirst();
    }
}
