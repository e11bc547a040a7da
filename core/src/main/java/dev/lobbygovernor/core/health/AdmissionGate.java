package dev.lobbygovernor.core.health;

/**
 * What health monitoring sees of admission control (the {@code LobbyGovernor} implements it):
 * monitoring reads each host's lobby count to classify nearness to capacity, and reports each
 * host's health so that admission uses GPU-derived caps only while monitoring works.
 *
 * <p>Declared here so that health code never depends on the governor's package.
 * Implementations are thread-safe and do no I/O in either method.
 */
public interface AdmissionGate {

    /**
     * Takes a host's latest health. Reports older than one already taken are ignored; a
     * report for a host the gate does not know is logged and ignored. Never throws for a
     * well-formed report.
     */
    void reportHealth(HostHealth health);

    /**
     * A host's lobby count against its limits now.
     *
     * @throws IllegalArgumentException if the host is unknown
     */
    HostCapacity capacity(String hostId);
}
