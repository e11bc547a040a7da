package dev.lobbygovernor.core.cleanup.internal;

import java.util.List;
import java.util.Map;

/**
 * The planner's decision for one host.
 *
 * @param hostId the host
 * @param actions what to do, records first, then orphans
 * @param sightings the orphans to remember for the next cycle, by lobby id
 */
record HostPlan(String hostId, List<PlannedAction> actions, Map<String, OrphanSighting> sightings) {

    HostPlan {
        actions = List.copyOf(actions);
        sightings = Map.copyOf(sightings);
    }
}
