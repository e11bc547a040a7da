package dev.lobbygovernor.core.health.internal;

import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a host that lost monitoring lost until its readings have been good long enough: one
 * good reading between bad ones is a flap, not a recovery, and announcing it as one would log
 * a loss and a recovery per flap. A pure function of the previous and the new health.
 */
final class Hysteresis {

    private Hysteresis() {
    }

    /**
     * The health to publish.
     *
     * @param previous the health published last
     * @param classified the classifier's view of the latest reading alone
     * @param goodInARow good readings in a row, the latest included
     * @param needed good readings in a row needed to leave {@link HealthStatus#MONITORING_LOST}
     * @return {@code classified}, or, while a lost host has too few good readings in a row, a
     *     lost health that says how far its recovery got
     */
    static HostHealth apply(HostHealth previous, HostHealth classified, int goodInARow, int needed) {
        if (previous.status() != HealthStatus.MONITORING_LOST
                || classified.status() == HealthStatus.MONITORING_LOST || goodInARow >= needed) {
            return classified;
        }
        List<HealthReason> reasons = new ArrayList<>();
        reasons.add(new HealthReason.Recovering(goodInARow, needed));
        reasons.addAll(classified.reasons());
        return new HostHealth(classified.hostId(), HealthStatus.MONITORING_LOST, false,
                classified.lastGoodSample(), classified.probeSource(), reasons,
                classified.evaluatedAt(), classified.server());
    }
}
