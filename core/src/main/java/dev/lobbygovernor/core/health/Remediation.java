package dev.lobbygovernor.core.health;

/**
 * What a host does when monitoring has stayed lost too long: typically restart the streaming
 * server's container, the known cure for NVML's "Unknown Error" inside a container. The monitor
 * calls it on its polling thread, at most once per cool-down per host (see {@link MonitorConfig}),
 * so it should finish within seconds.
 */
@FunctionalInterface
public interface Remediation {

    /**
     * Tries to restore monitoring on a host.
     *
     * @param hostId the host
     * @param health its health now ({@link HealthStatus#MONITORING_LOST})
     * @return what happened; an exception counts as a failed result
     */
    RemediationResult remediate(String hostId, HostHealth health) throws Exception;
}
