package dev.lobbygovernor.spring.internal;

import dev.lobbygovernor.core.gpu.GpuProbe;

/**
 * Wraps each host's probe before the monitor gets it; the Micrometer binder times probes this
 * way, and the auto-configuration must not name Micrometer's types where Micrometer is absent.
 */
@FunctionalInterface
public interface ProbeDecorator {

    /**
     * Wraps a host's probe.
     *
     * @param hostId the host
     * @param probe its probe
     * @return the probe the monitor uses
     */
    GpuProbe decorate(String hostId, GpuProbe probe);
}
