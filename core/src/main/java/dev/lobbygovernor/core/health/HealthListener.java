package dev.lobbygovernor.core.health;

import java.time.Duration;

/**
 * Hears about changes in host health. Every method has a no-op default: implement the ones you
 * need. Calls come on the monitor's polling thread, in this order for one poll of one host:
 * {@link #onStatusChanged}, then {@link #onMonitoringLost} or {@link #onMonitoringRestored}.
 * {@link #onRemediation} comes from the thread that ran the remediation, once it has returned,
 * so it may come between later polls' events. Each {@code onMonitoringLost} is followed by
 * exactly one {@code onMonitoringRestored} once a good sample returns. Listeners should return
 * quickly and must not throw; an exception is caught and logged, and the other listeners still
 * hear the event.
 */
public interface HealthListener {

    /** A host's status changed, {@code previous.status()} to {@code current.status()}. */
    default void onStatusChanged(HostHealth previous, HostHealth current) {
    }

    /** A host entered {@link HealthStatus#MONITORING_LOST}: its GPU cannot be read plausibly. */
    default void onMonitoringLost(HostHealth health) {
    }

    /** A host left {@link HealthStatus#MONITORING_LOST} after being dark for {@code darkFor}. */
    default void onMonitoringRestored(HostHealth health, Duration darkFor) {
    }

    /** The remediation action ran for a host, with this result. */
    default void onRemediation(String hostId, RemediationResult result) {
    }
}
