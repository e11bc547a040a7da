package dev.lobbygovernor.core.health;

/**
 * What a host does when monitoring has stayed lost too long: typically restart the streaming
 * server's container, the known cure for NVML's "Unknown Error" inside a container. The monitor
 * calls it off its polling path (see {@link HealthMonitor}), at most once per cool-down per host
 * (see {@link MonitorConfig}) and never again for a host while a call for it still runs, so it
 * may take as long as a restart takes.
 */
@FunctionalInterface
public interface Remediation {

    /**
     * Tries to restore monitoring on a host.
     *
     * @param hostId the host
     * @param health its health now ({@link HealthStatus#MONITORING_LOST})
     * @return what happened; {@code null} counts as a failed result
     * @throws Exception if the action could not be carried out; the monitor catches it, logs it
     *     and reports it to listeners as a failed result, so an implementation need not wrap
     *     what its container client throws
     */
    RemediationResult remediate(String hostId, HostHealth health) throws Exception;
}
