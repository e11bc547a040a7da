package dev.lobbygovernor.core.health;

import java.time.Duration;

/**
 * Hears about changes in host health. Every method has a no-op default: implement the ones you
 * need. Calls come on one of the monitor's polling threads, one host at a time, in this order
 * for one poll of one host:
 * {@link #onStatusChanged}, then {@link #onMonitoringLost} or {@link #onMonitoringRestored}.
 * {@link #onRemediation} comes from the thread that ran the remediation, once it has returned,
 * so it may come between later polls' events. Each {@code onMonitoringLost} is followed by
 * exactly one {@code onMonitoringRestored} once good samples return
 * ({@link MonitorConfig#recoveryReadings()} in a row). Listeners should return quickly and must
 * not throw; an exception is caught and logged (at WARN with its stack trace the first time a
 * listener throws from a method, at DEBUG after that), and the other listeners still hear the
 * event.
 */
public interface HealthListener {

    /** A listener that ignores everything. */
    HealthListener NONE = new HealthListener() {
    };

    /**
     * A host's status changed, {@code previous.status()} to {@code current.status()}.
     *
     * @param previous the host's health before this poll
     * @param current its health now, with the reasons for the new status
     */
    default void onStatusChanged(HostHealth previous, HostHealth current) {
    }

    /**
     * A host entered {@link HealthStatus#MONITORING_LOST}: its GPU cannot be read plausibly.
     *
     * @param health the host's health now; its reasons say why monitoring is lost
     */
    default void onMonitoringLost(HostHealth health) {
    }

    /**
     * A host left {@link HealthStatus#MONITORING_LOST} after being dark for {@code darkFor}.
     *
     * @param health the host's health now, from a plausible, fresh sample
     * @param darkFor how long monitoring was lost, on the monitor's clock
     */
    default void onMonitoringRestored(HostHealth health, Duration darkFor) {
    }

    /**
     * The remediation action ran for a host, with this result. A remediation that threw or
     * returned null is heard as a failed result.
     *
     * @param hostId the host that was remediated
     * @param result whether it succeeded, and what it said
     */
    default void onRemediation(String hostId, RemediationResult result) {
    }
}
